package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Gain;
import org.motorlearn.dsl.motorLearn.GainInit;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Rotation;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.util.Experiments;

/**
 * The numeric parameters of an experiment, by name: what {@code sweep NAME ...} and
 * {@code motorlearn run --set NAME=VALUE} may change. A pure function of the AST, shared by the
 * validator, the generator and the command line so the three always agree.
 *
 * <p>The scheme (docs/validation.md, "Parameter names"):
 * <ul>
 *   <li>{@code seed}</li>
 *   <li>{@code NET.dt}; {@code NET.MODULE.units|tau|noise}, {@code NET.MODULE.gain} (when its recurrent
 *       weights use {@code init gain}); {@code NET.SRC->DST.density}, {@code NET.SRC->DST.gain}</li>
 *   <li>{@code TASK.targets|trial|movement|train|test|hold|inputGain}, {@code TASK.jitter.direction|duration};
 *       ranges ({@code reach}, {@code cue}, {@code go}) as {@code TASK.reach} (both ends),
 *       {@code TASK.reach.min}, {@code TASK.reach.max}</li>
 *   <li>{@code PERTURBATION.angle} (rotation), {@code PERTURBATION.factor} (gain)</li>
 *   <li>{@code loss.mseFrom|weightPenalty|ratePenalty}</li>
 *   <li>{@code PHASE.updates|batch|clip|lr|eps|momentum|beta1|beta2}</li>
 *   <li>{@code ANALYSIS.components}, {@code ANALYSIS.std} (noise robustness scale), where ANALYSIS is the
 *       analysis's name or {@code analysis} when it has none</li>
 * </ul>
 * Every setting of the experiment's elements has a name whether or not the spec writes it (the
 * runtime's default applies when it does not).
 */
public final class ParameterNames {

  /** Which end of a range setting a parameter sets. */
  public enum End { BOTH, MIN, MAX }

  /** The setting a parameter name stands for: a Quantity- or Range-valued feature of an AST element. */
  public record Parameter(String name, EObject owner, EStructuralFeature feature, End end) {
  }

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  private ParameterNames() {
  }

  /** All parameters of an experiment in a stable order (the order the elements are written). */
  public static Map<String, Parameter> of(Experiment experiment) {
    Map<String, Parameter> names = new LinkedHashMap<>();
    add(names, "seed", experiment, ML.getExperiment_Seed());
    Network network = Experiments.network(experiment);
    if (network != null && network.getName() != null) {
      String net = network.getName() + ".";
      add(names, net + "dt", network, ML.getNetwork_Dt());
      for (Module module : network.getModules()) {
        String prefix = net + module.getName() + ".";
        add(names, prefix + "units", module, ML.getModule_Units());
        add(names, prefix + "tau", module, ML.getModule_Tau());
        add(names, prefix + "noise", module, ML.getModule_Noise());
        if (module.getRecurrentInit() instanceof GainInit gain) {
          add(names, prefix + "gain", gain, ML.getGainInit_Gain());
        }
      }
      for (Connection connection : network.getConnections()) {
        if (connection.getSource() == null || connection.getTarget() == null) {
          continue;
        }
        String prefix = net + connection.getSource().getName() + "->" + connection.getTarget().getName() + ".";
        add(names, prefix + "density", connection, ML.getConnection_Density());
        if (connection.getInit() instanceof GainInit gain) {
          add(names, prefix + "gain", gain, ML.getGainInit_Gain());
        }
      }
    }
    Task task = Experiments.task(experiment);
    if (task != null && task.getName() != null) {
      String prefix = task.getName() + ".";
      add(names, prefix + "targets", task, ML.getTask_Targets());
      addRange(names, prefix + "reach", task, ML.getTask_Reach());
      add(names, prefix + "trial", task, ML.getTask_Trial());
      addRange(names, prefix + "cue", task, ML.getTask_Cue());
      addRange(names, prefix + "go", task, ML.getTask_Go());
      add(names, prefix + "movement", task, ML.getTask_Movement());
      add(names, prefix + "train", task, ML.getTask_Train());
      add(names, prefix + "test", task, ML.getTask_Test());
      add(names, prefix + "hold", task, ML.getTask_Hold());
      add(names, prefix + "inputGain", task, ML.getTask_InputGain());
      if (task.getJitter() != null) {
        add(names, prefix + "jitter.direction", task.getJitter(), ML.getJitter_Direction());
        add(names, prefix + "jitter.duration", task.getJitter(), ML.getJitter_Duration());
      }
    }
    for (Perturbation perturbation : perturbations(experiment)) {
      if (perturbation.getName() == null) {
        continue;
      }
      if (perturbation.getEffect() instanceof Rotation rotation) {
        add(names, perturbation.getName() + ".angle", rotation, ML.getRotation_Angle());
      } else if (perturbation.getEffect() instanceof Gain gain) {
        add(names, perturbation.getName() + ".factor", gain, ML.getGain_Factor());
      }
    }
    EObject loss = Experiments.loss(experiment);
    if (loss != null) {
      add(names, "loss.mseFrom", loss, ML.getLoss_MseFrom());
      add(names, "loss.weightPenalty", loss, ML.getLoss_WeightPenalty());
      add(names, "loss.ratePenalty", loss, ML.getLoss_RatePenalty());
    }
    for (Phase phase : experiment.getPhases()) {
      if (phase.getName() == null) {
        continue;
      }
      String prefix = phase.getName() + ".";
      add(names, prefix + "updates", phase, ML.getPhase_Updates());
      add(names, prefix + "batch", phase, ML.getPhase_Batch());
      add(names, prefix + "clip", phase, ML.getPhase_Clip());
      if (phase.getOptimizer() != null) {
        add(names, prefix + "lr", phase.getOptimizer(), ML.getOptimizer_Lr());
        add(names, prefix + "eps", phase.getOptimizer(), ML.getOptimizer_Eps());
        add(names, prefix + "momentum", phase.getOptimizer(), ML.getOptimizer_Momentum());
        add(names, prefix + "beta1", phase.getOptimizer(), ML.getOptimizer_Beta1());
        add(names, prefix + "beta2", phase.getOptimizer(), ML.getOptimizer_Beta2());
      }
    }
    for (Analysis analysis : experiment.getAnalyses()) {
      String prefix = (analysis.getName() == null ? "analysis" : analysis.getName()) + ".";
      add(names, prefix + "components", analysis, ML.getAnalysis_Components());
      add(names, prefix + "std", analysis, ML.getAnalysis_NoiseScale());
    }
    return Collections.unmodifiableMap(names);
  }

  /** The name of the parameter that sets this feature of this element in the experiment, or null. */
  public static String nameOf(Map<String, Parameter> parameters, EObject owner, EStructuralFeature feature, End end) {
    for (Parameter parameter : parameters.values()) {
      if (parameter.owner() == owner && parameter.feature() == feature && parameter.end() == end) {
        return parameter.name();
      }
    }
    return null;
  }

  /** The experiment's own perturbations, then top-level ones its phases train under. */
  public static List<Perturbation> perturbations(Experiment experiment) {
    List<Perturbation> perturbations = new ArrayList<>(experiment.getPerturbations());
    for (Phase phase : experiment.getPhases()) {
      Perturbation under = phase.getUnder();
      if (under != null && !under.eIsProxy() && !perturbations.contains(under)) {
        perturbations.add(under);
      }
    }
    return perturbations;
  }

  private static void add(Map<String, Parameter> names, String name, EObject owner, EStructuralFeature feature) {
    names.putIfAbsent(name, new Parameter(name, owner, feature, End.BOTH));
  }

  private static void addRange(Map<String, Parameter> names, String name, EObject owner, EStructuralFeature feature) {
    add(names, name, owner, feature);
    names.putIfAbsent(name + ".min", new Parameter(name + ".min", owner, feature, End.MIN));
    names.putIfAbsent(name + ".max", new Parameter(name + ".max", owner, feature, End.MAX));
  }
}

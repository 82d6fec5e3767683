package org.motorlearn.dsl.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Effect;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Init;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Jitter;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Optimizer;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.units.SpecQuantities;

/**
 * The names of an experiment's numeric parameters (docs/language.md, "Parameter names"), used by
 * sweeps and {@code --set name=value}. A name is the path of names from the experiment down to the
 * setting, joined by dots; elements without a name contribute their role:
 * <pre>
 *   seed                          experiment setting
 *   Cortex.dt                     network setting
 *   Cortex.PMd.tau                module setting
 *   Cortex.PMd.recurrentInit.gain weight initialisation (initialState, recurrentInit, init)
 *   Cortex.cue.size               input / readout setting
 *   Cortex.Upstream->PMd.density  connection: source->target
 *   CenterOut.reach.min           a range written as a..b has .min and .max; a single value has neither
 *   CenterOut.jitter.direction    jitter block
 *   VR30.angle, Big.factor        perturbation
 *   loss.weightPenalty            an unnamed loss is "loss"; a named one uses its name (Paper.ratePenalty)
 *   initial.lr                    phase settings; the optimiser's lr, beta1, beta2, eps, momentum belong to the phase
 *   analysis.noiseScale           an unnamed analysis is "analysis" ("analysis2", ... for further unnamed ones)
 * </pre>
 * The last segment is always the setting's name in the language model (the EMF feature name).
 */
public final class ParameterNames {

  /** One named numeric parameter as written in the spec. */
  public record Parameter(String name, Quantity quantity, EObject owner, EStructuralFeature feature,
      SpecQuantities.Kind kind) {}

  private ParameterNames() {
  }

  /** Every numeric setting written in the experiment (and in the network, task and loss it uses), by name, in spec order. */
  public static Map<String, Parameter> of(Experiment experiment) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    collect(experiment, experiment, parameters);
    Network network = Experiments.network(experiment);
    if (network != null && network != experiment.getNetwork()) {
      collect(experiment, network, parameters);
    }
    Task task = Experiments.task(experiment);
    if (task != null && task != experiment.getTask()) {
      collect(experiment, task, parameters);
    }
    Loss loss = Experiments.loss(experiment);
    if (loss != null && loss != experiment.getLoss()) {
      collect(experiment, loss, parameters);
    }
    // perturbations used by phases but declared outside the experiment
    for (Phase phase : experiment.getPhases()) {
      Perturbation under = phase.getUnder();
      if (under != null && !under.eIsProxy() && !experiment.getPerturbations().contains(under)) {
        collect(experiment, under, parameters);
      }
    }
    return parameters;
  }

  /**
   * The parameter a number written in the spec is, for the first experiment of its file that uses it
   * (a top-level network's numbers have the same names in every experiment), or null: a number that
   * is no parameter (a perturbation's permutation, an input's dimension in an unused network).
   */
  public static Parameter of(Quantity quantity) {
    for (Experiment experiment : Experiments.declaredIn(quantity.eResource())) {
      for (Parameter parameter : of(experiment).values()) {
        if (parameter.quantity() == quantity) {
          return parameter;
        }
      }
    }
    return null;
  }

  /**
   * The name prefix of an element inside an experiment: "" for the experiment itself, "Cortex.PMd" for a
   * module, "initial" for a phase or its optimiser. The generator appends "." and the setting's name,
   * also for settings left at their default.
   */
  public static String prefix(Experiment experiment, EObject element) {
    if (element == null || element instanceof Experiment) {
      return "";
    }
    if (element instanceof Network || element instanceof Task || element instanceof Perturbation) {
      return nameOf(element);
    }
    if (element instanceof Loss) {
      return ((Loss) element).getName() != null ? ((Loss) element).getName() : "loss";
    }
    if (element instanceof Phase) {
      return ((Phase) element).getName();
    }
    if (element instanceof Analysis) {
      return analysisName(experiment, (Analysis) element);
    }
    if (element instanceof Optimizer || element instanceof Effect) {
      return prefix(experiment, element.eContainer());
    }
    if (element instanceof Module || element instanceof Input || element instanceof Readout) {
      return join(prefix(experiment, element.eContainer()), nameOf(element));
    }
    if (element instanceof Connection) {
      Connection c = (Connection) element;
      String source = c.getSource() == null || c.getSource().eIsProxy() ? "?" : c.getSource().getName();
      String target = c.getTarget() == null || c.getTarget().eIsProxy() ? "?" : c.getTarget().getName();
      return join(prefix(experiment, element.eContainer()), source + "->" + target);
    }
    if (element instanceof Jitter || element instanceof Init || element instanceof Range) {
      return join(prefix(experiment, element.eContainer()), element.eContainingFeature().getName());
    }
    return join(prefix(experiment, element.eContainer()), element.eContainingFeature().getName());
  }

  private static void collect(Experiment experiment, EObject root, Map<String, Parameter> parameters) {
    List<EObject> elements = new ArrayList<>();
    elements.add(root);
    root.eAllContents().forEachRemaining(elements::add);
    for (EObject element : elements) {
      if (element instanceof Quantity || element instanceof Range) {
        continue;
      }
      if (root == experiment && element != experiment && !belongsToExperimentItself(experiment, element)) {
        continue;
      }
      for (EReference feature : element.eClass().getEAllContainments()) {
        Object value = element.eGet(feature);
        SpecQuantities.Kind kind = SpecQuantities.kindOf(feature);
        String base = join(prefix(experiment, element), feature.getName());
        if (value instanceof Quantity) {
          parameters.put(base, new Parameter(base, (Quantity) value, element, feature, kind));
        } else if (value instanceof Range) {
          Range range = (Range) value;
          if (range.getMax() == null) {
            parameters.put(base, new Parameter(base, range.getMin(), element, feature, kind));
          } else {
            parameters.put(base + ".min", new Parameter(base + ".min", range.getMin(), element, feature, kind));
            parameters.put(base + ".max", new Parameter(base + ".max", range.getMax(), element, feature, kind));
          }
        }
      }
    }
  }

  /** Inside the experiment, skip sweeps (their values are not settings). */
  private static boolean belongsToExperimentItself(Experiment experiment, EObject element) {
    for (EObject container = element; container != null && container != experiment; container = container.eContainer()) {
      if (container instanceof org.motorlearn.dsl.motorLearn.Sweep) {
        return false;
      }
    }
    return true;
  }

  private static String analysisName(Experiment experiment, Analysis analysis) {
    if (analysis.getName() != null) {
      return analysis.getName();
    }
    int unnamed = 0;
    for (Analysis other : experiment.getAnalyses()) {
      if (other.getName() == null) {
        unnamed++;
      }
      if (other == analysis) {
        break;
      }
    }
    return unnamed <= 1 ? "analysis" : "analysis" + unnamed;
  }

  private static String nameOf(EObject element) {
    EStructuralFeature name = element.eClass().getEStructuralFeature("name");
    Object value = name == null ? null : element.eGet(name);
    return value == null ? element.eClass().getName().toLowerCase() : value.toString();
  }

  private static String join(String prefix, String segment) {
    return prefix.isEmpty() ? segment : prefix + "." + segment;
  }
}

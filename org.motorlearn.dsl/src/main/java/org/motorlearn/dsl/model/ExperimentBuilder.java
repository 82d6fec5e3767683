package org.motorlearn.dsl.model;

import java.util.ArrayList;
import java.util.List;
import org.motorlearn.dsl.model.ExperimentPlan.AdamPlan;
import org.motorlearn.dsl.model.ExperimentPlan.AnalysisPlan;
import org.motorlearn.dsl.model.ExperimentPlan.CenterOutPlan;
import org.motorlearn.dsl.model.ExperimentPlan.GainPlan;
import org.motorlearn.dsl.model.ExperimentPlan.InitPlan;
import org.motorlearn.dsl.model.ExperimentPlan.InitialStatePlan;
import org.motorlearn.dsl.model.ExperimentPlan.InputPlan;
import org.motorlearn.dsl.model.ExperimentPlan.LossPlan;
import org.motorlearn.dsl.model.ExperimentPlan.ModulePlan;
import org.motorlearn.dsl.model.ExperimentPlan.NetworkPlan;
import org.motorlearn.dsl.model.ExperimentPlan.OptimizerPlan;
import org.motorlearn.dsl.model.ExperimentPlan.PerturbationPlan;
import org.motorlearn.dsl.model.ExperimentPlan.PhasePlan;
import org.motorlearn.dsl.model.ExperimentPlan.ProjectionPlan;
import org.motorlearn.dsl.model.ExperimentPlan.ReadoutPlan;
import org.motorlearn.dsl.model.ExperimentPlan.ReassociationPlan;
import org.motorlearn.dsl.model.ExperimentPlan.RecordedPlan;
import org.motorlearn.dsl.model.ExperimentPlan.RotationPlan;
import org.motorlearn.dsl.model.ExperimentPlan.SgdPlan;
import org.motorlearn.dsl.model.ExperimentPlan.SweepAxisPlan;
import org.motorlearn.dsl.model.ExperimentPlan.SweepGroupPlan;
import org.motorlearn.dsl.model.ExperimentPlan.TaskPlan;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.Sweep;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * Interprets an experiment of a spec into the runtime's {@link Experiment}, without generating code:
 * the reference the generated code is tested against, and what the validator builds for every sweep
 * point. Every numeric setting is asked from the {@link Parameters} by its parameter name, with the
 * written value (or the reference default) as default; an override no setting asked for is an error.
 *
 * <pre>{@code
 * Experiment e = ExperimentBuilder.build(astExperiment, Parameters.of(Map.of("Cortex.PMd.units", 200.0)));
 * Sweep s = ExperimentBuilder.sweep(astExperiment);
 * }</pre>
 *
 * @throws SpecBuildException (from every method) when the spec cannot be built; the exception names
 *     the spec element at fault
 */
public final class ExperimentBuilder {

  private ExperimentBuilder() {
  }

  /** The plan of an experiment (references resolved, units converted, defaults applied). */
  public static ExperimentPlan plan(org.motorlearn.dsl.motorLearn.Experiment experiment) {
    return ExperimentPlanner.plan(experiment, SpecSource.of(experiment.eResource(), SpecSource.folderOf(experiment.eResource())));
  }

  /** The runtime experiment with the given parameter overrides (all of which must name a setting). */
  public static Experiment build(org.motorlearn.dsl.motorLearn.Experiment experiment, Parameters parameters) {
    try {
      return build(plan(experiment), parameters);
    } catch (SpecException e) {
      throw new SpecBuildException(experiment, e.getMessage(), e);
    }
  }

  /** The experiment's sweep: the cartesian product of its {@code sweep} lines (none: one point). */
  public static Sweep sweep(org.motorlearn.dsl.motorLearn.Experiment experiment) {
    try {
      return sweep(plan(experiment));
    } catch (SpecException e) {
      throw new SpecBuildException(experiment.getSweeps().isEmpty() ? experiment : experiment.getSweeps().get(0),
          e.getMessage(), e);
    }
  }

  /**
   * Evaluates a plan; runtime constructors may throw {@link SpecException}. The generated code's
   * {@code experiment(Parameters)} does the same steps in the same order.
   */
  public static Experiment build(ExperimentPlan plan, Parameters parameters) {
    // dt first: times the runtime counts in bins may be written in ms or s, and follow an overridden dt
    double dt = new Values(parameters, Double.NaN).real(plan.network().dt());
    Values values = new Values(parameters, dt);
    long seed = values.integer(plan.seed());
    Network network = network(plan.network(), values);
    TaskSpec task = task(plan.task(), values);
    List<Perturbation> perturbations = new ArrayList<>();
    for (PerturbationPlan perturbation : plan.perturbations()) {
      perturbations.add(perturbation(perturbation, values));
    }
    LossSpec loss = loss(plan.loss(), values);
    List<PhaseSpec> phases = new ArrayList<>();
    for (PhasePlan phase : plan.phases()) {
      phases.add(phase(phase, values));
    }
    List<AnalysisSpec> analyses = new ArrayList<>();
    for (AnalysisPlan analysis : plan.analyses()) {
      analyses.add(analysis(analysis, values));
    }
    int checkpointEvery = values.integer(plan.checkpointEvery());
    parameters.requireAllOverridesUsed();

    Experiment.Builder experiment = Experiment.builder(plan.name())
        .description(plan.description())
        .seed(seed)
        .precision(plan.precision())
        .network(network)
        .task(task);
    perturbations.forEach(experiment::perturbation);
    experiment.loss(loss);
    phases.forEach(experiment::phase);
    analyses.forEach(experiment::analysis);
    return experiment.checkpointEvery(checkpointEvery)
        .source(plan.source(), plan.sourceHash())
        .parameters(parameters.used())
        .build();
  }

  public static Sweep sweep(ExperimentPlan plan) {
    List<Sweep.Group> groups = new ArrayList<>();
    for (SweepGroupPlan group : plan.sweeps()) {
      List<Sweep.Axis> axes = new ArrayList<>();
      for (SweepAxisPlan axis : group.axes()) {
        axes.add(axis.isRange()
            ? Sweep.Axis.range(axis.parameter(), axis.from(), axis.to(), axis.step())
            : new Sweep.Axis(axis.parameter(), axis.values()));
      }
      groups.add(new Sweep.Group(axes));
    }
    return new Sweep(groups);
  }

  private static Network network(NetworkPlan plan, Values values) {
    Network.Builder network = Network.builder(plan.name()).dt(values.dt());
    for (ModulePlan module : plan.modules()) {
      network.module(new ModuleSpec(module.name(), values.integer(module.units()), module.activation(),
          values.real(module.tau()), values.real(module.noise()), initialState(module.initialState(), values)));
    }
    for (InputPlan input : plan.inputs()) {
      network.input(new InputSpec(input.name(), values.integer(input.dimension()), input.targets(),
          init(input.init(), values)));
    }
    for (ProjectionPlan projection : plan.projections()) {
      ProjectionSpec spec = projection.isRecurrent() && projection.density() == null
          ? ProjectionSpec.recurrent(projection.to())
          : ProjectionSpec.sparse(projection.from(), projection.to(), values.real(projection.density()));
      network.connect(spec.withInit(init(projection.init(), values)));
    }
    for (ReadoutPlan readout : plan.readouts()) {
      network.readout(new ReadoutSpec(readout.name(), readout.kind(), values.integer(readout.dimension()), readout.from(),
          readout.bias(), init(readout.init(), values)));
    }
    return network.build();
  }

  private static InitialState initialState(InitialStatePlan plan, Values values) {
    switch (plan.kind()) {
      case UNIFORM:
        return InitialState.uniform(values.real(plan.a()), values.real(plan.b()));
      case NORMAL:
        return InitialState.normal(values.real(plan.a()), values.real(plan.b()));
      case ZEROS:
      default:
        return InitialState.zeros();
    }
  }

  private static Init init(InitPlan plan, Values values) {
    switch (plan.kind()) {
      case UNIFORM:
        return Init.uniform(values.real(plan.arguments().get(0)), values.real(plan.arguments().get(1)));
      case NORMAL:
        return Init.normal(values.real(plan.arguments().get(0)), values.real(plan.arguments().get(1)));
      case GAIN:
        return Init.gain(values.real(plan.arguments().get(0)));
      case ZEROS:
        return Init.zeros();
      case FILE:
        return Init.fromFile(plan.file());
      case DEFAULT:
      default:
        return Init.defaults();
    }
  }

  private static TaskSpec task(TaskPlan plan, Values values) {
    if (plan instanceof RecordedPlan recorded) {
      return new TaskSpec.Recorded(recorded.name(), java.nio.file.Path.of(recorded.file()), values.integer(recorded.targets()),
          values.integer(recorded.trial()), values.integer(recorded.test()), values.real(recorded.inputGain()),
          values.real(recorded.hold()));
    }
    CenterOutPlan c = (CenterOutPlan) plan;
    return new TaskSpec.CenterOut(c.name(), values.integer(c.targets()), values.real(c.reachMin()), values.real(c.reachMax()),
        values.integer(c.trial()), values.integer(c.cueMin()), values.integer(c.cueMax()), values.integer(c.goMin()),
        values.integer(c.goMax()), values.integer(c.movement()), c.profile(), values.real(c.directionJitter()),
        values.real(c.durationJitter()), values.integer(c.train()), values.integer(c.test()), values.real(c.inputGain()),
        values.real(c.hold()));
  }

  private static Perturbation perturbation(PerturbationPlan plan, Values values) {
    if (plan instanceof RotationPlan rotation) {
      return new Perturbation.Rotation(rotation.name(), values.real(rotation.degrees()), rotation.appliesTo());
    }
    if (plan instanceof GainPlan gain) {
      return new Perturbation.Gain(gain.name(), values.real(gain.factor()), gain.appliesTo());
    }
    ReassociationPlan reassociation = (ReassociationPlan) plan;
    return new Perturbation.Reassociation(reassociation.name(), reassociation.permutation());
  }

  private static LossSpec loss(LossPlan plan, Values values) {
    return new LossSpec(values.integer(plan.fromBin()), values.real(plan.weightPenalty()), plan.norm(),
        values.real(plan.ratePenalty()));
  }

  private static PhaseSpec phase(PhasePlan plan, Values values) {
    if (plan.evaluateOnly()) {
      return PhaseSpec.evaluate(plan.name(), plan.from(), plan.perturbation());
    }
    OptimizerSpec optimizer = optimizer(plan.optimizer(), values);
    int updates = values.integer(plan.updates());
    int batch = values.integer(plan.batch());
    double clip = values.real(plan.clip());
    return new PhaseSpec(plan.name(), plan.from(), plan.perturbation(), new Plasticity(plan.plastic()), optimizer, updates,
        batch, clip, plan.continueOptimizer(), false);
  }

  private static OptimizerSpec optimizer(OptimizerPlan plan, Values values) {
    if (plan instanceof SgdPlan sgd) {
      return new OptimizerSpec.Sgd(values.real(sgd.learningRate()), values.real(sgd.momentum()));
    }
    AdamPlan adam = (AdamPlan) plan;
    return new OptimizerSpec.Adam(values.real(adam.learningRate()), values.real(adam.beta1()), values.real(adam.beta2()),
        values.real(adam.epsilon()));
  }

  private static AnalysisSpec analysis(AnalysisPlan plan, Values values) {
    return new AnalysisSpec(plan.baseline(), plan.compared(), plan.modules(), values.integer(plan.windowStart()),
        values.integer(plan.windowEnd()), plan.metrics(), values.real(plan.noiseScale()), values.integer(plan.noiseRepeats()),
        values.integer(plan.components()));
  }

  /**
   * Asks the parameters for settings ({@code real} or {@code integer} by the parameter's unit) and
   * converts the answer to the runtime's unit.
   */
  private record Values(Parameters parameters, double dt) {
    double real(Setting setting) {
      double asked = setting.isInteger() ? parameters.integer(setting.parameter(), (int) setting.value())
          : parameters.real(setting.parameter(), setting.value());
      return setting.unit().toRuntime(setting.parameter(), asked, dt);
    }

    int integer(Setting setting) {
      return (int) real(setting);
    }
  }
}

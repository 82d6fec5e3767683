package org.motorlearn.dsl.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
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
import org.motorlearn.dsl.model.Quantities.Kind;
import org.motorlearn.dsl.motorLearn.AllGroups;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Anchor;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.DefaultInit;
import org.motorlearn.dsl.motorLearn.Effect;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.FileInit;
import org.motorlearn.dsl.motorLearn.Gain;
import org.motorlearn.dsl.motorLearn.GainInit;
import org.motorlearn.dsl.motorLearn.Init;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.InputGroup;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Metric;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.NoGroups;
import org.motorlearn.dsl.motorLearn.Node;
import org.motorlearn.dsl.motorLearn.NormalInit;
import org.motorlearn.dsl.motorLearn.Norm;
import org.motorlearn.dsl.motorLearn.OptimizerKind;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.PerturbationTarget;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.ProjectionGroup;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.ReadoutGroup;
import org.motorlearn.dsl.motorLearn.ReadoutKind;
import org.motorlearn.dsl.motorLearn.Reassociation;
import org.motorlearn.dsl.motorLearn.RecurrentGroup;
import org.motorlearn.dsl.motorLearn.Rotation;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.motorLearn.UniformInit;
import org.motorlearn.dsl.motorLearn.WeightGroup;
import org.motorlearn.dsl.motorLearn.WeightGroups;
import org.motorlearn.dsl.motorLearn.ZerosInit;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.util.ParameterNames;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * Reads an experiment of a spec into an {@link ExperimentPlan}: resolves references (also across
 * imports), converts units, applies the reference defaults ({@link ReferenceDefaults}) and names every
 * numeric setting (org.motorlearn.dsl.util.ParameterNames, docs/language.md). Problems are {@link SpecBuildException}s at the element.
 */
public final class ExperimentPlanner {

  private final Experiment experiment;
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private double dt = ReferenceDefaults.DT_MS / 1000;
  private NetworkPlan network;

  private ExperimentPlanner(Experiment experiment) {
    this.experiment = experiment;
  }

  /** The plan of one experiment of a parsed spec, with the given provenance. */
  public static ExperimentPlan plan(Experiment experiment, SpecSource source) {
    return new ExperimentPlanner(experiment).plan(source);
  }

  private ExperimentPlan plan(SpecSource source) {
    String name = experiment.getName();
    Setting seed = setting(name(experiment, "seed"), experiment.getSeed(), Kind.COUNT, ReferenceDefaults.SEED, experiment);
    Setting checkpointEvery = setting(name(experiment, "checkpointEvery"), experiment.getCheckpointEvery(), Kind.COUNT,
        ReferenceDefaults.CHECKPOINT_EVERY, experiment);
    Precision precision = experiment.getPrecision() == org.motorlearn.dsl.motorLearn.Precision.FLOAT64
        ? Precision.FLOAT64 : Precision.FLOAT32;
    network = network();
    TaskPlan task = task();
    List<PerturbationPlan> perturbations = perturbations();
    LossPlan loss = loss(task);
    List<PhasePlan> phases = new ArrayList<>();
    for (Phase phase : experiment.getPhases()) {
      phases.add(phase(phase));
    }
    if (phases.isEmpty()) {
      throw new SpecBuildException(experiment, "experiment " + name + " has no phase: add one, e.g. "
          + "phase initial { plastic all adam lr 1e-4 updates 500 batch 80 clip 0.2 }");
    }
    List<AnalysisPlan> analyses = new ArrayList<>();
    for (int i = 0; i < experiment.getAnalyses().size(); i++) {
      analyses.add(analysis(experiment.getAnalyses().get(i), i + 1, phases));
    }
    List<SweepGroupPlan> sweeps = new ArrayList<>();
    for (Sweep sweep : experiment.getSweeps()) {
      sweeps.addAll(sweep(sweep));
    }
    return new ExperimentPlan(name, DocComments.of(experiment), source.relativePath(), source.text(),
        source.sha256(), seed, precision, checkpointEvery, network, task, perturbations, loss, phases, analyses, sweeps,
        List.copyOf(settings.values()));
  }

  // ---------------------------------------------------------------------------------------------
  // Network
  // ---------------------------------------------------------------------------------------------

  private NetworkPlan network() {
    Network ast = Experiments.network(experiment);
    if (ast == null) {
      throw new SpecBuildException(experiment, "experiment " + experiment.getName() + " has no network: declare one "
          + "(network Cortex { ... }) or refer to one by name (network Cortex)");
    }
    String net = ast.getName();
    Setting dtSetting = setting(name(ast, "dt"), ast.getDt(), Kind.TIME_STEP, ReferenceDefaults.DT_MS, ast);
    dt = dtSetting.runtimeValue(Double.NaN);
    List<ModulePlan> modules = new ArrayList<>();
    List<ProjectionPlan> projections = new ArrayList<>();
    for (Module module : ast.getModules()) {
      String m = module.getName();
      modules.add(new ModulePlan(m, DocComments.of(module),
          setting(name(module, "units"), module.getUnits(), Kind.COUNT, ReferenceDefaults.UNITS, module),
          activation(module),
          setting(name(module, "tau"), module.getTau(), Kind.SECONDS, ReferenceDefaults.TAU_MS, module),
          setting(name(module, "noise"), module.getNoise(), Kind.NUMBER, ReferenceDefaults.NOISE, module),
          initialState(module, name(module, "initialState"))));
      if (!module.isNoRecurrence()) {
        projections.add(new ProjectionPlan(m, m, null, init(module.getRecurrentInit(), name(module, "recurrentInit"))));
      }
    }
    List<InputPlan> inputs = new ArrayList<>();
    for (Input input : ast.getInputs()) {
      List<String> targets = new ArrayList<>();
      for (Module target : input.getTargets()) {
        targets.add(nameOf(target, input, "module"));
      }
      String in = input.getName();
      inputs.add(new InputPlan(in, setting(name(input, "size"), input.getSize(), Kind.COUNT, 0, input),
          targets, init(input.getInit(), name(input, "init"))));
    }
    for (Connection connection : ast.getConnections()) {
      String from = nameOf(connection.getSource(), connection, "module");
      String to = nameOf(connection.getTarget(), connection, "module");
      String group = name(connection, "");
      group = group.substring(0, group.length() - 1);
      projections.add(new ProjectionPlan(from, to,
          setting(group + ".density", connection.getDensity(), Kind.FRACTION, ReferenceDefaults.DENSITY,
              connection),
          init(connection.getInit(), group + ".init")));
    }
    List<ReadoutPlan> readouts = new ArrayList<>();
    for (Readout readout : ast.getReadouts()) {
      String r = readout.getName();
      ReadoutSpec.Kind kind = readout.getKind() == ReadoutKind.VELOCITY ? ReadoutSpec.Kind.VELOCITY : ReadoutSpec.Kind.POSITION;
      readouts.add(new ReadoutPlan(r, kind, setting(name(readout, "size"), readout.getSize(), Kind.COUNT, 0, readout),
          nameOf(readout.getSource(), readout, "module"), !readout.isNoBias(), init(readout.getInit(), name(readout, "init"))));
    }
    return new NetworkPlan(net, DocComments.of(ast), dtSetting, modules, inputs, projections, readouts);
  }

  private static Activation activation(Module module) {
    switch (module.getActivation()) {
      case RELU:
        return Activation.RELU;
      case SOFTPLUS:
        return Activation.SOFTPLUS;
      case LINEAR:
        return Activation.LINEAR;
      case TANH:
      default:
        return Activation.TANH;
    }
  }

  private InitialStatePlan initialState(Module module, String prefix) {
    Init init = module.getInitialState();
    if (init == null || init instanceof DefaultInit) {
      return new InitialStatePlan(InitialState.Kind.UNIFORM,
          fixed(prefix + ".low", ReferenceDefaults.INITIAL_STATE_LOW, module),
          fixed(prefix + ".high", ReferenceDefaults.INITIAL_STATE_HIGH, module));
    }
    if (init instanceof UniformInit uniform) {
      return new InitialStatePlan(InitialState.Kind.UNIFORM,
          setting(prefix + ".low", uniform.getLow(), Kind.NUMBER, 0, uniform),
          setting(prefix + ".high", uniform.getHigh(), Kind.NUMBER, 0, uniform));
    }
    if (init instanceof NormalInit normal) {
      return new InitialStatePlan(InitialState.Kind.NORMAL,
          setting(prefix + ".mean", normal.getMean(), Kind.NUMBER, 0, normal),
          setting(prefix + ".std", normal.getStd(), Kind.NUMBER, 0, normal));
    }
    if (init instanceof ZerosInit) {
      return new InitialStatePlan(InitialState.Kind.ZEROS, null, null);
    }
    throw new SpecBuildException(init, "module " + module.getName() + ": an initial state is uniform(low, high), "
        + "normal(mean, std), zeros or default, not " + text(init));
  }

  private InitPlan init(Init init, String prefix) {
    if (init == null || init instanceof DefaultInit) {
      return InitPlan.defaults();
    }
    if (init instanceof UniformInit uniform) {
      return new InitPlan(InitPlan.Kind.UNIFORM, List.of(
          setting(prefix + ".low", uniform.getLow(), Kind.NUMBER, 0, uniform),
          setting(prefix + ".high", uniform.getHigh(), Kind.NUMBER, 0, uniform)), null);
    }
    if (init instanceof NormalInit normal) {
      return new InitPlan(InitPlan.Kind.NORMAL, List.of(
          setting(prefix + ".mean", normal.getMean(), Kind.NUMBER, 0, normal),
          setting(prefix + ".std", normal.getStd(), Kind.NUMBER, 0, normal)), null);
    }
    if (init instanceof GainInit gain) {
      return new InitPlan(InitPlan.Kind.GAIN,
          List.of(setting(prefix + ".gain", gain.getGain(), Kind.NUMBER, 0, gain)), null);
    }
    if (init instanceof ZerosInit) {
      return new InitPlan(InitPlan.Kind.ZEROS, List.of(), null);
    }
    return new InitPlan(InitPlan.Kind.FILE, List.of(), ((FileInit) init).getFile());
  }

  // ---------------------------------------------------------------------------------------------
  // Task, perturbations, loss
  // ---------------------------------------------------------------------------------------------

  private TaskPlan task() {
    Task ast = Experiments.task(experiment);
    EObject at = ast == null ? experiment : ast;
    String t = ast == null ? "CenterOut" : ast.getName();
    Setting targets = setting(t + ".targets", ast == null ? null : ast.getTargets(), Kind.COUNT,
        ReferenceDefaults.TARGETS, at);
    Setting trial = setting(t + ".trial", ast == null ? null : ast.getTrial(), Kind.BINS,
        ReferenceDefaults.TRIAL_BINS, at);
    if (ast != null && ast.getTrajectories() != null) {
      return new RecordedPlan(t, ast.getTrajectories(), targets, trial,
          setting(t + ".test", ast.getTest(), Kind.TRIALS, ReferenceDefaults.TEST_TRIALS, at),
          setting(t + ".inputGain", ast.getInputGain(), Kind.NUMBER, ReferenceDefaults.INPUT_GAIN, at),
          setting(t + ".hold", ast.getHold(), Kind.NUMBER, ReferenceDefaults.HOLD, at));
    }
    Setting[] reach = range(t + ".reach", ast == null ? null : ast.getReach(), Kind.CENTIMETRES,
        ReferenceDefaults.REACH_MIN_CM, ReferenceDefaults.REACH_MAX_CM, at);
    Setting[] cue = range(t + ".cue", ast == null ? null : ast.getCue(), Kind.BINS,
        ReferenceDefaults.CUE_MIN_BIN, ReferenceDefaults.CUE_MAX_BIN, at);
    Setting[] go = range(t + ".go", ast == null ? null : ast.getGo(), Kind.BINS,
        ReferenceDefaults.GO_BIN, ReferenceDefaults.GO_BIN, at);
    Setting movement = setting(t + ".movement", ast == null ? null : ast.getMovement(), Kind.BINS,
        ReferenceDefaults.MOVEMENT_BINS, at);
    TaskSpec.Profile profile = ast != null && ast.getProfile() == org.motorlearn.dsl.motorLearn.Profile.MINIMUM_JERK
        ? TaskSpec.Profile.MINIMUM_JERK : TaskSpec.Profile.SIGMOID;
    EObject jitterAt = ast == null || ast.getJitter() == null ? at : ast.getJitter();
    Setting direction = setting(t + ".jitter.direction",
        ast == null || ast.getJitter() == null ? null : ast.getJitter().getDirection(), Kind.DEGREES,
        ReferenceDefaults.DIRECTION_JITTER_DEGREES, jitterAt);
    Setting duration = setting(t + ".jitter.duration",
        ast == null || ast.getJitter() == null ? null : ast.getJitter().getDuration(), Kind.BINS,
        ReferenceDefaults.DURATION_JITTER_BINS, jitterAt);
    return new CenterOutPlan(t, targets, reach[0], reach[1], trial, cue[0], cue[1], go[0], go[1], movement, profile,
        direction, duration,
        setting(t + ".train", ast == null ? null : ast.getTrain(), Kind.TRIALS,
            ReferenceDefaults.TRAIN_TRIALS, at),
        setting(t + ".test", ast == null ? null : ast.getTest(), Kind.TRIALS,
            ReferenceDefaults.TEST_TRIALS, at),
        setting(t + ".inputGain", ast == null ? null : ast.getInputGain(), Kind.NUMBER,
            ReferenceDefaults.INPUT_GAIN, at),
        setting(t + ".hold", ast == null ? null : ast.getHold(), Kind.NUMBER, ReferenceDefaults.HOLD, at));
  }

  /** The experiment's own perturbations, then the imported ones its phases train under. */
  private List<PerturbationPlan> perturbations() {
    List<Perturbation> used = new ArrayList<>(experiment.getPerturbations());
    for (Phase phase : experiment.getPhases()) {
      Perturbation under = phase.getUnder();
      if (under != null && !under.eIsProxy() && !used.contains(under)) {
        used.add(under);
      }
    }
    List<PerturbationPlan> plans = new ArrayList<>();
    for (Perturbation perturbation : used) {
      String p = perturbation.getName();
      org.motorlearn.runtime.spec.Perturbation.AppliesTo appliesTo = perturbation.getAppliesTo() == PerturbationTarget.OUTPUT
          ? org.motorlearn.runtime.spec.Perturbation.AppliesTo.OUTPUT
          : org.motorlearn.runtime.spec.Perturbation.AppliesTo.TARGETS;
      Effect effect = perturbation.getEffect();
      if (effect instanceof Rotation rotation) {
        plans.add(new RotationPlan(p, setting(p + ".angle", rotation.getAngle(), Kind.DEGREES, 0, rotation),
            appliesTo));
      } else if (effect instanceof Gain gain) {
        plans.add(new GainPlan(p, setting(p + ".factor", gain.getFactor(), Kind.NUMBER, 1, gain), appliesTo));
      } else if (effect instanceof Reassociation reassociation) {
        if (perturbation.getAppliesTo() == PerturbationTarget.OUTPUT) {
          throw new SpecBuildException(perturbation, "perturbation " + p + ": a re-association changes which movement "
              + "a cue asks for, so it applies to targets only; remove 'on output'");
        }
        plans.add(new ReassociationPlan(p, List.copyOf(reassociation.getMapping())));
      }
    }
    return plans;
  }

  private LossPlan loss(TaskPlan task) {
    Loss ast = Experiments.loss(experiment);
    EObject at = ast == null ? experiment : ast;
    String l = ast == null ? "loss" : ParameterNames.prefix(experiment, ast);
    String fromName = l + (ast != null && ast.getMseWindow() != null ? ".mseWindow" : ".mseFrom");
    Setting from;
    if (ast != null && ast.getMseWindow() != null) {
      // The runtime's MSE runs from a bin to the end of the trial: the window's start is the setting.
      Range window = ast.getMseWindow();
      String unit = window.getMin().getUnit() != null || window.getMax() == null
          ? window.getMin().getUnit() : window.getMax().getUnit();
      from = end(window.getMax() == null ? fromName : fromName + ".min", window.getMin(), unit, Kind.BINS);
      double lastBin = trialBins(task) - 1;
      if (window.getMax() != null) {
        Quantity max = window.getMax();
        double last = Quantities.unitOf(max.getValue(), unitOr(max, unit), Kind.BINS, dt, max)
            .toRuntime(fromName + ".max", max.getValue().doubleValue(), dt);
        if (last < lastBin) {
          throw new SpecBuildException(window, "loss: the MSE window ends at bin " + (long) last + ", but the runtime "
              + "measures the MSE up to the end of the trial (bin " + (long) lastBin + "): write mse from "
              + Quantities.written(window.getMin().getValue(), unit));
        }
      }
    } else {
      from = setting(fromName, ast == null ? null : ast.getMseFrom(), Kind.BINS, ReferenceDefaults.MSE_FROM_BIN, at);
    }
    LossSpec.WeightNorm norm = ast != null && ast.getWeightNorm() == Norm.SQUARED_FROBENIUS
        ? LossSpec.WeightNorm.SQUARED : LossSpec.WeightNorm.FROBENIUS;
    if (ast != null && ast.getWeightPenaltyOn() != null && !isAll(ast.getWeightPenaltyOn())) {
      throw new SpecBuildException(ast.getWeightPenaltyOn(), "loss: the runtime penalises every weight matrix "
          + "(MODEL.md section 4); remove 'on " + text(ast.getWeightPenaltyOn()) + "'");
    }
    if (ast != null && !ast.getRatePenaltyOn().isEmpty()) {
      Set<String> named = new TreeSet<>();
      ast.getRatePenaltyOn().forEach(m -> named.add(nameOf(m, ast, "module")));
      Set<String> all = new TreeSet<>();
      network.modules().forEach(m -> all.add(m.name()));
      if (!named.equals(all)) {
        throw new SpecBuildException(ast, "loss: the runtime penalises the rates of every module (MODEL.md section 4); "
            + "remove 'on " + String.join(", ", named) + "'");
      }
    }
    return new LossPlan(from,
        setting(l + ".weightPenalty", ast == null ? null : ast.getWeightPenalty(), Kind.NUMBER,
            ReferenceDefaults.WEIGHT_PENALTY, at),
        norm,
        setting(l + ".ratePenalty", ast == null ? null : ast.getRatePenalty(), Kind.NUMBER,
            ReferenceDefaults.RATE_PENALTY, at));
  }

  private double trialBins(TaskPlan task) {
    Setting trial = task instanceof CenterOutPlan c ? c.trial() : ((RecordedPlan) task).trial();
    return trial.runtimeValue(dt);
  }

  private static boolean isAll(WeightGroups groups) {
    return groups.getGroups().size() == 1 && groups.getGroups().get(0) instanceof AllGroups all && all.getExcept().isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Phases
  // ---------------------------------------------------------------------------------------------

  private PhasePlan phase(Phase phase) {
    String p = phase.getName();
    String from = phase.getFrom() == null ? null : nameOf(phase.getFrom(), phase, "phase");
    String under = phase.getUnder() == null ? null : nameOf(phase.getUnder(), phase, "perturbation");
    if (phase.isEvaluateOnly()) {
      return new PhasePlan(p, DocComments.of(phase), from, under, List.of(Plasticity.NONE), null,
          PaperHypotheses.NULL_CONDITION, null, null, null, null, false, true);
    }
    boolean adaptation = from != null;
    List<String> plastic;
    String plasticWritten = null;
    if (phase.getPlastic() == null) {
      plastic = List.of(adaptation ? Plasticity.ALL_EXCEPT_READOUT : Plasticity.ALL);
    } else {
      plastic = groups(phase.getPlastic());
      plasticWritten = text(phase.getPlastic());
    }
    OptimizerPlan optimizer;
    org.motorlearn.dsl.motorLearn.Optimizer o = phase.getOptimizer();
    EObject at = o == null ? phase : o;
    Setting lr = setting(p + ".lr", o == null ? null : o.getLr(), Kind.NUMBER,
        ReferenceDefaults.LEARNING_RATE, at);
    if (o != null && o.getKind() == OptimizerKind.SGD) {
      optimizer = new SgdPlan(lr, setting(p + ".momentum", o.getMomentum(), Kind.NUMBER,
          ReferenceDefaults.MOMENTUM, at));
    } else {
      optimizer = new AdamPlan(lr,
          setting(p + ".beta1", o == null ? null : o.getBeta1(), Kind.NUMBER, ReferenceDefaults.BETA1, at),
          setting(p + ".beta2", o == null ? null : o.getBeta2(), Kind.NUMBER, ReferenceDefaults.BETA2, at),
          setting(p + ".eps", o == null ? null : o.getEps(), Kind.NUMBER, ReferenceDefaults.EPSILON, at));
    }
    Setting updates = setting(p + ".updates", phase.getUpdates(), Kind.COUNT,
        adaptation ? ReferenceDefaults.ADAPTATION_UPDATES : ReferenceDefaults.TRAINING_UPDATES, phase);
    Setting batch = setting(p + ".batch", phase.getBatch(), Kind.TRIALS,
        adaptation ? ReferenceDefaults.ADAPTATION_BATCH : ReferenceDefaults.TRAINING_BATCH, phase);
    Setting clip = setting(p + ".clip", phase.getClip(), Kind.NUMBER, ReferenceDefaults.CLIP, phase);
    return new PhasePlan(p, DocComments.of(phase), from, under, plastic, plasticWritten,
        PaperHypotheses.meaning(plastic, network), optimizer, updates, batch, clip, phase.isContinueOptimizer(), false);
  }

  /** Runtime weight-group names ({@link Plasticity}) of a written plastic set. */
  private List<String> groups(WeightGroups written) {
    List<String> groups = new ArrayList<>();
    for (WeightGroup group : written.getGroups()) {
      if (group instanceof AllGroups all) {
        groups.addAll(allExcept(all));
      } else if (group instanceof NoGroups) {
        groups.add(Plasticity.NONE);
      } else {
        groups.add(simpleGroup(group));
      }
    }
    return groups;
  }

  private List<String> allExcept(AllGroups all) {
    if (all.getExcept().isEmpty()) {
      return List.of(Plasticity.ALL);
    }
    List<String> except = new ArrayList<>();
    for (WeightGroup group : all.getExcept()) {
      except.add(simpleGroup(group));
    }
    if (except.equals(List.of(Plasticity.READOUT))) {
      return List.of(Plasticity.ALL_EXCEPT_READOUT);
    }
    // The runtime knows only "all except readout": list the remaining groups explicitly.
    Set<String> excluded = PaperHypotheses.members(except, network);
    List<String> remaining = new ArrayList<>();
    for (String group : PaperHypotheses.allGroups(network)) {
      if (!excluded.contains(group)) {
        remaining.add(group);
      }
    }
    return remaining.isEmpty() ? List.of(Plasticity.NONE) : remaining;
  }

  private String simpleGroup(WeightGroup group) {
    if (group instanceof ReadoutGroup readout) {
      return readout.getReadout() == null ? Plasticity.READOUT : nameOf(readout.getReadout(), group, "readout");
    }
    if (group instanceof RecurrentGroup recurrent) {
      return nameOf(recurrent.getModule(), group, "module") + ".recurrent";
    }
    if (group instanceof InputGroup input) {
      return nameOf(input.getModule(), group, "module") + ".input";
    }
    ProjectionGroup projection = (ProjectionGroup) group;
    Node source = projection.getSource();
    Node target = projection.getTarget();
    String from = nameOf(source, group, "module or input");
    String to = nameOf(target, group, "module or readout");
    if (source instanceof Module && target instanceof Readout) {
      // The runtime treats a readout's weight and bias as one group, named after the readout.
      return to;
    }
    if (target instanceof Module && source instanceof Module && from.equals(to)) {
      return from + ".recurrent";
    }
    if (target instanceof Module && (source instanceof Module || source instanceof Input)) {
      return from + " -> " + to;
    }
    throw new SpecBuildException(group, "plastic: " + text(group) + " is no weight group: weights run from an input or "
        + "a module to a module, or from a module to a readout");
  }

  // ---------------------------------------------------------------------------------------------
  // Analyses and sweeps
  // ---------------------------------------------------------------------------------------------

  private AnalysisPlan analysis(Analysis analysis, int position, List<PhasePlan> phases) {
    String a = ParameterNames.prefix(experiment, analysis);
    String baseline;
    List<String> compared = new ArrayList<>();
    if (analysis.getBaseline() != null) {
      baseline = nameOf(analysis.getBaseline(), analysis, "phase");
      analysis.getCompared().forEach(p -> compared.add(nameOf(p, analysis, "phase")));
    } else {
      if (phases.size() < 2) {
        throw new SpecBuildException(analysis, "analysis: say which phases to compare, e.g. compare initial with Hinput");
      }
      baseline = phases.get(0).name();
      phases.subList(1, phases.size()).forEach(p -> compared.add(p.name()));
    }
    List<String> modules = new ArrayList<>();
    if (analysis.getModules().isEmpty()) {
      network.modules().forEach(m -> modules.add(m.name()));
    } else {
      analysis.getModules().forEach(m -> modules.add(nameOf(m, analysis, "module")));
    }
    if (analysis.getWindow() != null && analysis.getAnchor() != Anchor.GO) {
      throw new SpecBuildException(analysis.getWindow(), "analysis: the runtime measures windows around the go cue "
          + "(MODEL.md section 6); write 'around go'");
    }
    if (analysis.getWindow() != null && analysis.getWindow().getMax() == null) {
      throw new SpecBuildException(analysis.getWindow(), "analysis: a window needs both ends, e.g. window -600 ms .. 600 ms around go");
    }
    Setting[] window = range(a + ".window", analysis.getWindow(), Kind.BINS,
        ReferenceDefaults.WINDOW_START_BINS, ReferenceDefaults.WINDOW_END_BINS, analysis);
    Set<AnalysisSpec.Metric> metrics = EnumSet.noneOf(AnalysisSpec.Metric.class);
    for (Metric metric : analysis.getMetrics()) {
      metrics.add(metric == Metric.ROBUSTNESS ? AnalysisSpec.Metric.NOISE : AnalysisSpec.Metric.valueOf(metric.name()));
    }
    if (metrics.isEmpty()) {
      metrics = EnumSet.allOf(AnalysisSpec.Metric.class);
    }
    return new AnalysisPlan(baseline, compared, modules, window[0], window[1], metrics,
        setting(a + ".noiseScale", analysis.getNoiseScale(), Kind.NUMBER, ReferenceDefaults.NOISE_SCALE, analysis),
        setting(a + ".noiseRepeats", analysis.getNoiseRepeats(), Kind.COUNT, ReferenceDefaults.NOISE_REPEATS,
            analysis),
        setting(a + ".components", analysis.getComponents(), Kind.COUNT, ReferenceDefaults.COMPONENTS, analysis));
  }

  /** A {@code sweep} line: one group of one axis, a zipped group, or one group per axis (cartesian). */
  private List<SweepGroupPlan> sweep(Sweep sweep) {
    List<SweepAxisPlan> axes = new ArrayList<>();
    for (SweepAxis axis : sweep.getAxes()) {
      axes.add(axis(axis));
    }
    if (sweep.isZip()) {
      return List.of(new SweepGroupPlan(axes));
    }
    List<SweepGroupPlan> groups = new ArrayList<>();
    axes.forEach(axis -> groups.add(new SweepGroupPlan(List.of(axis))));
    return groups;
  }

  private SweepAxisPlan axis(SweepAxis axis) {
    String parameter = axis.getParameter();
    Setting swept = settings.get(parameter);
    if (swept == null) {
      String closest = Parameters.closest(parameter, settings.keySet());
      String hint = closest == null ? "" : "; did you mean '" + closest + "'?";
      throw new SpecBuildException(axis, "sweep: unknown parameter '" + parameter + "'" + hint + "\n"
          + Parameters.listing(settings.keySet()));
    }
    Kind kind = swept.kind();
    String written = text(axis);
    if (axis.getFrom() == null) {
      List<Double> values = new ArrayList<>();
      for (Quantity value : axis.getValues()) {
        values.add(sweepValue(swept, value.getValue(), value.getUnit(), value));
      }
      return new SweepAxisPlan(parameter, values, null, null, null, written);
    }
    String unit = axis.getFrom().getUnit() != null ? axis.getFrom().getUnit() : axis.getTo().getUnit();
    double from = sweepValue(swept, axis.getFrom().getValue(), unitOr(axis.getFrom(), unit), axis.getFrom());
    double to = sweepValue(swept, axis.getTo().getValue(), unitOr(axis.getTo(), unit), axis.getTo());
    double step = axis.getStep() == null
        ? sweepValue(swept, BigDecimal.ONE, unit, axis.getFrom())
        : sweepValue(swept, axis.getStep().getValue(), unitOr(axis.getStep(), unit), axis.getStep());
    return new SweepAxisPlan(parameter, null, from, to, step, written);
  }

  /**
   * A swept value in the parameter's unit: a number without unit is already in it (docs/language.md);
   * a number with a unit is converted (sweep Cortex.PMd.tau in 20 ms, 0.05 s for tau written in ms).
   */
  private double sweepValue(Setting swept, BigDecimal value, String unit, Quantity at) {
    if (unit == null) {
      return value.doubleValue();
    }
    ParameterUnit written = Quantities.unitOf(value, unit, swept.kind(), dt, at);
    double runtime = written.toRuntime(swept.parameter(), value.doubleValue(), dt);
    return swept.unit().fromRuntime(runtime, dt);
  }

  private static String unitOr(Quantity quantity, String shared) {
    return quantity.getUnit() != null ? quantity.getUnit() : shared;
  }

  // ---------------------------------------------------------------------------------------------
  // Settings
  // ---------------------------------------------------------------------------------------------

  /** A setting as written (in its written unit), or its default; registered under its parameter name. */
  private Setting setting(String parameter, Quantity written, Kind kind, double defaultValue, EObject owner) {
    if (written == null) {
      return register(new Setting(parameter, kind, defaultValue, kind.defaultUnit(), null, owner));
    }
    if (written.getValue() == null) {
      throw new SpecBuildException(written, "a number is missing");
    }
    ParameterUnit unit = Quantities.unitOf(written.getValue(), written.getUnit(), kind, dt, written);
    return register(new Setting(parameter, kind, written.getValue().doubleValue(), unit, Quantities.written(written),
        written));
  }

  /** A setting that has no written form of its own (a default initial state). */
  private Setting fixed(String parameter, double value, EObject owner) {
    return register(new Setting(parameter, Kind.NUMBER, value, ParameterUnit.NUMBER, null, owner));
  }

  /** The parameter name of a setting of an element: docs/language.md, "Parameter names". */
  private String name(EObject element, String setting) {
    String prefix = ParameterNames.prefix(experiment, element);
    return prefix.isEmpty() ? setting : prefix + "." + setting;
  }

  private Setting register(Setting setting) {
    Setting previous = settings.putIfAbsent(setting.parameter(), setting);
    if (previous != null) {
      throw new SpecBuildException(setting.source(), "two settings have the parameter name '" + setting.parameter()
          + "': rename one of the elements they belong to");
    }
    return setting;
  }

  /**
   * Both ends of a range setting. Written as a range, they are {@code name.min} and {@code name.max}
   * (a unit on one end applies to both); written as one value, or defaulting to one value, both ends
   * are the one setting {@code name}.
   */
  private Setting[] range(String parameter, Range written, Kind kind, double defaultMin, double defaultMax, EObject owner) {
    if (written == null) {
      if (defaultMin == defaultMax) {
        Setting single = setting(parameter, null, kind, defaultMin, owner);
        return new Setting[] {single, single};
      }
      return new Setting[] {setting(parameter + ".min", null, kind, defaultMin, owner),
          setting(parameter + ".max", null, kind, defaultMax, owner)};
    }
    Quantity min = written.getMin();
    Quantity max = written.getMax();
    if (max == null) {
      Setting single = setting(parameter, min, kind, defaultMin, owner);
      return new Setting[] {single, single};
    }
    String unit = min.getUnit() != null ? min.getUnit() : max.getUnit();
    return new Setting[] {end(parameter + ".min", min, unit, kind), end(parameter + ".max", max, unit, kind)};
  }

  private Setting end(String parameter, Quantity end, String sharedUnit, Kind kind) {
    String unit = unitOr(end, sharedUnit);
    ParameterUnit parameterUnit = Quantities.unitOf(end.getValue(), unit, kind, dt, end);
    return register(new Setting(parameter, kind, end.getValue().doubleValue(), parameterUnit,
        Quantities.written(end.getValue(), unit), end));
  }

  // ---------------------------------------------------------------------------------------------
  // Names and text
  // ---------------------------------------------------------------------------------------------

  /** The name of a referenced element; an unresolved reference is reported at the referring element. */
  private static String nameOf(EObject referenced, EObject at, String what) {
    if (referenced == null || referenced.eIsProxy()) {
      throw new SpecBuildException(at, "unknown " + what + " in '" + text(at) + "'");
    }
    if (referenced instanceof Module m) {
      return m.getName();
    }
    if (referenced instanceof Input i) {
      return i.getName();
    }
    if (referenced instanceof Readout r) {
      return r.getName();
    }
    if (referenced instanceof Phase p) {
      return p.getName();
    }
    if (referenced instanceof Perturbation p) {
      return p.getName();
    }
    throw new SpecBuildException(at, "unexpected reference to a " + referenced.eClass().getName());
  }

  /** The element's text as written, on one line. */
  static String text(EObject element) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
    return node == null ? "" : NodeModelUtils.getTokenText(node);
  }
}

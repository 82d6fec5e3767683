package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.motorlearn.dsl.model.ReferenceDefaults;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Anchor;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Gain;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Optimizer;
import org.motorlearn.dsl.motorLearn.OptimizerKind;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.validation.EffectiveSettings.Value;

/**
 * The checks on numbers: signs, ranges, Euler stability, the timing of a trial, windows inside the
 * trial, batch against the training set, memory. They read every setting through
 * {@link EffectiveSettings}, so the same rules check the spec as written and each sweep point.
 *
 * <p>Settings a spec does not write take the reference values of MODEL.md ({@link #DEFAULT_TRIAL_BINS} etc.)
 * when a rule compares them with one it does write.
 */
public final class NumericRules {

  public static final double DEFAULT_TAU_SECONDS = 0.05;
  public static final double DEFAULT_TRIAL_BINS = 400;
  public static final double DEFAULT_CUE_MIN_BINS = 150;
  public static final double DEFAULT_CUE_MAX_BINS = 180;
  public static final double DEFAULT_GO_BINS = 282;
  public static final double DEFAULT_MOVEMENT_BINS = 100;
  public static final double DEFAULT_TRAIN_TRIALS = 400;
  public static final double DEFAULT_BATCH = 80;
  /** a = dt/tau above this is a warning: the Euler step is coarse. Above 1 it overshoots (error). */
  public static final double COARSE_EULER_STEP = 0.5;

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  private final EffectiveSettings settings;
  private final List<Finding> findings = new ArrayList<>();

  private NumericRules(EffectiveSettings settings) {
    this.settings = settings;
  }

  /** Every rule on one network. */
  public static List<Finding> network(Network network, EffectiveSettings settings) {
    NumericRules rules = new NumericRules(settings);
    rules.checkNetwork(network);
    return rules.findings;
  }

  /** Every rule on one task; times in bins use the dt of the task's experiment (10 ms outside one). */
  public static List<Finding> task(Task task, EffectiveSettings settings) {
    NumericRules rules = new NumericRules(settings);
    rules.checkTask(task, networkOf(settings));
    return rules.findings;
  }

  public static List<Finding> perturbation(Perturbation perturbation, EffectiveSettings settings) {
    NumericRules rules = new NumericRules(settings);
    rules.checkPerturbation(perturbation);
    return rules.findings;
  }

  public static List<Finding> loss(Loss loss, EffectiveSettings settings) {
    NumericRules rules = new NumericRules(settings);
    rules.checkLoss(loss);
    return rules.findings;
  }

  /** The rules that need a whole experiment: phases, analyses, windows against the trial, batch, memory. */
  public static List<Finding> experiment(Experiment experiment, EffectiveSettings settings, long memoryLimitBytes) {
    NumericRules rules = new NumericRules(settings);
    rules.checkExperiment(experiment, memoryLimitBytes);
    return rules.findings;
  }

  /** Everything an experiment uses, for a sweep point: its network, task, perturbations, loss and itself. */
  public static List<Finding> all(Experiment experiment, EffectiveSettings settings, long memoryLimitBytes) {
    NumericRules rules = new NumericRules(settings);
    Network network = Experiments.network(experiment);
    if (network != null) {
      rules.checkNetwork(network);
    }
    Task task = Experiments.task(experiment);
    if (task != null) {
      rules.checkTask(task, network);
    }
    for (Perturbation perturbation : SweepableSettings.perturbations(experiment)) {
      rules.checkPerturbation(perturbation);
    }
    Loss loss = Experiments.loss(experiment);
    if (loss != null) {
      rules.checkLoss(loss);
    }
    rules.checkExperiment(experiment, memoryLimitBytes);
    return rules.findings;
  }

  // ------------------------------------------------------------------------------------------- network

  private void checkNetwork(Network network) {
    positive(network, ML.getNetwork_Dt(), "dt", "dt 10 ms");
    for (Module module : network.getModules()) {
      positive(module, ML.getModule_Units(), "units", "units 400");
      positive(module, ML.getModule_Tau(), "tau", "tau 50 ms");
      settings.mark();
      Value noise = settings.value(module, ML.getModule_Noise());
      if (noise != null && noise.value() < 0) {
        error(IssueCodes.NEGATIVE_NOISE, "noise must be 0 or more (it is the standard deviation of the process noise), e.g. noise 0.05",
            module, ML.getModule_Noise());
      }
      checkEulerStep(network, module);
    }
    for (Input input : network.getInputs()) {
      positive(input, ML.getInput_Size(), "the input dimension", "input cue (3) -> PMd");
    }
    for (Readout readout : network.getReadouts()) {
      positive(readout, ML.getReadout_Size(), "the readout dimension", "readout hand position (2) from M1");
    }
    for (Connection connection : network.getConnections()) {
      settings.mark();
      Value density = settings.value(connection, ML.getConnection_Density());
      if (density != null && (density.value() <= 0 || density.value() > 1)) {
        error(IssueCodes.DENSITY_OUT_OF_RANGE, "density must lie in (0, 1] (the fraction of weights that exist), e.g. sparse 0.2 or sparse 20 %",
            connection, ML.getConnection_Density());
      }
    }
  }

  private void checkEulerStep(Network network, Module module) {
    settings.mark();
    Double dt = settings.dtSeconds(network);
    Value tauValue = settings.value(module, ML.getModule_Tau());
    double tau = tauValue == null ? DEFAULT_TAU_SECONDS : tauValue.value();
    if (dt == null || tau <= 0 || dt <= 0 || (module.getTau() != null && tauValue == null)) {
      return;
    }
    double a = dt / tau;
    EObject where = module.getTau() != null || network.getDt() == null ? module : network;
    EStructuralFeature feature = module.getTau() != null ? ML.getModule_Tau() : network.getDt() != null ? ML.getNetwork_Dt() : ML.getModule_Tau();
    String ratio = "dt/tau = " + number(a) + " (dt " + millis(dt) + ", tau " + millis(tau) + ") in module " + module.getName();
    if (a > 1) {
      error(IssueCodes.EULER_UNSTABLE, ratio + " is above 1: the Euler step overshoots and the dynamics are unstable; "
          + "make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)", where, feature);
    } else if (a > COARSE_EULER_STEP) {
      warning(IssueCodes.EULER_COARSE, ratio + " is above 0.5: the Euler step is too coarse to follow the continuous dynamics; "
          + "use a smaller dt or a larger tau (the reference uses dt/tau = 0.2)", where, feature);
    }
  }

  // ---------------------------------------------------------------------------------------------- task

  private void checkTask(Task task, Network network) {
    positive(task, ML.getTask_Targets(), "targets", "targets 8");
    positive(task, ML.getTask_Trial(), "trial", "trial 400 bins");
    positive(task, ML.getTask_Movement(), "movement", "movement 100 bins");
    positive(task, ML.getTask_Train(), "train", "train 400 trials");
    positive(task, ML.getTask_Test(), "test", "test 160 trials");
    settings.mark();
    Value reachMin = settings.min(task, ML.getTask_Reach());
    Value reachMax = settings.max(task, ML.getTask_Reach());
    if (reachMin != null && reachMin.value() <= 0) {
      error(IssueCodes.NOT_POSITIVE, "reach must be positive, e.g. reach 7..10 cm", task, ML.getTask_Reach());
    } else if (reachMin != null && reachMax != null && reachMin.value() > reachMax.value()) {
      error(IssueCodes.RANGE_REVERSED, "reach " + reachMin.text() + ".." + reachMax.text() + " is reversed; write the smaller end first",
          task, ML.getTask_Reach());
    }
    reversed(task, ML.getTask_Cue(), "cue at", network);
    reversed(task, ML.getTask_Go(), "go at", network);
    if (task.getJitter() != null) {
      notNegative(task.getJitter(), ML.getJitter_Direction(), "jitter direction", "(it is a standard deviation)");
      notNegative(task.getJitter(), ML.getJitter_Duration(), "jitter duration", "(it is a standard deviation)");
    }
    checkTiming(task, network);
  }

  private void checkTiming(Task task, Network network) {
    settings.mark();
    Value trial = settings.bins(settings.value(task, ML.getTask_Trial()), network);
    Value cueMin = settings.bins(settings.min(task, ML.getTask_Cue()), network);
    Value cueMax = settings.bins(settings.max(task, ML.getTask_Cue()), network);
    Value goMin = settings.bins(settings.min(task, ML.getTask_Go()), network);
    Value goMax = settings.bins(settings.max(task, ML.getTask_Go()), network);
    boolean recorded = task.getTrajectories() != null;
    if (recorded) {
      return; // timing comes from the file
    }
    double trialBins = trial != null ? trial.value() : DEFAULT_TRIAL_BINS;
    double goFirst = goMin != null ? goMin.value() : DEFAULT_GO_BINS;
    double goLast = goMax != null ? goMax.value() : DEFAULT_GO_BINS;
    if (cueMin != null && cueMin.value() < 0) {
      error(IssueCodes.NOT_POSITIVE, "the cue cannot come before the trial starts (bin 0); write e.g. cue at bin 150",
          task, ML.getTask_Cue());
    }
    if (goMin != null && goFirst < 0) {
      // before the trial: every cue would come "after" it, so that is not the error to report
      error(IssueCodes.GO_OUTSIDE_TRIAL, "go (bin " + whole(goFirst) + ") lies outside the trial of " + whole(trialBins)
          + " bins (bins 0.." + whole(trialBins - 1) + "), before it starts; move go later, after the cue", task, ML.getTask_Go());
      return;
    }
    if (cueMax != null && cueMax.value() > goFirst) {
      error(IssueCodes.CUE_AFTER_GO, "the cue (up to bin " + whole(cueMax.value()) + ") comes after go (from bin " + whole(goFirst)
          + "): the target must be shown before the go cue; move the cue earlier or go later", task, ML.getTask_Cue());
    } else if (cueMax == null && task.getCue() == null && goMin != null && goFirst < DEFAULT_CUE_MAX_BINS) {
      error(IssueCodes.CUE_AFTER_GO, "go (from bin " + whole(goFirst) + ") comes before the default cue (bins "
          + whole(DEFAULT_CUE_MIN_BINS) + ".." + whole(DEFAULT_CUE_MAX_BINS) + "); set the cue explicitly, e.g. cue at bin "
          + whole(Math.max(0, goFirst - 100)), task, ML.getTask_Go());
    }
    if ((goMax != null || trial != null) && goLast >= trialBins) {
      EStructuralFeature where = goMax != null ? ML.getTask_Go() : ML.getTask_Trial();
      error(IssueCodes.GO_OUTSIDE_TRIAL, "go (bin " + whole(goLast) + ") lies outside the trial of " + whole(trialBins)
          + " bins (bins 0.." + whole(trialBins - 1) + "); move go earlier or make the trial longer", task, where);
      return;
    }
    Value movement = settings.bins(settings.value(task, ML.getTask_Movement()), network);
    double movementBins = movement != null ? movement.value() : DEFAULT_MOVEMENT_BINS;
    if ((movement != null || goMax != null || trial != null) && movementBins > 0 && goLast + movementBins > trialBins) {
      EStructuralFeature where = movement != null ? ML.getTask_Movement() : goMax != null ? ML.getTask_Go() : ML.getTask_Trial();
      warning(IssueCodes.MOVEMENT_OUTSIDE_TRIAL, "the reach ends at bin " + whole(goLast + movementBins) + " (go bin " + whole(goLast)
          + " + movement " + whole(movementBins) + " bins), after the trial of " + whole(trialBins)
          + " bins ends; the network never learns to hold the target: make the trial longer or go earlier", task, where);
    }
  }

  // ----------------------------------------------------------------------------- perturbation and loss

  private void checkPerturbation(Perturbation perturbation) {
    if (perturbation.getEffect() instanceof Gain gain) {
      positive(gain, ML.getGain_Factor(), "the gain factor", "gain 1.5");
    }
  }

  private void checkLoss(Loss loss) {
    notNegativePenalty(loss, ML.getLoss_WeightPenalty(), "weight penalty", "weight penalty 1e-3");
    notNegativePenalty(loss, ML.getLoss_RatePenalty(), "rate penalty", "rate penalty 0.8");
  }

  private void notNegativePenalty(Loss loss, EStructuralFeature feature, String name, String example) {
    settings.mark();
    Value value = settings.value(loss, feature);
    if (value != null && value.value() < 0) {
      error(IssueCodes.NEGATIVE_PENALTY, "the " + name + " must be 0 or more (0 switches it off), e.g. " + example, loss, feature);
    }
  }

  // -------------------------------------------------------------------------------------- experiment

  private void checkExperiment(Experiment experiment, long memoryLimitBytes) {
    Task task = Experiments.task(experiment);
    Network network = Experiments.network(experiment);
    notNegative(experiment, ML.getExperiment_CheckpointEvery(), "checkpoint every",
        "(0 saves only at the end of each phase), e.g. checkpoint every 50 updates");
    for (Phase phase : experiment.getPhases()) {
      checkPhase(phase, task);
    }
    Loss loss = Experiments.loss(experiment);
    if (loss != null && task != null && task.getTrajectories() == null) {
      checkLossWindow(experiment, loss, task, network);
    }
    for (Analysis analysis : experiment.getAnalyses()) {
      positive(analysis, ML.getAnalysis_Components(), "components", "components 10");
      positive(analysis, ML.getAnalysis_NoiseScale(), "the noise robustness scale", "noise robustness 10 x std");
      positive(analysis, ML.getAnalysis_NoiseRepeats(), "repeats", "repeats 10");
      if (task != null && task.getTrajectories() == null) {
        checkAnalysisWindow(analysis, task, network);
      }
    }
    if (network != null && task != null) {
      checkMemory(experiment, network, task, memoryLimitBytes);
    }
  }

  private void checkPhase(Phase phase, Task task) {
    positive(phase, ML.getPhase_Updates(), "updates", "updates 500");
    positive(phase, ML.getPhase_Batch(), "batch", "batch 80");
    positive(phase, ML.getPhase_Clip(), "clip", "clip 0.2");
    Optimizer optimizer = phase.getOptimizer();
    if (optimizer != null) {
      positive(optimizer, ML.getOptimizer_Lr(), "lr", "lr 1e-4");
      positive(optimizer, ML.getOptimizer_Eps(), "eps", "eps 1e-8");
      unitInterval(optimizer, ML.getOptimizer_Beta1(), IssueCodes.BETA_OUT_OF_RANGE, "the first beta", "betas 0.9 0.999");
      unitInterval(optimizer, ML.getOptimizer_Beta2(), IssueCodes.BETA_OUT_OF_RANGE, "the second beta", "betas 0.9 0.999");
      if (optimizer.getKind() == OptimizerKind.SGD) {
        unitInterval(optimizer, ML.getOptimizer_Momentum(), IssueCodes.MOMENTUM_OUT_OF_RANGE, "momentum", "momentum 0.9");
      }
    }
    if (task == null || task.getTrajectories() != null || phase.isEvaluateOnly()) {
      return;
    }
    settings.mark();
    Value batch = settings.value(phase, ML.getPhase_Batch());
    Value train = settings.value(task, ML.getTask_Train());
    double trainTrials = train != null ? train.value() : DEFAULT_TRAIN_TRIALS;
    if (batch != null && trainTrials > 0 && batch.value() > trainTrials) {
      error(IssueCodes.BATCH_LARGER_THAN_TRAINING_SET, "batch " + whole(batch.value()) + " is larger than the training set of task "
          + task.getName() + " (" + whole(trainTrials) + " trials); batches are drawn without replacement: use at most batch "
          + whole(trainTrials) + " or more train trials", phase, ML.getPhase_Batch());
    }
  }

  private void checkLossWindow(Experiment experiment, Loss loss, Task task, Network network) {
    settings.mark();
    double trialBins = trialBins(task, network);
    Value from = settings.bins(settings.value(loss, ML.getLoss_MseFrom()), network);
    EObject where = inside(experiment, loss) ? loss : experiment;
    if (from != null && (from.value() < 0 || from.value() >= trialBins)) {
      // the reference's share of the trial (bin 50 of 400), so the example fits this trial
      double example = Math.floor(trialBins * ReferenceDefaults.MSE_FROM_BIN / ReferenceDefaults.TRIAL_BINS);
      error(IssueCodes.LOSS_WINDOW_OUTSIDE_TRIAL, "the loss starts at bin " + whole(from.value()) + ", outside the trial of "
          + whole(trialBins) + " bins (bins 0.." + whole(trialBins - 1) + "); e.g. mse from bin " + whole(example),
          where, where == loss ? ML.getLoss_MseFrom() : ML.getExperiment_LossRef());
    }
    Value min = settings.bins(settings.min(loss, ML.getLoss_MseWindow()), network);
    Value max = settings.bins(settings.max(loss, ML.getLoss_MseWindow()), network);
    if (min != null && max != null && (min.value() < 0 || max.value() >= trialBins || min.value() > max.value())) {
      error(IssueCodes.LOSS_WINDOW_OUTSIDE_TRIAL, "the loss window (bins " + whole(min.value()) + ".." + whole(max.value())
          + ") must be an ordered range inside the trial of " + whole(trialBins) + " bins (bins 0.." + whole(trialBins - 1) + ")",
          where, where == loss ? ML.getLoss_MseWindow() : ML.getExperiment_LossRef());
    }
  }

  private void checkAnalysisWindow(Analysis analysis, Task task, Network network) {
    if (analysis.getWindow() == null) {
      return;
    }
    settings.mark();
    double trialBins = trialBins(task, network);
    Value minTime = settings.min(analysis, ML.getAnalysis_Window());
    Value maxTime = settings.max(analysis, ML.getAnalysis_Window());
    Value min = settings.bins(minTime, network);
    Value max = settings.bins(maxTime, network);
    if (min == null || max == null) {
      return;
    }
    if (minTime.value() > maxTime.value()) {
      error(IssueCodes.RANGE_REVERSED, "the analysis window " + min.text() + ".." + max.text()
          + " is reversed; write the earlier end first, e.g. window -600 ms..600 ms", analysis, ML.getAnalysis_Window());
      return;
    }
    if (min.value() >= max.value()) {
      // a window covers the bins from its first end up to before its second: equal ends cover none
      String message = analysis.getWindow().getMax() == null
          ? "the analysis window " + min.text() + " is a single time, not a window; write both ends, e.g. window -600 ms..600 ms"
          : "the analysis window " + min.text() + ".." + max.text() + " is empty: with dt " + millis(settings.dtSeconds(network))
              + " both ends fall on bin " + whole(min.value()) + "; widen it to at least one bin";
      error(IssueCodes.ANALYSIS_WINDOW_EMPTY, message, analysis, ML.getAnalysis_Window());
      return;
    }
    Anchor anchor = analysis.getAnchor() == null ? Anchor.GO : analysis.getAnchor();
    double[] anchorBins = anchorBins(anchor, task, network);
    double first = anchorBins[0] + min.value();
    double last = anchorBins[1] + max.value() - 1;
    if (first < 0 || last > trialBins - 1) {
      error(IssueCodes.ANALYSIS_WINDOW_OUTSIDE_TRIAL, "the analysis window " + min.text() + ".." + max.text() + " around "
          + anchor.getLiteral() + " covers bins " + whole(first) + ".." + whole(last) + ", outside the trial of " + whole(trialBins)
          + " bins (bins 0.." + whole(trialBins - 1) + "); shorten the window", analysis, ML.getAnalysis_Window());
    }
  }

  /** The earliest and latest bin the anchor can fall on. Movement onset is not known before running; go bounds it. */
  private double[] anchorBins(Anchor anchor, Task task, Network network) {
    switch (anchor) {
      case START:
        return new double[] {0, 0};
      case CUE: {
        Value min = settings.bins(settings.min(task, ML.getTask_Cue()), network);
        Value max = settings.bins(settings.max(task, ML.getTask_Cue()), network);
        return new double[] {min != null ? min.value() : DEFAULT_CUE_MIN_BINS, max != null ? max.value() : DEFAULT_CUE_MAX_BINS};
      }
      default: {
        Value min = settings.bins(settings.min(task, ML.getTask_Go()), network);
        Value max = settings.bins(settings.max(task, ML.getTask_Go()), network);
        return new double[] {min != null ? min.value() : DEFAULT_GO_BINS, max != null ? max.value() : DEFAULT_GO_BINS};
      }
    }
  }

  private void checkMemory(Experiment experiment, Network network, Task task, long memoryLimitBytes) {
    settings.mark();
    MemoryEstimate.Result estimate = MemoryEstimate.of(experiment, network, task, settings);
    if (estimate != null && estimate.bytes() > memoryLimitBytes) {
      warning(IssueCodes.MEMORY_ABOVE_LIMIT, "training phase " + estimate.phase() + " needs about " + MemoryEstimate.gigabytes(estimate.bytes())
          + " (" + estimate.explanation() + "), more than the " + MemoryEstimate.gigabytes(memoryLimitBytes)
          + " this JVM may use; reduce batch, units or trial length, or run Java with more memory (e.g. -Xmx"
          + (long) Math.ceil(estimate.bytes() / 1e9 * 1.25) + "g)", experiment, ML.getElement_Name());
    }
  }

  // ---------------------------------------------------------------------------------------- helpers

  private double trialBins(Task task, Network network) {
    Value trial = settings.bins(settings.value(task, ML.getTask_Trial()), network);
    return trial != null ? trial.value() : DEFAULT_TRIAL_BINS;
  }

  private static Network networkOf(EffectiveSettings settings) {
    return settings.experiment() == null ? null : Experiments.network(settings.experiment());
  }

  private static boolean inside(EObject container, EObject object) {
    return EcoreUtil.isAncestor(container, object);
  }

  private void positive(EObject owner, EStructuralFeature feature, String name, String example) {
    settings.mark();
    Value value = settings.value(owner, feature);
    if (value != null && value.value() <= 0) {
      error(IssueCodes.NOT_POSITIVE, name + " must be positive, e.g. " + example, owner, feature);
    }
  }

  /** {@code why} says what 0 means or what the setting is, and may end with an example. */
  private void notNegative(EObject owner, EStructuralFeature feature, String name, String why) {
    settings.mark();
    Value value = settings.value(owner, feature);
    if (value != null && value.value() < 0) {
      error(IssueCodes.NOT_POSITIVE, name + " must be 0 or more " + why, owner, feature);
    }
  }

  private void unitInterval(EObject owner, EStructuralFeature feature, String code, String name, String example) {
    settings.mark();
    Value value = settings.value(owner, feature);
    if (value != null && (value.value() < 0 || value.value() >= 1)) {
      error(code, name + " must lie in [0, 1), e.g. " + example, owner, feature);
    }
  }

  private void reversed(Task task, EStructuralFeature feature, String name, Network network) {
    settings.mark();
    Value min = settings.min(task, feature);
    Value max = settings.max(task, feature);
    if (min != null && max != null && min.value() > max.value()) {
      error(IssueCodes.RANGE_REVERSED, name + " " + min.text() + ".." + max.text() + " is reversed; write the earlier end first",
          task, feature);
    }
  }

  private void error(String code, String message, EObject object, EStructuralFeature feature) {
    findings.add(new Finding(true, code, message, object, feature, -1, settings.readSinceMark()));
  }

  private void warning(String code, String message, EObject object, EStructuralFeature feature) {
    findings.add(new Finding(false, code, message, object, feature, -1, settings.readSinceMark()));
  }

  static String whole(double value) {
    return Long.toString(Math.round(value));
  }

  static String number(double value) {
    double magnitude = Math.abs(value);
    if (value != 0 && Double.isFinite(value) && (magnitude >= 1e7 || magnitude < 1e-3)) {
      // in fixed notation 1e38 would be 39 digits and 0.0004 would print as 0: 1e38, 4e-4, 2.5e-5
      String text = String.format(Locale.ROOT, "%.3e", value);
      int e = text.indexOf('e');
      String mantissa = text.substring(0, e).replaceAll("0+$", "");
      mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
      return mantissa + "e" + Integer.parseInt(text.substring(e + 1));
    }
    String text = String.format(Locale.ROOT, "%.3f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  static String millis(double seconds) {
    return number(seconds * 1000) + " ms";
  }
}

package org.motorlearn.dsl.model;

import java.util.List;
import java.util.Set;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * An experiment of a spec with every reference resolved, every unit converted and every default
 * applied, but with its numbers still open: each number is a {@link Setting}, a named parameter with
 * its default. It mirrors the runtime's {@code org.motorlearn.runtime.spec} types one to one, so the
 * {@link ExperimentBuilder} (evaluating it) and the code generator (printing it) build the same thing.
 *
 * @param fileName the spec's path relative to the project folder (or its file name)
 * @param source the spec's text
 * @param sourceHash SHA-256 of the spec's text (UTF-8), lowercase hex
 * @param description the experiment's documentation comment, or ""
 * @param parameters every numeric setting, by the name {@code --set} and sweeps use, in the order the
 *     generated code asks for them
 */
public record ExperimentPlan(
    String name,
    String description,
    String fileName,
    String source,
    String sourceHash,
    Setting seed,
    Precision precision,
    Setting checkpointEvery,
    NetworkPlan network,
    TaskPlan task,
    List<PerturbationPlan> perturbations,
    LossPlan loss,
    List<PhasePlan> phases,
    List<AnalysisPlan> analyses,
    List<SweepGroupPlan> sweeps,
    List<Setting> parameters) {

  /** The network's dt in seconds, as written (or the reference 10 ms). */
  public double dtSeconds() {
    return network.dt().runtimeValue(Double.NaN);
  }

  /** A weight initialisation; {@code arguments} are its numbers in the runtime factory's order. */
  public record InitPlan(Kind kind, List<Setting> arguments, String file) {
    public enum Kind { DEFAULT, UNIFORM, NORMAL, GAIN, ZEROS, FILE }

    public static InitPlan defaults() {
      return new InitPlan(Kind.DEFAULT, List.of(), null);
    }
  }

  /** A module's initial-state distribution; {@code a} and {@code b} are null for ZEROS. */
  public record InitialStatePlan(InitialState.Kind kind, Setting a, Setting b) {}

  public record ModulePlan(String name, String description, Setting units, Activation activation, Setting tau,
      Setting noise, InitialStatePlan initialState) {}

  public record InputPlan(String name, Setting dimension, List<String> targets, InitPlan init) {}

  /** A projection, also a module's own recurrence ({@code from.equals(to)}). */
  public record ProjectionPlan(String from, String to, Setting density, InitPlan init) {
    public boolean isRecurrent() {
      return from.equals(to);
    }
  }

  public record ReadoutPlan(String name, ReadoutSpec.Kind kind, Setting dimension, String from, boolean bias,
      InitPlan init) {}

  /** Projections in runtime order: for every module its recurrence (if any), then the {@code connect}s. */
  public record NetworkPlan(String name, String description, Setting dt, List<ModulePlan> modules,
      List<InputPlan> inputs, List<ProjectionPlan> projections, List<ReadoutPlan> readouts) {}

  public sealed interface TaskPlan {
    String name();
  }

  /** {@link TaskSpec.CenterOut}; a single value written for a range gives the same setting twice. */
  public record CenterOutPlan(String name, Setting targets, Setting reachMin, Setting reachMax, Setting trial,
      Setting cueMin, Setting cueMax, Setting goMin, Setting goMax, Setting movement, TaskSpec.Profile profile,
      Setting directionJitter, Setting durationJitter, Setting train, Setting test, Setting inputGain,
      Setting hold) implements TaskPlan {}

  /** {@link TaskSpec.Recorded}; {@code file} as written, relative to the spec's folder. */
  public record RecordedPlan(String name, String file, Setting targets, Setting trial, Setting test,
      Setting inputGain, Setting hold) implements TaskPlan {}

  public sealed interface PerturbationPlan {
    String name();
  }

  public record RotationPlan(String name, Setting degrees, Perturbation.AppliesTo appliesTo)
      implements PerturbationPlan {}

  public record GainPlan(String name, Setting factor, Perturbation.AppliesTo appliesTo) implements PerturbationPlan {}

  public record ReassociationPlan(String name, List<Integer> permutation) implements PerturbationPlan {}

  public record LossPlan(Setting fromBin, Setting weightPenalty, LossSpec.WeightNorm norm, Setting ratePenalty) {}

  public sealed interface OptimizerPlan {}

  public record AdamPlan(Setting learningRate, Setting beta1, Setting beta2, Setting epsilon) implements OptimizerPlan {}

  public record SgdPlan(Setting learningRate, Setting momentum) implements OptimizerPlan {}

  /**
   * A phase. An evaluation-only phase has no optimiser and no numbers.
   *
   * @param plastic runtime weight-group names (org.motorlearn.runtime.spec.Plasticity)
   * @param plasticWritten the plastic set as written, or null when the default applies
   * @param meaning what the plastic set means in the paper's terms (for comments), or ""
   */
  public record PhasePlan(String name, String description, String from, String perturbation, List<String> plastic,
      String plasticWritten, String meaning, OptimizerPlan optimizer, Setting updates, Setting batch, Setting clip,
      boolean continueOptimizer, boolean evaluateOnly) {}

  public record AnalysisPlan(String baseline, List<String> compared, List<String> modules, Setting windowStart,
      Setting windowEnd, Set<AnalysisSpec.Metric> metrics, Setting noiseScale, Setting noiseRepeats,
      Setting components) {}

  /** Axes that advance together (zipped); the experiment's sweep is the cartesian product of its groups. */
  public record SweepGroupPlan(List<SweepAxisPlan> axes) {}

  /**
   * One swept parameter: either {@code values} or a range {@code from..to step} (all in runtime units).
   *
   * @param written the axis as written in the spec, for comments
   */
  public record SweepAxisPlan(String parameter, List<Double> values, Double from, Double to, Double step,
      String written) {
    public boolean isRange() {
      return values == null;
    }
  }
}

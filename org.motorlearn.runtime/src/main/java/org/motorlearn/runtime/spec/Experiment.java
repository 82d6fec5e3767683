package org.motorlearn.runtime.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run needs: network, task, perturbations, loss, phases in execution order and the
 * analyses, plus the seed every random stream derives from and the provenance of the description.
 *
 * @param source text of the spec this experiment was generated from (recorded in the manifest), or ""
 * @param sourceHash SHA-256 of {@code source}, or ""
 * @param parameters every named numeric parameter and the value used (recorded in the manifest)
 * @param checkpointEvery updates between checkpoints (0: only at the end of each phase)
 */
public record Experiment(
    String name,
    String description,
    long seed,
    Precision precision,
    Network network,
    TaskSpec task,
    List<Perturbation> perturbations,
    LossSpec loss,
    List<PhaseSpec> phases,
    List<AnalysisSpec> analyses,
    int checkpointEvery,
    String source,
    String sourceHash,
    Map<String, Double> parameters) {

  public Experiment {
    String where = "experiment " + name + ": ";
    SpecException.require(name != null && !name.isBlank(), "experiment: the name is missing");
    SpecException.require(network != null, where + "the network is missing");
    SpecException.require(task != null, where + "the task is missing");
    SpecException.require(loss != null, where + "the loss is missing");
    perturbations = List.copyOf(perturbations);
    phases = List.copyOf(phases);
    analyses = List.copyOf(analyses);
    parameters = Map.copyOf(parameters);
    SpecException.require(!phases.isEmpty(), where + "it has no phase");
    SpecException.require(checkpointEvery >= 0, where + "checkpoint interval must be >= 0");
    SpecException.require(loss.fromBin() < task.trialBins(),
        where + "the loss starts at bin " + loss.fromBin() + " (mse from), after the last bin " + (task.trialBins() - 1)
            + " of task " + task.name() + "'s trials; start it earlier or make the trials longer");

    Set<String> perturbationNames = new HashSet<>();
    for (Perturbation p : perturbations) {
      SpecException.require(perturbationNames.add(p.name()), where + "perturbation " + p.name() + " is declared twice");
      if (p instanceof Perturbation.Reassociation r) {
        SpecException.require(r.permutation().size() == task.targets(), "perturbation " + p.name() + ": a permutation of "
            + r.permutation().size() + " targets, but task " + task.name() + " has " + task.targets());
      }
    }
    Map<String, PhaseSpec> done = new LinkedHashMap<>();
    for (PhaseSpec phase : phases) {
      SpecException.require(!done.containsKey(phase.name()), where + "phase " + phase.name() + " is declared twice");
      SpecException.require(phase.from() == null || done.containsKey(phase.from()), "phase " + phase.name()
          + ": it starts from '" + phase.from() + "', which is not an earlier phase (earlier: " + done.keySet() + ")");
      SpecException.require(phase.perturbation() == null || perturbationNames.contains(phase.perturbation()),
          "phase " + phase.name() + ": unknown perturbation '" + phase.perturbation() + "'");
      SpecException.require(phase.from() != null || !phase.continueOptimizer(),
          "phase " + phase.name() + ": 'continue optimizer' needs a phase to start from");
      if (phase.continueOptimizer() && !phase.evaluateOnly()) {
        requireContinuable(phase, done.get(phase.from()));
      }
      phase.plasticity().resolve(network);
      done.put(phase.name(), phase);
    }
    for (AnalysisSpec analysis : analyses) {
      SpecException.require(done.containsKey(analysis.baseline()), "analysis: unknown baseline phase '" + analysis.baseline() + "'");
      for (String compared : analysis.compared()) {
        SpecException.require(done.containsKey(compared), "analysis: unknown phase '" + compared + "'");
      }
      requireWindowInsideTrials(analysis, task);
      for (String module : analysis.modules()) {
        network.module(module);
      }
    }
  }

  /**
   * The network reads as many input channels as the task's trials have and reads out as many
   * dimensions as its targets have. Not part of the constructor: the engine's tests pair networks
   * with hand-made trials of any shape. {@code Runner} checks it before a run starts; the language
   * checks it for every sweep point.
   *
   * @throws SpecException naming the network, the task and both counts
   */
  public void requireTaskShape() {
    String where = "experiment " + name + ": ";
    int inputs = network.inputs().stream().mapToInt(InputSpec::dimension).sum();
    SpecException.require(inputs == task.inputDimension(), where + "network " + network.name() + " takes " + inputs
        + (inputs == 1 ? " input channel" : " input channels") + " (the dimensions of its inputs added up), but task " + task.name() + " gives "
        + task.inputDimension() + " (the target's cosine and sine and the hold signal); declare one input of "
        + "dimension " + task.inputDimension());
    int outputs = network.readouts().stream().mapToInt(ReadoutSpec::dimension).sum();
    SpecException.require(outputs == task.targetDimension(), where + "network " + network.name() + " reads out " + outputs
        + (outputs == 1 ? " dimension" : " dimensions") + " (the dimensions of its readouts added up), but task " + task.name() + "'s hand positions have "
        + task.targetDimension() + " (x, y); declare one readout of dimension " + task.targetDimension());
  }

  /**
   * A continued optimiser must be the kind the earlier phase trained with, and that phase must have
   * trained: an evaluation-only phase has no optimiser state to continue.
   */
  private static void requireContinuable(PhaseSpec phase, PhaseSpec from) {
    String where = "phase " + phase.name() + ": ";
    SpecException.require(!from.evaluateOnly(), where + "'continue optimizer', but phase " + from.name()
        + " only evaluates, so it has no optimiser state; start from a phase that trains or drop 'continue optimizer'");
    String kind = kind(phase.optimizer());
    String earlier = kind(from.optimizer());
    SpecException.require(kind.equals(earlier), where + "it continues phase " + from.name() + "'s " + earlier
        + " optimiser with " + kind + "; use " + earlier + " here too or drop 'continue optimizer'");
  }

  private static String kind(OptimizerSpec optimizer) {
    return optimizer instanceof OptimizerSpec.Adam ? "adam" : "sgd";
  }

  /**
   * Every trial's analysis window lies inside it. For synthetic trials the go bins are known (goMin..goMax);
   * recorded trials are checked when their file is read.
   */
  private static void requireWindowInsideTrials(AnalysisSpec analysis, TaskSpec task) {
    if (!(task instanceof TaskSpec.CenterOut centerOut)) {
      return;
    }
    int first = centerOut.goMin() + analysis.windowStart();
    int end = centerOut.goMax() + analysis.windowEnd();
    SpecException.require(first >= 0 && end <= centerOut.trialBins(), "analysis: the window " + signed(analysis.windowStart())
        + ".." + signed(analysis.windowEnd()) + " bins around go covers bins " + first + ".." + (end - 1) + " of trials whose go"
        + " cue is at bin " + (centerOut.goMin() == centerOut.goMax() ? String.valueOf(centerOut.goMin())
            : centerOut.goMin() + ".." + centerOut.goMax()) + ", outside task " + task.name() + "'s bins 0.."
        + (centerOut.trialBins() - 1) + "; narrow the window to " + signed(Math.max(analysis.windowStart(), -centerOut.goMin()))
        + ".." + signed(Math.min(analysis.windowEnd(), centerOut.trialBins() - centerOut.goMax())) + " bins or less");
  }

  private static String signed(int bins) {
    return bins > 0 ? "+" + bins : String.valueOf(bins);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public PhaseSpec phase(String phaseName) {
    return phases.stream().filter(p -> p.name().equals(phaseName)).findFirst()
        .orElseThrow(() -> new SpecException("experiment " + name + ": unknown phase " + phaseName));
  }

  public Perturbation perturbation(String perturbationName) {
    return perturbations.stream().filter(p -> p.name().equals(perturbationName)).findFirst()
        .orElseThrow(() -> new SpecException("experiment " + name + ": unknown perturbation " + perturbationName));
  }

  public Experiment withSeed(long newSeed) {
    return new Experiment(name, description, newSeed, precision, network, task, perturbations, loss, phases,
        analyses, checkpointEvery, source, sourceHash, parameters);
  }

  /** Fluent construction; phases in execution order. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private long seed;
    private Precision precision = Precision.FLOAT32;
    private Network network;
    private TaskSpec task;
    private final List<Perturbation> perturbations = new ArrayList<>();
    private LossSpec loss = LossSpec.reference();
    private final List<PhaseSpec> phases = new ArrayList<>();
    private final List<AnalysisSpec> analyses = new ArrayList<>();
    private int checkpointEvery;
    private String source = "";
    private String sourceHash = "";
    private final Map<String, Double> parameters = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder precision(Precision value) {
      this.precision = value;
      return this;
    }

    public Builder network(Network value) {
      this.network = value;
      return this;
    }

    public Builder task(TaskSpec value) {
      this.task = value;
      return this;
    }

    public Builder perturbation(Perturbation value) {
      perturbations.add(value);
      return this;
    }

    public Builder loss(LossSpec value) {
      this.loss = value;
      return this;
    }

    public Builder phase(PhaseSpec value) {
      phases.add(value);
      return this;
    }

    public Builder analysis(AnalysisSpec value) {
      analyses.add(value);
      return this;
    }

    public Builder checkpointEvery(int updates) {
      this.checkpointEvery = updates;
      return this;
    }

    /** The spec text and its SHA-256, recorded in the run manifest. */
    public Builder source(String text, String sha256) {
      this.source = text;
      this.sourceHash = sha256;
      return this;
    }

    /** The named parameters the experiment was built with, recorded in the run manifest. */
    public Builder parameters(Map<String, Double> values) {
      parameters.putAll(values);
      return this;
    }

    public Experiment build() {
      return new Experiment(name, description, seed, precision, network, task, perturbations, loss, phases,
          analyses, checkpointEvery, source, sourceHash, parameters);
    }
  }
}

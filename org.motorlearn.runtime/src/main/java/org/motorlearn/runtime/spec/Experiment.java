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
        where + "the loss starts at bin " + loss.fromBin() + ", after the trial's last bin " + (task.trialBins() - 1));

    Set<String> perturbationNames = new HashSet<>();
    for (Perturbation p : perturbations) {
      SpecException.require(perturbationNames.add(p.name()), where + "perturbation " + p.name() + " is declared twice");
      if (p instanceof Perturbation.Reassociation r) {
        SpecException.require(r.permutation().size() == task.targets(), "perturbation " + p.name() + ": a permutation of "
            + r.permutation().size() + " targets, but task " + task.name() + " has " + task.targets());
      }
    }
    Set<String> done = new HashSet<>();
    for (PhaseSpec phase : phases) {
      SpecException.require(!done.contains(phase.name()), where + "phase " + phase.name() + " is declared twice");
      SpecException.require(phase.from() == null || done.contains(phase.from()), "phase " + phase.name()
          + ": it starts from '" + phase.from() + "', which is not an earlier phase (earlier: " + done + ")");
      SpecException.require(phase.perturbation() == null || perturbationNames.contains(phase.perturbation()),
          "phase " + phase.name() + ": unknown perturbation '" + phase.perturbation() + "'");
      SpecException.require(phase.from() != null || !phase.continueOptimizer(),
          "phase " + phase.name() + ": 'continue optimizer' needs a phase to start from");
      phase.plasticity().resolve(network);
      done.add(phase.name());
    }
    for (AnalysisSpec analysis : analyses) {
      SpecException.require(done.contains(analysis.baseline()), "analysis: unknown baseline phase '" + analysis.baseline() + "'");
      for (String compared : analysis.compared()) {
        SpecException.require(done.contains(compared), "analysis: unknown phase '" + compared + "'");
      }
      for (String module : analysis.modules()) {
        network.module(module);
      }
    }
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

package org.motorlearn.dsl.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.runtime.run.Json;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.PhaseSpec;

/**
 * Expands an experiment's sweep into points, builds the experiment of EVERY point (so a bad value
 * anywhere stops the sweep before anything runs), and finds the training phases that several points
 * share: a phase without {@code from} whose inputs (network, task, loss, precision, seed, the phase
 * itself and its perturbation) are equal at two points produces the same bits at both, so the first
 * point trains it and the later ones reuse it.
 */
public final class SweepPlanner {

  /** The plan and each point's experiment (index = point index). */
  public record PlannedSweep(SweepManifest manifest, List<Experiment> experiments) {}

  private SweepPlanner() {}

  /**
   * @param set overrides for every point ({@code --set}); they may not name a swept parameter
   * @throws InvalidPointsException listing every point that does not build, with its parameters and the reason
   */
  public static PlannedSweep plan(GeneratedExperiment generated, Map<String, Double> set, String specPath, String specSha256) {
    List<Map<String, Double>> points = generated.sweep().points();
    for (String name : set.keySet()) {
      if (points.get(0).containsKey(name)) {
        throw new SweepException("--set " + name + ": the parameter is swept by the spec; remove it from --set or from the"
            + " sweep");
      }
    }
    List<Experiment> experiments = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      Map<String, Double> values = new LinkedHashMap<>(set);
      values.putAll(points.get(k));
      try {
        experiments.add(generated.build(Parameters.of(values)));
      } catch (RuntimeException e) {
        problems.add(describe(k, points.get(k)) + ": " + e.getMessage());
        experiments.add(null);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPointsException(problems, points.size());
    }

    Map<String, Integer> firstWithPhase = new LinkedHashMap<>();
    Map<String, String> phaseNames = new LinkedHashMap<>();
    Map<String, List<Integer>> reusers = new LinkedHashMap<>();
    List<Map<String, Integer>> reuses = new ArrayList<>();
    for (int k = 0; k < experiments.size(); k++) {
      Map<String, Integer> ofPoint = new LinkedHashMap<>();
      for (PhaseSpec phase : experiments.get(k).phases()) {
        if (phase.from() != null || phase.evaluateOnly()) {
          continue;
        }
        String identity = identity(experiments.get(k), phase);
        Integer first = firstWithPhase.putIfAbsent(identity, k);
        phaseNames.putIfAbsent(identity, phase.name());
        if (first != null) {
          ofPoint.put(phase.name(), first);
          reusers.computeIfAbsent(identity, i -> new ArrayList<>()).add(k);
        }
      }
      reuses.add(ofPoint);
    }
    List<SweepManifest.SharedPhase> shared = new ArrayList<>();
    reusers.forEach((identity, followers) ->
        shared.add(new SweepManifest.SharedPhase(phaseNames.get(identity), firstWithPhase.get(identity), followers)));

    List<SweepManifest.Point> planned = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      planned.add(new SweepManifest.Point(k, "point-" + k, points.get(k), reuses.get(k), SweepManifest.Status.PENDING, null,
          null, null, 0));
    }
    SweepManifest.Estimate estimate = new SweepManifest.Estimate(
        experiments.stream().mapToLong(SweepResources::memoryBytes).max().orElse(0),
        experiments.stream().mapToLong(SweepResources::seconds).max().orElse(0));
    SweepManifest manifest = new SweepManifest(SweepManifest.FORMAT, generated.name(), specPath, specSha256, set,
        Instant.now().toString(), 1, estimate, shared, planned, List.of());
    return new PlannedSweep(manifest, experiments);
  }

  /**
   * Everything that determines the bits of a phase without {@code from}: two points with equal
   * identities train it identically (given the same thread layout).
   */
  static String identity(Experiment experiment, PhaseSpec phase) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("seed", experiment.seed());
    inputs.put("precision", experiment.precision());
    inputs.put("network", experiment.network());
    inputs.put("task", experiment.task());
    inputs.put("loss", experiment.loss());
    inputs.put("phase", phase);
    inputs.put("perturbation", phase.perturbation() == null ? null : experiment.perturbation(phase.perturbation()));
    return Json.toJson(Json.describe(inputs));
  }

  /** {@code point-3 (seed=1, VR30.angle=20)}. */
  static String describe(int index, Map<String, Double> parameters) {
    String values = parameters.entrySet().stream().map(e -> e.getKey() + "=" + show(e.getValue()))
        .collect(Collectors.joining(", "));
    return "point-" + index + (values.isEmpty() ? "" : " (" + values + ")");
  }

  /** A parameter value as a user writes it: 20 rather than 20.0. */
  public static String show(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** Points whose experiment does not build: the sweep does not start. */
  public static final class InvalidPointsException extends SweepException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidPointsException(List<String> problems, int points) {
      super(problems.size() + " of " + points + " sweep points are invalid; nothing was started");
      this.problems = List.copyOf(problems);
    }

    /** One line per invalid point: {@code point-3 (seed=1, VR30.angle=20): <why>}. */
    public List<String> problems() {
      return problems;
    }
  }
}

package org.motorlearn.runtime.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.AnalysisSpec.Metric;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs one {@link AnalysisSpec}: compares the baseline phase with each compared phase (MODEL.md
 * section 6) and returns the metrics as nested maps of strings, numbers and lists, ready for JSON.
 * Undefined values (NaN, e.g. the PR of a zero change) are reported as {@code null}; a JSON writer must
 * keep null map values (Gson: {@code serializeNulls()}).
 *
 * <pre>
 * { "baseline": "trained", "window": {"start": -60, "end": 60}, "modules": ["PMd", "M1"],
 *   "behaviour": { phase: {"mse": cm^2, "rmse": cm, "angularErrorDegrees": deg} },    baseline and compared
 *   "compared": { phase: {
 *       "activityChangePercent": {module: %},  "constantUnitsExcluded": {module: n},     ACTIVITY
 *       "covarianceChange": {module: 1 - r},                                            COVARIANCE
 *       "weightChangePercent": {parameter: %},                                          WEIGHTS (plastic parameters)
 *       "participationRatio": {parameter: PR},                                          DIMENSIONALITY (plastic parameters)
 *       "pca": {module: {"baselineExplained": [...], "comparedExplained": [...]}},      PCA
 *       "principalAnglesDegrees": {module: [...]},                                      ANGLES
 *       "noise": {"scale": s, "repeats": n, "rmse": cm, "activityChangePercent": {module: %},
 *                 "covarianceChange": {module: 1 - r}, "noiseParticipationRatio": {parameter: PR},
 *                 "noiseStd": {parameter: std} } } } }                                   NOISE (phases with plastic parameters)
 * </pre>
 */
public final class Analyzer {

  private Analyzer() {}

  public static Map<String, Object> run(AnalysisSpec spec, AnalysisInput input) {
    AnalysisInput.Phase baseline = phase(input, spec.baseline());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("baseline", spec.baseline());
    result.put("window", map("start", spec.windowStart(), "end", spec.windowEnd()));
    result.put("modules", spec.modules());
    boolean needPsths = spec.metrics().contains(Metric.ACTIVITY) || spec.metrics().contains(Metric.COVARIANCE)
        || spec.metrics().contains(Metric.PCA) || spec.metrics().contains(Metric.ANGLES) || spec.metrics().contains(Metric.NOISE);
    Map<String, INDArray> baselinePsths = needPsths ? psths(spec, input.targets(), baseline.activity(), baseline) : Map.of();

    if (spec.metrics().contains(Metric.BEHAVIOUR)) {
      Map<String, Object> behaviour = new LinkedHashMap<>();
      behaviour.put(spec.baseline(), behaviour(input, baseline));
      for (String name : spec.compared()) {
        behaviour.put(name, behaviour(input, phase(input, name)));
      }
      result.put("behaviour", behaviour);
    }

    Map<String, Pca.Result> baselinePca = new LinkedHashMap<>(); // shared by all compared phases
    Map<String, Object> compared = new LinkedHashMap<>();
    for (String name : spec.compared()) {
      AnalysisInput.Phase phase = phase(input, name);
      Map<String, Object> metrics = new LinkedHashMap<>();
      Map<String, INDArray> psths = needPsths ? psths(spec, input.targets(), phase.activity(), phase) : Map.of();
      if (spec.metrics().contains(Metric.ACTIVITY)) {
        Map<String, Object> change = new LinkedHashMap<>();
        Map<String, Object> excluded = new LinkedHashMap<>();
        for (String module : spec.modules()) {
          change.put(module, number(ActivityChange.percent(baselinePsths.get(module), psths.get(module))));
          excluded.put(module, ActivityChange.constantUnits(baselinePsths.get(module)));
        }
        metrics.put("activityChangePercent", change);
        metrics.put("constantUnitsExcluded", excluded);
      }
      if (spec.metrics().contains(Metric.COVARIANCE)) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (String module : spec.modules()) {
          change.put(module, number(CovarianceChange.of(baselinePsths.get(module), psths.get(module))));
        }
        metrics.put("covarianceChange", change);
      }
      // plastic parameters in the order of the weights map (the network's parameter order), then any others
      List<String> plastic = new ArrayList<>();
      phase.weightsAfter().keySet().stream().filter(phase.plastic()::contains).forEach(plastic::add);
      new TreeSet<>(phase.plastic()).stream().filter(p -> !plastic.contains(p)).forEach(plastic::add);
      if (spec.metrics().contains(Metric.WEIGHTS)) {
        Map<String, Object> change = new LinkedHashMap<>();
        for (String parameter : plastic) {
          change.put(parameter, number(WeightChange.percent(weight(phase.weightsBefore(), parameter, name, "start"),
              weight(phase.weightsAfter(), parameter, name, "end"))));
        }
        metrics.put("weightChangePercent", change);
      }
      if (spec.metrics().contains(Metric.DIMENSIONALITY)) {
        Map<String, Object> pr = new LinkedHashMap<>();
        for (String parameter : plastic) {
          INDArray dW = weight(phase.weightsAfter(), parameter, name, "end").castTo(DataType.DOUBLE)
              .sub(weight(phase.weightsBefore(), parameter, name, "start").castTo(DataType.DOUBLE));
          pr.put(parameter, number(ParticipationRatio.of(dW)));
        }
        metrics.put("participationRatio", pr);
      }
      if (spec.metrics().contains(Metric.PCA) || spec.metrics().contains(Metric.ANGLES)) {
        Map<String, Object> pca = new LinkedHashMap<>();
        Map<String, Object> angles = new LinkedHashMap<>();
        for (String module : spec.modules()) {
          int k = (int) Math.min(spec.pcaComponents(), baselinePsths.get(module).size(2));
          Pca.Result before = baselinePca.computeIfAbsent(module, m -> Pca.of(baselinePsths.get(m), k));
          Pca.Result after = Pca.of(psths.get(module), k);
          pca.put(module, map("baselineExplained", list(before.explained()), "comparedExplained", list(after.explained())));
          angles.put(module, list(PrincipalAngles.between(before, after, k)));
        }
        if (spec.metrics().contains(Metric.PCA)) {
          metrics.put("pca", pca);
        }
        if (spec.metrics().contains(Metric.ANGLES)) {
          metrics.put("principalAnglesDegrees", angles);
        }
      }
      if (spec.metrics().contains(Metric.NOISE) && !plastic.isEmpty()) {
        metrics.put("noise", noise(spec, input, name, phase, plastic, baselinePsths));
      }
      compared.put(name, metrics);
    }
    result.put("compared", compared);
    return result;
  }

  /** PSTHs per analysed module of a phase's activity on its test trials, [targets, window, units], DOUBLE. */
  public static Map<String, INDArray> psths(AnalysisSpec spec, int targets, Activity activity, AnalysisInput.Phase phase) {
    Map<String, INDArray> psths = new LinkedHashMap<>();
    for (String module : spec.modules()) {
      INDArray rates = activity.rates().get(module);
      if (rates == null) {
        throw new IllegalArgumentException("analysis: no rates of module " + module + " (have " + activity.rates().keySet() + ")");
      }
      psths.put(module, Psth.compute(rates, phase.testTrials().targetIds(), phase.testTrials().goBins(), spec.windowStart(),
          spec.windowEnd(), targets));
    }
    return psths;
  }

  private static Map<String, Object> behaviour(AnalysisInput input, AnalysisInput.Phase phase) {
    INDArray outputs = output(input, phase.activity());
    INDArray targets = phase.testTrials().targets();
    double mse = Behaviour.mse(outputs, targets, input.lossFromBin());
    return map("mse", number(mse), "rmse", number(Math.sqrt(mse)),
        "angularErrorDegrees", number(Behaviour.angularErrorDegrees(outputs, targets)));
  }

  private static Map<String, Object> noise(AnalysisSpec spec, AnalysisInput input, String name, AnalysisInput.Phase phase,
      List<String> plastic, Map<String, INDArray> baselinePsths) {
    if (input.simulation() == null) {
      throw new IllegalArgumentException("analysis: the NOISE metric needs a simulation in the analysis input");
    }
    NoiseRobustness.Result r = NoiseRobustness.run(name, phase.weightsBefore(), phase.weightsAfter(), plastic, phase.masks(),
        spec.noiseScale(), spec.noiseRepeats(), input.streams(), baselinePsths, weights -> {
          Activity activity = input.simulation().simulate(name, weights);
          double mse = Behaviour.mse(output(input, activity), phase.testTrials().targets(), input.lossFromBin());
          return new NoiseRobustness.Outcome(mse, psths(spec, input.targets(), activity, phase));
        });
    Map<String, Object> noise = new LinkedHashMap<>();
    noise.put("scale", spec.noiseScale());
    noise.put("repeats", spec.noiseRepeats());
    noise.put("rmse", number(r.meanRmse()));
    noise.put("activityChangePercent", numbers(r.meanActivityChange()));
    noise.put("covarianceChange", numbers(r.meanCovarianceChange()));
    noise.put("noiseParticipationRatio", numbers(r.meanNoiseParticipationRatio()));
    noise.put("noiseStd", numbers(r.repeats().get(0).noiseStd()));
    return noise;
  }

  private static INDArray output(AnalysisInput input, Activity activity) {
    INDArray outputs = activity.outputs().get(input.readout());
    if (outputs == null) {
      throw new IllegalArgumentException("analysis: no output of readout " + input.readout() + " (have "
          + activity.outputs().keySet() + ")");
    }
    return outputs;
  }

  private static AnalysisInput.Phase phase(AnalysisInput input, String name) {
    AnalysisInput.Phase phase = input.phases().get(name);
    if (phase == null) {
      throw new IllegalArgumentException("analysis: no results of phase " + name + " (have " + input.phases().keySet() + ")");
    }
    return phase;
  }

  private static INDArray weight(Map<String, INDArray> weights, String parameter, String phase, String when) {
    INDArray w = weights.get(parameter);
    if (w == null) {
      throw new IllegalArgumentException("analysis: no weights " + parameter + " at the " + when + " of phase " + phase);
    }
    return w;
  }

  /** A finite number, or null for NaN and infinities (JSON has no NaN). */
  static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Map<String, Object> numbers(Map<String, Double> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, number(v)));
    return m;
  }

  private static List<Object> list(double[] values) {
    List<Object> l = new ArrayList<>();
    for (double v : values) {
      l.add(number(v));
    }
    return l;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}

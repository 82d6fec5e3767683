package org.motorlearn.runtime.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several runs of one experiment (different seeds and/or parameter values): a table with a row per run,
 * and each metric against every swept parameter, per compared phase, with the spread over seeds.
 */
final class Sweep {

  /** A metric of one comparison (baseline vs compared phase) of one run. */
  private record Metric(String key, String title, String axis, boolean includesUnadapted,
      Function<RunData.Comparison, Double> value) {}

  private final List<RunData> runs;
  private final Map<String, List<Double>> numericParameters = new LinkedHashMap<>();
  private final List<String> swept;

  Sweep(List<RunData> runs) {
    this.runs = List.copyOf(runs);
    this.swept = sweptParameters();
  }

  String title() {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(r -> names.add(r.experiment()));
    return String.join(", ", names);
  }

  /** Parameters whose value differs between runs (the seed is not a parameter). */
  List<String> parameters() {
    return swept;
  }

  private List<String> sweptParameters() {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (RunData run : runs) {
      parameterValues(run).forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, List<Object>> e : values.entrySet()) {
      // runs of several seeds are repetitions, not points along an axis: they make the spread of each point
      if (e.getKey().equals("seed")) {
        continue;
      }
      if (e.getValue().size() == runs.size() && new LinkedHashSet<>(e.getValue()).size() > 1) {
        names.add(e.getKey());
        if (e.getValue().stream().allMatch(v -> v instanceof Double)) {
          numericParameters.put(e.getKey(), e.getValue().stream().map(v -> (Double) v).toList());
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * The named parameters of a run (manifest "parameters"), plus the angle of each rotation
   * perturbation, so a sweep over a rotation is recognised even when the angle is not a named parameter.
   */
  private static Map<String, Object> parameterValues(RunData run) {
    Map<String, Object> values = new LinkedHashMap<>();
    JsonObject p = Json.object(run.manifest(), "parameters");
    if (p != null) {
      for (Map.Entry<String, JsonElement> e : p.entrySet()) {
        Double number = Json.number(e.getValue());
        values.put(e.getKey(), number != null ? (Object) number : e.getValue().toString());
      }
    }
    if (values.isEmpty()) {
      for (JsonElement e : Json.array(run.definition(), "perturbations")) {
        JsonObject q = e.getAsJsonObject();
        if ("rotation".equals(Json.string(q, "kind")) && Json.number(q, "degrees") != null) {
          values.put("rotation " + Json.string(q, "name") + " [deg]", Json.number(q, "degrees"));
        }
      }
    }
    return values;
  }

  /** One row per run: folder, experiment, seed, status, every parameter, every summary metric. */
  Table table() {
    Set<String> parameterNames = new LinkedHashSet<>();
    Set<String> metricNames = new LinkedHashSet<>();
    List<Map<String, Object>> parameterRows = new ArrayList<>();
    List<Map<String, Double>> metricRows = new ArrayList<>();
    for (RunData run : runs) {
      Map<String, Object> parameters = parameterValues(run);
      parameterNames.addAll(parameters.keySet());
      parameterRows.add(parameters);
      Map<String, Double> metrics = Json.flatten(Json.object(run.summary(), "metrics") == null ? new JsonObject()
          : Json.object(run.summary(), "metrics"));
      metricNames.addAll(metrics.keySet());
      metricRows.add(metrics);
    }
    List<String> header = new ArrayList<>(List.of("run", "experiment", "seed", "status"));
    header.addAll(parameterNames);
    header.addAll(metricNames);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunData run = runs.get(i);
      List<Object> row = new ArrayList<>();
      row.add(run.folder().toAbsolutePath().normalize().getFileName().toString());
      row.add(run.experiment());
      Double seed = Json.number(run.manifest(), "seed");
      row.add(seed == null ? null : (Object) Long.valueOf(seed.longValue()));
      row.add(run.text("status"));
      for (String p : parameterNames) {
        row.add(parameterRows.get(i).get(p));
      }
      for (String m : metricNames) {
        row.add(metricRows.get(i).get(m));
      }
      rows.add(row);
    }
    return new Table("runs", "Runs", "One row per run: its seed, status, parameters and every headline metric of its "
        + "summary.json (phase test metrics, final loss, time; analysis results), keys as in summary.json.", header, rows);
  }

  List<Figure> figures() {
    List<Figure> figures = new ArrayList<>();
    for (String parameter : swept) {
      if (numericParameters.containsKey(parameter)) {
        against(parameter).ifPresent(figures::add);
      }
    }
    if (swept.isEmpty() && runs.size() > 1) {
      Comparisons.activityAndCovariance("changes", runs).ifPresent(figures::add);
      Comparisons.weights("weights", runs).ifPresent(figures::add);
    }
    return figures;
  }

  private List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    metrics.add(new Metric("rmse", "Error after adaptation", "RMSE (cm)", true,
        c -> Json.number(Json.object(c.tree(), "behaviour", c.compared()), "rmse")));
    metrics.add(new Metric("angle", "Angular error after adaptation", "endpoint angle error (deg)", true,
        c -> Json.number(Json.object(c.tree(), "behaviour", c.compared()), "angularErrorDegrees")));
    Set<String> modules = new LinkedHashSet<>();
    runs.forEach(r -> r.comparisons().forEach(c -> modules.addAll(Json.numbers(Json.object(c.tree(),
        "activityChangePercent")).keySet())));
    for (String module : modules) {
      metrics.add(new Metric("activity-" + module, "Change in activity: " + module, "median |\u0394\u03C8| / \u03C3 (%)",
          false, c -> Json.numbers(Json.object(c.tree(), "activityChangePercent")).get(module)));
      metrics.add(new Metric("covariance-" + module, "Change in covariance: " + module, "1 \u2212 corr(C, C\u2032)", false,
          c -> Json.numbers(Json.object(c.tree(), "covarianceChange")).get(module)));
    }
    metrics.add(new Metric("weights", "Weight change", "median |\u0394W| / |W| (%), mean over matrices", false,
        c -> meanOf(Json.numbers(Json.object(c.tree(), "weightChangePercent")))));
    metrics.add(new Metric("dimensionality", "Dimensionality of \u0394W", "participation ratio, mean over matrices",
        false, c -> meanOf(Json.numbers(Json.object(c.tree(), "participationRatio")))));
    return metrics;
  }

  private static Double meanOf(Map<String, Double> values) {
    List<Double> finite = values.values().stream().filter(v -> v != null && Double.isFinite(v)).toList();
    return finite.isEmpty() ? null : Comparisons.mean(finite);
  }

  private java.util.Optional<Figure> against(String parameter) {
    List<Double> x = numericParameters.get(parameter);
    List<XYChart> panels = new ArrayList<>();
    for (Metric metric : metrics()) {
      // hypothesis -> parameter value -> values over runs (seeds)
      Map<String, TreeMap<Double, List<Double>>> values = new LinkedHashMap<>();
      for (int i = 0; i < runs.size(); i++) {
        RunData run = runs.get(i);
        for (RunData.Comparison c : run.comparisons()) {
          boolean evaluateOnly = run.phase(c.compared()).map(RunData.Phase::evaluateOnly).orElse(false);
          if (evaluateOnly && !metric.includesUnadapted()) {
            continue;
          }
          Double v = metric.value().apply(c);
          if (v != null && Double.isFinite(v)) {
            values.computeIfAbsent(c.compared(), h -> new TreeMap<>()).computeIfAbsent(x.get(i), k -> new ArrayList<>())
                .add(v);
          }
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      XYChart chart = Charts.xy(metric.title(), parameter, metric.axis(), 480, 380);
      chart.getStyler().setErrorBarsColorSeriesColor(true);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
      for (Map.Entry<String, TreeMap<Double, List<Double>>> e : values.entrySet()) {
        Color colour = Comparisons.colour(runs, e.getKey());
        double[] px = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = e.getValue().values().stream().mapToDouble(Comparisons::mean).toArray();
        double[] sd = e.getValue().values().stream().mapToDouble(Comparisons::spread).toArray();
        List<Double> allX = new ArrayList<>();
        List<Double> allY = new ArrayList<>();
        e.getValue().forEach((k, vs) -> vs.forEach(v -> {
          allX.add(k);
          allY.add(v);
        }));
        Plot.points(chart, e.getKey() + " runs", allX.stream().mapToDouble(Double::doubleValue).toArray(),
            allY.stream().mapToDouble(Double::doubleValue).toArray(), Palette.withAlpha(colour, 90), SeriesMarkers.CIRCLE,
            false);
        Plot.errorBars(chart, e.getKey(), px, mean, sd, colour);
      }
      panels.add(chart);
    }
    if (panels.isEmpty()) {
      return java.util.Optional.empty();
    }
    long seeds = runs.stream().map(r -> Json.number(r.manifest(), "seed")).filter(Objects::nonNull).distinct().count();
    return java.util.Optional.of(new Figure("against-" + RunData.fileName(parameter).replaceAll("[^A-Za-z0-9._-]", "_"),
        "Metrics against " + parameter,
        "Each metric of every compared phase against " + parameter + ": mean over runs with the same value (lines, "
            + "error bars: standard deviation over seeds, " + seeds + " seed(s)); faint points: single runs. Error "
            + "panels include evaluation-only phases (the unadapted network); activity and weight panels only phases "
            + "that adapted.", panels, 3));
  }
}

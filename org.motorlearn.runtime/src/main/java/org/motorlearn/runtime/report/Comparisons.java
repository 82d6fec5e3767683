package org.motorlearn.runtime.report;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.motorlearn.runtime.report.RunData.Phase;

/**
 * Figures that compare hypotheses (the adapted phases of the analysis files) per module or per matrix,
 * with one point per run (seed) and the mean over runs; a single run gives one point per hypothesis.
 */
final class Comparisons {

  private Comparisons() {}

  /** Values of one metric: hypothesis -> group (module, matrix) -> one value per run. */
  private static final class Grid {
    final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    final Set<String> groups = new LinkedHashSet<>();

    void add(String hypothesis, String group, Double value) {
      if (value == null || !Double.isFinite(value)) {
        return;
      }
      groups.add(group);
      values.computeIfAbsent(hypothesis, h -> new LinkedHashMap<>()).computeIfAbsent(group, g -> new ArrayList<>())
          .add(value);
    }

    boolean isEmpty() {
      return groups.isEmpty();
    }
  }

  /** Compared phases that adapted (evaluation-only phases change no activity or weights). */
  static List<RunData.Comparison> adapted(RunData run) {
    return run.comparisons().stream()
        .filter(c -> run.phase(c.compared()).map(p -> !p.evaluateOnly()).orElse(true))
        .toList();
  }

  /** Colour of a hypothesis, the same in every run of a sweep (by its position in the first run). */
  static Color colour(List<RunData> runs, String phase) {
    List<Phase> phases = runs.get(0).phases();
    int index = 0;
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).name().equals(phase)) {
        index = i;
      }
    }
    return Palette.phase(phase, index);
  }

  static Optional<Figure> activityAndCovariance(String name, List<RunData> runs) {
    Grid activity = new Grid();
    Grid covariance = new Grid();
    for (RunData run : runs) {
      for (RunData.Comparison c : adapted(run)) {
        Json.numbers(Json.object(c.tree(), "activityChangePercent")).forEach((m, v) -> activity.add(c.compared(), m, v));
        Json.numbers(Json.object(c.tree(), "covarianceChange")).forEach((m, v) -> covariance.add(c.compared(), m, v));
      }
    }
    List<XYChart> panels = new ArrayList<>();
    if (!activity.isEmpty()) {
      panels.add(points("Change in activity", "", "median |\u0394\u03C8| / \u03C3 (%)", activity, runs, 520));
    }
    if (!covariance.isEmpty()) {
      panels.add(points("Change in covariance", "", "1 \u2212 corr(C, C\u2032)", covariance, runs, 520));
    }
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure(name, "Change in activity and covariance",
        "Per module and hypothesis, adapted network on the perturbed test trials against the baseline network on the "
            + "baseline trials (same cues, same initial states): median normalised PSTH change (MODEL.md section 6) "
            + "and one minus the correlation of the PSTH covariance matrices. " + seedsNote(runs), panels, 2));
  }

  static Optional<Figure> weights(String name, List<RunData> runs) {
    Grid change = new Grid();
    Grid pr = new Grid();
    Grid noisePr = new Grid();
    for (RunData run : runs) {
      for (RunData.Comparison c : adapted(run)) {
        Json.numbers(Json.object(c.tree(), "weightChangePercent")).forEach((m, v) -> change.add(c.compared(), m, v));
        Json.numbers(Json.object(c.tree(), "participationRatio")).forEach((m, v) -> pr.add(c.compared(), m, v));
        Json.numbers(Json.object(c.tree(), "noise", "noiseParticipationRatio"))
            .forEach((m, v) -> noisePr.add(c.compared(), m, v));
      }
    }
    List<XYChart> panels = new ArrayList<>();
    if (!change.isEmpty()) {
      panels.add(points("Weight change", "", "median |\u0394W| / |W| (%)", change, runs, 760));
    }
    if (!pr.isEmpty()) {
      // the random-matrix reference is the point of this panel (PR of dW far below it), so the axis shows it
      double noiseMax = noisePr.values.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Comparisons::mean)
          .max().orElse(0);
      XYChart chart = points("Dimensionality of \u0394W", "", "participation ratio", pr, runs, 760, noiseMax);
      if (!noisePr.isEmpty()) {
        List<String> groups = new ArrayList<>(pr.groups);
        boolean first = true;
        for (String h : noisePr.values.keySet()) {
          for (Map.Entry<String, List<Double>> e : noisePr.values.get(h).entrySet()) {
            int g = groups.indexOf(e.getKey());
            if (g < 0) {
              continue;
            }
            double x = g + offset(new ArrayList<>(pr.values.keySet()).indexOf(h), pr.values.size());
            Plot.points(chart, "i.i.d. noise, same shape", new double[] {x}, new double[] {mean(e.getValue())},
                Palette.GREY, SeriesMarkers.DIAMOND, first);
            first = false;
          }
        }
      }
      panels.add(chart);
    }
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure(name, "Weight change and its dimensionality",
        "Per plastic matrix and hypothesis: median relative weight change, and participation ratio "
            + "(\u03A3s)\u00B2/\u03A3s\u00B2 of the singular values of \u0394W (1 for a rank-1 change). Grey diamonds: "
            + "participation ratio of the synaptic noise of the robustness analysis, a random matrix of the same shape. "
            + seedsNote(runs), panels, 2));
  }

  private static String seedsNote(List<RunData> runs) {
    return runs.size() == 1 ? "One run: one point per hypothesis." : "Points: one per run (" + runs.size()
        + " runs); bars: mean over runs.";
  }

  private static double offset(int hypothesis, int hypotheses) {
    double width = 0.7 / Math.max(1, hypotheses);
    return (hypothesis - (hypotheses - 1) / 2.0) * width;
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Sample standard deviation (ddof 1); 0 for a single value. */
  static double spread(List<Double> values) {
    if (values.size() < 2) {
      return 0;
    }
    double m = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - m) * (v - m);
    }
    return Math.sqrt(sum / (values.size() - 1));
  }

  /** Groups along x, one column of points per hypothesis in each group, a short bar at their mean. */
  private static XYChart points(String title, String xTitle, String yTitle, Grid grid, List<RunData> runs, int width) {
    return points(title, xTitle, yTitle, grid, runs, width, 0);
  }

  /** As above, with the y axis reaching at least {@code alsoShow} (a reference drawn into the chart afterwards). */
  private static XYChart points(String title, String xTitle, String yTitle, Grid grid, List<RunData> runs, int width,
      double alsoShow) {
    XYChart chart = Charts.xy(title, xTitle, yTitle, width, 420);
    List<String> groups = new ArrayList<>(grid.groups);
    List<String> hypotheses = new ArrayList<>(grid.values.keySet());
    double max = Double.isFinite(alsoShow) ? Math.max(0, alsoShow) : 0;
    for (int h = 0; h < hypotheses.size(); h++) {
      String hypothesis = hypotheses.get(h);
      Color colour = colour(runs, hypothesis);
      boolean legend = true;
      for (int g = 0; g < groups.size(); g++) {
        List<Double> values = grid.values.get(hypothesis).get(groups.get(g));
        if (values == null) {
          continue;
        }
        double centre = g + offset(h, hypotheses.size());
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int k = 0; k < values.size(); k++) {
          // spread the seeds a little so equal values stay visible
          x[k] = centre + (values.size() == 1 ? 0 : (k - (values.size() - 1) / 2.0) * 0.12 / values.size());
          y[k] = values.get(k);
          max = Math.max(max, y[k]);
        }
        double m = mean(values);
        Plot.line(chart, hypothesis, new double[] {centre - 0.13, centre + 0.13}, new double[] {m, m}, colour, 3.5f,
            Plot.Stroke.SOLID, legend);
        Plot.points(chart, hypothesis + " runs", x, y, Palette.withAlpha(colour, 200), SeriesMarkers.CIRCLE, false);
        legend = false;
      }
    }
    // XChart's tick-label callback places ticks by its own rules; the group names are written as
    // annotations at the top of the plot instead, over their columns of points
    double top = max == 0 ? 1 : max * 1.34;
    for (int g = 0; g < groups.size(); g++) {
      // alternate two heights so long neighbouring names do not overlap
      double height = (groups.size() > 3 && g % 2 == 1 ? 1.12 : 1.24) * (max == 0 ? 0.75 : max);
      AnnotationText label = new AnnotationText(groups.get(g), g, height, false);
      chart.addAnnotation(label);
    }
    chart.getStyler().setAnnotationTextFont(new java.awt.Font(Charts.FONT, java.awt.Font.BOLD, 13));
    chart.getStyler().setAnnotationTextFontColor(Palette.TEXT);
    chart.getStyler().setXAxisMin(-0.5).setXAxisMax(groups.size() - 0.5);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(top);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    return chart;
  }

  /**
   * Noise robustness: error on the perturbed targets before adaptation, after, and after adding noise
   * to the adapted weights; and activity/covariance change without and with the noise.
   */
  static Optional<Figure> noise(String name, RunData run, List<RunData.Comparison> comparisons,
      Function<String, Color> colours) {
    List<String> hypotheses = comparisons.stream().map(RunData.Comparison::compared).toList();
    Map<String, Double> unadapted = new LinkedHashMap<>();
    Map<String, Double> adapted = new LinkedHashMap<>();
    Map<String, Double> noisy = new LinkedHashMap<>();
    for (RunData.Comparison c : comparisons) {
      String readout = Json.string(c.tree(), "readout");
      adapted.put(c.compared(), Json.number(Json.object(c.tree(), "behaviour", c.compared()), "rmse"));
      noisy.put(c.compared(), Json.number(Json.object(c.tree(), "noise"), "rmse"));
      String perturbation = run.phase(c.compared()).map(Phase::perturbation).orElse(null);
      run.phases().stream().filter(p -> p.evaluateOnly() && java.util.Objects.equals(p.perturbation(), perturbation))
          .findFirst()
          .map(p -> Json.number(Json.object(run.phaseMetrics(p.name()), "test", readout), "rmse"))
          .ifPresent(v -> unadapted.put(c.compared(), v));
    }
    List<CategoryChart> panels = new ArrayList<>();
    boolean withUnadapted = hypotheses.stream().allMatch(unadapted::containsKey);
    List<String> stages = withUnadapted ? List.of("before adaptation", "adapted", "adapted + noise")
        : List.of("adapted", "adapted + noise");
    CategoryChart rmse = Charts.category("Error on the perturbed targets", "", "RMSE (cm)", 560, 420);
    for (String h : hypotheses) {
      List<Number> y = new ArrayList<>();
      if (withUnadapted) {
        y.add(unadapted.get(h));
      }
      y.add(orZero(adapted.get(h)));
      y.add(orZero(noisy.get(h)));
      CategorySeries s = rmse.addSeries(h, stages, y);
      s.setFillColor(colours.apply(h));
    }
    rmse.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    panels.add(rmse);
    for (String[] metric : new String[][] {
        {"activityChangePercent", "Change in activity", "median |\u0394\u03C8| / \u03C3 (%)"},
        {"covarianceChange", "Change in covariance", "1 \u2212 corr(C, C\u2032)"}}) {
      CategoryChart chart = Charts.category(metric[1] + " with noise", "module", metric[2], 560, 420);
      boolean any = false;
      for (RunData.Comparison c : comparisons) {
        Map<String, Double> without = Json.numbers(Json.object(c.tree(), metric[0]));
        Map<String, Double> with = Json.numbers(Json.object(c.tree(), "noise", metric[0]));
        List<String> modules = with.keySet().stream().filter(without::containsKey).toList();
        if (modules.isEmpty()) {
          continue;
        }
        Color colour = colours.apply(c.compared());
        chart.addSeries(c.compared(), modules, modules.stream().map(m -> (Number) orZero(without.get(m))).toList())
            .setFillColor(colour);
        chart.addSeries(c.compared() + " + noise", modules, modules.stream().map(m -> (Number) orZero(with.get(m))).toList())
            .setFillColor(Palette.lighter(colour, 0.55));
        any = true;
      }
      if (any) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        panels.add(chart);
      }
    }
    Double scale = Json.number(Json.object(comparisons.get(0).tree(), "noise"), "scale");
    String scaleText = scale == null ? "" : " with standard deviation " + Table.readable(scale) + " \u00D7 std(\u0394W)";
    return Optional.of(new Figure(name, "Robustness to synaptic noise",
        "Gaussian noise" + scaleText + " added to every plastic matrix of the adapted network (W before + \u0394W + "
            + "\u03BE). Left: RMSE on the perturbed test targets"
            + (withUnadapted ? " before adaptation (evaluation-only phase)," : "") + " after adaptation and with noise; "
            + "middle and right: change in activity and covariance against baseline, without and with the noise.",
        panels, 3));
  }

  private static double orZero(Double v) {
    return v == null || !Double.isFinite(v) ? 0 : v;
  }
}

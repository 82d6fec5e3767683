package org.motorlearn.runtime.report;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.motorlearn.runtime.analysis.Pca;
import org.motorlearn.runtime.analysis.Psth;
import org.motorlearn.runtime.io.Csv;
import org.motorlearn.runtime.report.RunData.Phase;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The figures of one run, each built only when the run folder has its data. Figures that compare
 * hypotheses across seeds ({@link Comparisons}) are shared with sweeps.
 */
final class RunFigures {

  /** Trials drawn per target in a trajectory panel (more only clutters the panel). */
  static final int TRIALS_PER_TARGET = 12;
  /** Example units per module in the PSTH figure. */
  static final int EXAMPLE_UNITS = 3;
  /** Heat maps show at most this many cells per side (larger matrices as means over square blocks). */
  static final int MAX_CELLS = 48;

  private final RunData run;
  private final List<Phase> phases;

  RunFigures(RunData run) {
    this.run = run;
    this.phases = run.phases();
  }

  /** Every figure the run has data for, in reading order. */
  List<Figure> all() {
    List<Figure> figures = new ArrayList<>();
    learningCurves().ifPresent(figures::add);
    trajectories().ifPresent(figures::add);
    psths().ifPresent(figures::add);
    pca().ifPresent(figures::add);
    Comparisons.activityAndCovariance("changes", List.of(run)).ifPresent(figures::add);
    Comparisons.weights("weights", List.of(run)).ifPresent(figures::add);
    figures.addAll(weightMaps());
    noise().ifPresent(figures::add);
    return figures;
  }

  int colourIndex(String phase) {
    return IntStream.range(0, phases.size()).filter(i -> phases.get(i).name().equals(phase)).findFirst().orElse(0);
  }

  Color colour(String phase) {
    if (run.baseline().map(b -> b.name().equals(phase)).orElse(false)) {
      return Palette.BASELINE;
    }
    return Palette.phase(phase, colourIndex(phase));
  }

  Optional<Figure> learningCurves() {
    List<XYChart> panels = new ArrayList<>();
    List<Phase> initial = phases.stream().filter(p -> p.from() == null && !p.evaluateOnly()).toList();
    List<Phase> adaptation = phases.stream().filter(Phase::adapts).toList();
    curves("Initial training", initial).ifPresent(panels::add);
    curves("Adaptation", adaptation).ifPresent(panels::add);
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure("learning-curves", "Learning curves",
        "Training loss (MSE + weight and rate penalties) of each update, log scale. Thin lines: every update; "
            + "thick lines: running mean.", panels, 2));
  }

  private Optional<XYChart> curves(String title, List<Phase> group) {
    XYChart chart = Charts.xy(title, "update", "loss", 620, 420);
    chart.getStyler().setYAxisLogarithmic(true);
    boolean any = false;
    for (Phase p : group) {
      Csv.Table loss = run.loss(p.name());
      if (loss == null) {
        continue;
      }
      int u = loss.column("update");
      int l = loss.column("loss");
      List<double[]> rows = loss.rows().stream().filter(r -> r[l] > 0 && Double.isFinite(r[l])).toList();
      if (rows.isEmpty()) {
        continue;
      }
      double[] x = rows.stream().mapToDouble(r -> r[u]).toArray();
      double[] y = rows.stream().mapToDouble(r -> r[l]).toArray();
      Color c = colour(p.name());
      int window = Math.max(1, y.length / 25);
      if (window > 1) {
        Plot.line(chart, p.name() + " (each update)", x, y, Palette.withAlpha(c, 70), 1f, Plot.Stroke.SOLID, false);
        Plot.line(chart, p.name(), x, runningMean(y, window), c, 2.5f, Plot.Stroke.SOLID, true);
      } else {
        Plot.line(chart, p.name(), x, y, c, 2.5f, Plot.Stroke.SOLID, true);
      }
      any = true;
    }
    return any ? Optional.of(chart) : Optional.empty();
  }

  /** Centred running mean, shrinking at the ends. */
  static double[] runningMean(double[] y, int window) {
    double[] out = new double[y.length];
    int half = window / 2;
    for (int i = 0; i < y.length; i++) {
      int a = Math.max(0, i - half);
      int b = Math.min(y.length, i + half + 1);
      double sum = 0;
      for (int k = a; k < b; k++) {
        sum += y[k];
      }
      out[i] = sum / (b - a);
    }
    return out;
  }

  /** Baseline, perturbed before adaptation (evaluation-only phases), and after adaptation per phase. */
  Optional<Figure> trajectories() {
    List<String> readouts = run.readouts();
    if (readouts.isEmpty()) {
      return Optional.empty();
    }
    String output = "output_" + RunData.fileName(readouts.get(0)) + ".npy";
    List<Phase> shown = new ArrayList<>();
    run.baseline().ifPresent(shown::add);
    phases.stream().filter(p -> p.evaluateOnly() && p.perturbation() != null).forEach(shown::add);
    phases.stream().filter(Phase::adapts).forEach(shown::add);
    List<INDArray[]> data = new ArrayList<>();
    List<Phase> kept = new ArrayList<>();
    double limit = 0;
    for (Phase p : shown) {
      INDArray out = run.test(p.name(), output);
      INDArray targets = run.test(p.name(), "targets.npy");
      INDArray ids = run.test(p.name(), "target_ids.npy");
      if (out == null || targets == null || ids == null || out.rank() != 3 || out.size(2) < 2 || targets.size(2) < 2) {
        continue;
      }
      data.add(new INDArray[] {out, targets, ids});
      kept.add(p);
      limit = Math.max(limit, Math.max(Math.abs(out.maxNumber().doubleValue()), Math.abs(out.minNumber().doubleValue())));
      limit = Math.max(limit, Math.max(Math.abs(targets.maxNumber().doubleValue()), Math.abs(targets.minNumber().doubleValue())));
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    double axis = Math.ceil(Math.min(limit, 1e3) * 1.08);
    List<XYChart> panels = new ArrayList<>();
    for (int k = 0; k < kept.size(); k++) {
      Phase p = kept.get(k);
      panels.add(trajectoryPanel(trajectoryTitle(p), data.get(k), axis, p.name()));
    }
    return Optional.of(new Figure("trajectories", "Hand trajectories",
        "Hand position (" + readouts.get(0) + ") of test trials, one colour per target, up to " + TRIALS_PER_TARGET
            + " trials per target; dashed: the mean instructed path of each target (under the phase's perturbation).",
        panels, Math.min(4, panels.size())));
  }

  private String trajectoryTitle(Phase p) {
    if (run.baseline().map(b -> b.name().equals(p.name())).orElse(false)) {
      return "Baseline (" + p.name() + ")";
    }
    String perturbation = p.perturbation() == null ? "" : ", " + p.perturbation();
    if (p.evaluateOnly()) {
      return "Before adaptation (" + p.name() + perturbation + ")";
    }
    return "After adaptation: " + p.name() + perturbation;
  }

  /** Points drawn per trajectory at most (the rest of a trial is subsampled evenly). */
  static final int POINTS_PER_TRAJECTORY = 80;
  /** Bins drawn before the earliest go cue (the hand holds still at the centre before go). */
  static final int BINS_BEFORE_GO = 20;

  private XYChart trajectoryPanel(String title, INDArray[] data, double axis, String phase) {
    int trials = (int) data[0].size(0);
    int bins = (int) data[0].size(1);
    int outDim = (int) data[0].size(2);
    int targetDim = (int) data[1].size(2);
    double[] out = data[0].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup().data().asDouble();
    double[] targets = data[1].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup().data().asDouble();
    int[] ids = data[2].toIntVector();
    int[] go = run.testInts(phase, "go_bins.npy");
    int first = go == null ? 0 : Math.max(0, IntStream.of(go).min().orElse(0) - BINS_BEFORE_GO);
    int step = Math.max(1, (int) Math.ceil((bins - first) / (double) POINTS_PER_TRAJECTORY));
    int[] shown = IntStream.iterate(first, b -> b < bins, b -> b + step).toArray();
    if (shown[shown.length - 1] != bins - 1) {
      shown = IntStream.concat(IntStream.of(shown), IntStream.of(bins - 1)).toArray();
    }
    int count = IntStream.of(ids).max().orElse(0) + 1;
    XYChart chart = Charts.xy(title, "x (cm)", "y (cm)", 440, 440);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(-axis).setXAxisMax(axis).setYAxisMin(-axis).setYAxisMax(axis);
    int[] drawn = new int[count];
    double[][] meanX = new double[count][shown.length];
    double[][] meanY = new double[count][shown.length];
    int[] perTarget = new int[count];
    for (int trial = 0; trial < trials; trial++) {
      int c = ids[trial];
      double[] x = new double[shown.length];
      double[] y = new double[shown.length];
      for (int k = 0; k < shown.length; k++) {
        int b = shown[k];
        x[k] = out[(trial * bins + b) * outDim];
        y[k] = out[(trial * bins + b) * outDim + 1];
        meanX[c][k] += targets[(trial * bins + b) * targetDim];
        meanY[c][k] += targets[(trial * bins + b) * targetDim + 1];
      }
      perTarget[c]++;
      if (drawn[c]++ < TRIALS_PER_TARGET) {
        Plot.line(chart, "trial " + trial, x, y, Palette.withAlpha(Palette.target(c, count), 150), 1.3f,
            Plot.Stroke.SOLID, false);
      }
    }
    for (int c = 0; c < count; c++) {
      if (perTarget[c] == 0) {
        continue;
      }
      for (int k = 0; k < shown.length; k++) {
        meanX[c][k] /= perTarget[c];
        meanY[c][k] /= perTarget[c];
      }
      Plot.line(chart, "target " + c, meanX[c], meanY[c], Palette.target(c, count).darker(), 2.4f, Plot.Stroke.DASHED,
          false);
    }
    return chart;
  }

  /** The window of the PSTHs: the analysis window, else the widest one every trial contains. */
  private int[] window(int[] goBins, int bins) {
    int earliest = -IntStream.of(goBins).min().orElse(0);
    int latest = bins - IntStream.of(goBins).max().orElse(0);
    int start = earliest;
    int end = latest;
    if (!run.comparisons().isEmpty()) {
      JsonObject w = Json.object(run.comparisons().get(0).tree(), "window");
      Double a = Json.number(w, "start");
      Double b = Json.number(w, "end");
      if (a != null && b != null) {
        start = Math.max(earliest, a.intValue());
        end = Math.min(latest, b.intValue());
      }
    }
    return start < end ? new int[] {start, end} : null;
  }

  private List<String> analysedModules() {
    if (!run.comparisons().isEmpty()) {
      List<String> modules = Json.array(run.comparisons().get(0).tree(), "modules").stream()
          .map(e -> e.getAsString()).toList();
      if (!modules.isEmpty()) {
        return modules;
      }
    }
    return run.modules();
  }

  /** PSTH of a phase's module on its test trials, or null when the arrays are missing. */
  private INDArray psth(String phase, String module, int[] window, int targets) {
    INDArray rates = run.test(phase, "rates_" + RunData.fileName(module) + ".npy");
    int[] ids = run.testInts(phase, "target_ids.npy");
    int[] go = run.testInts(phase, "go_bins.npy");
    if (rates == null || ids == null || go == null) {
      return null;
    }
    return Psth.compute(rates, ids, go, window[0], window[1], targets);
  }

  private int targets(String phase) {
    int[] ids = run.testInts(phase, "target_ids.npy");
    return ids == null ? 0 : IntStream.of(ids).max().orElse(-1) + 1;
  }

  Optional<Figure> psths() {
    Optional<Phase> baseline = run.baseline();
    if (baseline.isEmpty()) {
      return Optional.empty();
    }
    String phase = baseline.get().name();
    int[] go = run.testInts(phase, "go_bins.npy");
    INDArray anyRates = run.modules().isEmpty() ? null : run.test(phase, "rates_" + RunData.fileName(run.modules().get(0)) + ".npy");
    if (go == null || anyRates == null) {
      return Optional.empty();
    }
    int[] window = window(go, (int) anyRates.size(1));
    int targets = targets(phase);
    if (window == null || targets == 0) {
      return Optional.empty();
    }
    double dt = run.dt();
    List<XYChart> panels = new ArrayList<>();
    for (String module : analysedModules()) {
      INDArray psth = psth(phase, module, window, targets);
      if (psth == null) {
        continue;
      }
      for (int unit : exampleUnits(psth)) {
        XYChart chart = Charts.xy(module + " unit " + unit, "time from go (s)", "rate (a.u.)", 420, 330);
        chart.getStyler().setLegendVisible(false);
        double[] time = IntStream.range(0, (int) psth.size(1)).mapToDouble(t -> (window[0] + t) * dt).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < targets; c++) {
          double[] y = psth.get(NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.point(unit)).toDoubleVector();
          for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
          Plot.line(chart, "target " + c, time, y, Palette.target(c, targets), 2f, Plot.Stroke.SOLID, false);
        }
        if (time[0] <= 0 && time[time.length - 1] >= 0) {
          Plot.line(chart, "go", new double[] {0, 0}, new double[] {lo, hi}, Palette.GREY, 1.5f, Plot.Stroke.DOTTED, false);
        }
        panels.add(chart);
      }
    }
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure("psth", "PSTHs of example units",
        "Trial-averaged rates of the " + EXAMPLE_UNITS + " most strongly modulated units per module (largest variance "
            + "of the PSTH over targets and time) in the baseline phase " + phase + ", one colour per target, aligned to "
            + "the go cue (dotted).", panels, EXAMPLE_UNITS));
  }

  /** The units whose PSTH varies most over targets and time (ties: lower index). */
  static int[] exampleUnits(INDArray psth) {
    int units = (int) psth.size(2);
    int samples = (int) (psth.size(0) * psth.size(1));
    double[] data = psth.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup().data().asDouble();
    double[] mean = new double[units];
    double[] variance = new double[units];
    for (int k = 0; k < samples; k++) {
      for (int i = 0; i < units; i++) {
        mean[i] += data[k * units + i] / samples;
      }
    }
    for (int k = 0; k < samples; k++) {
      for (int i = 0; i < units; i++) {
        double d = data[k * units + i] - mean[i];
        variance[i] += d * d;
      }
    }
    return IntStream.range(0, units).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -variance[i]).thenComparingInt(i -> i))
        .limit(EXAMPLE_UNITS).mapToInt(Integer::intValue).toArray();
  }

  /** Baseline and adapted PSTHs projected on the baseline's first two principal components. */
  Optional<Figure> pca() {
    Optional<Phase> baseline = run.baseline();
    if (baseline.isEmpty()) {
      return Optional.empty();
    }
    String base = baseline.get().name();
    int[] go = run.testInts(base, "go_bins.npy");
    INDArray anyRates = run.modules().isEmpty() ? null : run.test(base, "rates_" + RunData.fileName(run.modules().get(0)) + ".npy");
    int targets = targets(base);
    if (go == null || anyRates == null || targets == 0) {
      return Optional.empty();
    }
    int[] window = window(go, (int) anyRates.size(1));
    if (window == null) {
      return Optional.empty();
    }
    List<String> shown = new ArrayList<>();
    shown.add(base);
    phases.stream().filter(Phase::adapts).map(Phase::name).forEach(shown::add);
    List<XYChart> panels = new ArrayList<>();
    for (String module : analysedModules()) {
      INDArray reference = psth(base, module, window, targets);
      if (reference == null || reference.size(2) < 2) {
        continue;
      }
      Pca.Result pca = Pca.of(reference, 2);
      double[] mean = unitMeans(reference);
      List<XYChart> row = new ArrayList<>();
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (String phase : shown) {
        INDArray psth = phase.equals(base) ? reference : psth(phase, module, window, targets);
        if (psth == null) {
          continue;
        }
        String title = module + ": " + (phase.equals(base) ? "baseline (" + phase + ")" : phase);
        XYChart chart = Charts.xy(title, String.format("PC1 (%.0f%% var.)", 100 * pca.explained()[0]),
            String.format("PC2 (%.0f%% var.)", 100 * pca.explained()[1]), 420, 400);
        chart.getStyler().setLegendVisible(false);
        for (int c = 0; c < targets; c++) {
          double[][] xy = project(psth, c, mean, pca.components());
          for (double[] axis : xy) {
            for (double v : axis) {
              lo = Math.min(lo, v);
              hi = Math.max(hi, v);
            }
          }
          Color colour = Palette.target(c, targets);
          Plot.line(chart, "target " + c, xy[0], xy[1], colour, 2f, Plot.Stroke.SOLID, false);
          int goIndex = -window[0];
          if (goIndex >= 0 && goIndex < xy[0].length) {
            Plot.points(chart, "go " + c, new double[] {xy[0][goIndex]}, new double[] {xy[1][goIndex]}, colour,
                SeriesMarkers.CIRCLE, false);
          }
        }
        row.add(chart);
      }
      double pad = 0.05 * (hi - lo);
      for (XYChart chart : row) {
        chart.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad).setYAxisMin(lo - pad).setYAxisMax(hi + pad);
      }
      panels.addAll(row);
    }
    if (panels.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure("pca", "Population trajectories (PCA)",
        "PSTHs (window " + window[0] + ".." + window[1] + " bins around go) projected on the first two principal "
            + "components of the baseline PSTHs of each module, one colour per target; dots mark the go cue. Every "
            + "phase uses the baseline's components and mean, so the panels of a row share axes.",
        panels, shown.size()));
  }

  private static double[] unitMeans(INDArray psth) {
    int c = (int) psth.size(0);
    int t = (int) psth.size(1);
    int n = (int) psth.size(2);
    double[] data = psth.dup().data().asDouble();
    double[] mean = new double[n];
    for (int k = 0; k < c * t; k++) {
      for (int i = 0; i < n; i++) {
        mean[i] += data[k * n + i] / (c * t);
      }
    }
    return mean;
  }

  private static double[][] project(INDArray psth, int target, double[] mean, double[][] components) {
    int t = (int) psth.size(1);
    int n = (int) psth.size(2);
    double[] data = psth.get(NDArrayIndex.point(target), NDArrayIndex.all(), NDArrayIndex.all()).dup().data().asDouble();
    double[][] xy = new double[2][t];
    for (int b = 0; b < t; b++) {
      for (int i = 0; i < n; i++) {
        double centred = data[b * n + i] - mean[i];
        xy[0][b] += centred * components[0][i];
        xy[1][b] += centred * components[1][i];
      }
    }
    return xy;
  }

  /** Per adapted phase: for each matrix it changed, W before adaptation beside dW. */
  List<Figure> weightMaps() {
    List<Figure> figures = new ArrayList<>();
    for (Phase p : phases.stream().filter(Phase::adapts).toList()) {
      if (run.phase(p.from()).isEmpty()) {
        continue;
      }
      Map<String, INDArray> before = run.weights(p.from());
      Map<String, INDArray> after = run.weights(p.name());
      List<HeatMapChart> panels = new ArrayList<>();
      for (Map.Entry<String, INDArray> e : after.entrySet()) {
        INDArray w0 = before.get(e.getKey());
        if (w0 == null || w0.rank() != 2 || !java.util.Arrays.equals(w0.shape(), e.getValue().shape())) {
          continue;
        }
        double[][] w = matrix(w0);
        double[][] dw = matrix(e.getValue().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
            .sub(w0.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)));
        if (maxAbs(dw) == 0) {
          continue;
        }
        panels.add(heatMap(e.getKey() + ": W (" + p.from() + ")", w));
        panels.add(heatMap(e.getKey() + ": \u0394W (" + p.name() + ")", dw));
      }
      if (!panels.isEmpty()) {
        figures.add(new Figure("weight-maps-" + RunData.fileName(p.name()), "Weight changes of " + p.name(),
            "Left: each matrix the phase " + p.name() + " changed, as it was before (end of " + p.from() + "); right: "
                + "its change \u0394W. Rows: postsynaptic units, columns: presynaptic units; colour scales are "
                + "symmetric about zero and differ between panels. Matrices larger than " + MAX_CELLS + " units per "
                + "side are shown as means over square blocks.", panels, 2));
      }
    }
    return figures;
  }

  private static double[][] matrix(INDArray a) {
    return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
  }

  private static double maxAbs(double[][] m) {
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  private static HeatMapChart heatMap(String title, double[][] m) {
    int rows = m.length;
    int cols = m[0].length;
    int block = Math.max(1, (int) Math.ceil(Math.max(rows, cols) / (double) MAX_CELLS));
    int nr = (rows + block - 1) / block;
    int nc = (cols + block - 1) / block;
    double[][] cells = new double[nr][nc];
    int[][] counts = new int[nr][nc];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        cells[i / block][j / block] += m[i][j];
        counts[i / block][j / block]++;
      }
    }
    String unit = block == 1 ? "" : " (blocks of " + block + ")";
    HeatMapChart chart = Charts.heatMap(title, "presynaptic unit" + unit, "postsynaptic unit" + unit, 540, 440);
    List<Integer> x = IntStream.range(0, nc).boxed().toList();
    // row 0 at the top, as a matrix is printed
    List<Integer> y = IntStream.range(0, nr).map(i -> nr - 1 - i).boxed().toList();
    List<Number[]> heat = new ArrayList<>();
    double max = 0;
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nc; j++) {
        double v = cells[i][j] / counts[i][j];
        max = Math.max(max, Math.abs(v));
        heat.add(new Number[] {j, nr - 1 - i, v});
      }
    }
    // XChart's legend prints the bounds in full: round them up to two significant digits
    double bound = max == 0 ? 1 : roundUp(max);
    chart.getStyler().setMin(-bound).setMax(bound);
    chart.addSeries("value", x, y.stream().sorted().toList(), heat);
    return chart;
  }

  /** The smallest number with two significant digits that is at least {@code v} (v > 0). */
  static double roundUp(double v) {
    double scale = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    return new java.math.BigDecimal(Math.ceil(v / scale - 1e-9)).multiply(java.math.BigDecimal.valueOf(scale))
        .round(new java.math.MathContext(2)).doubleValue();
  }

  /** Robustness of adapted weights to synaptic noise (analysis "noise" blocks). */
  Optional<Figure> noise() {
    List<RunData.Comparison> withNoise = run.comparisons().stream().filter(c -> Json.object(c.tree(), "noise") != null)
        .toList();
    if (withNoise.isEmpty()) {
      return Optional.empty();
    }
    return Comparisons.noise("noise", run, withNoise, this::colour);
  }
}

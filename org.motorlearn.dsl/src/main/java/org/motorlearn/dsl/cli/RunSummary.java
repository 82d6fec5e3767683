package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.motorlearn.runtime.run.RunFolder;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;

/**
 * The tables {@code motorlearn run} prints when a run ends, read from the run's headline metrics
 * (summary.json, flattened keys as in docs/run-format.md):
 * <ul>
 *   <li>per phase: updates, final loss, test RMSE (cm) and angular endpoint error (deg) of the first readout;
 *   <li>per analysis comparison and module: change in activity (%) and change in covariance;
 *   <li>per comparison and plastic matrix: weight change (%) and participation ratio of dW.
 * </ul>
 * A value the run did not compute (an evaluation-only phase has no loss; an analysis without the
 * metric) shows as {@code -}.
 */
final class RunSummary {

  private final Experiment experiment;
  private final Map<String, Object> metrics;

  RunSummary(Experiment experiment, Map<String, Object> metrics) {
    this.experiment = experiment;
    this.metrics = metrics;
  }

  void print(PrintStream out) {
    phases().print(out);
    TextTable activity = activity();
    if (!activity.isEmpty()) {
      out.println();
      activity.print(out);
    }
    TextTable weights = weights();
    if (!weights.isEmpty()) {
      out.println();
      weights.print(out);
    }
  }

  TextTable phases() {
    String readout = firstReadout();
    TextTable table = new TextTable(List.of("phase", "updates", "final loss", "test RMSE (cm)", "angular error (deg)"), 1);
    for (PhaseSpec phase : experiment.phases()) {
      String prefix = "phases/" + phase.name() + "/";
      String test = prefix + "test/" + readout + "/";
      table.row(phase.name(), Integer.toString(phase.evaluateOnly() ? 0 : phase.updates()),
          number(prefix + "finalLoss", "%.4g"), number(test + "rmse", "%.3f"), number(test + "angularErrorDegrees", "%.1f"));
    }
    return table;
  }

  TextTable activity() {
    TextTable table = new TextTable(List.of("comparison", "module", "activity change (%)", "covariance change"), 2);
    comparisons().forEach((label, file) -> {
      for (String module : keysUnder("analyses/" + file + "/activityChangePercent/", "analyses/" + file + "/covarianceChange/")) {
        table.row(label, module, number("analyses/" + file + "/activityChangePercent/" + module, "%.2f"),
            number("analyses/" + file + "/covarianceChange/" + module, "%.4f"));
      }
    });
    return table;
  }

  TextTable weights() {
    TextTable table = new TextTable(List.of("comparison", "matrix", "weight change (%)", "PR of dW"), 2);
    comparisons().forEach((label, file) -> {
      for (String matrix : keysUnder("analyses/" + file + "/weightChangePercent/", "analyses/" + file + "/participationRatio/")) {
        table.row(label, matrix, number("analyses/" + file + "/weightChangePercent/" + matrix, "%.3f"),
            number("analyses/" + file + "/participationRatio/" + matrix, "%.2f"));
      }
    });
    return table;
  }

  /** {@code initial vs Hlocal} -> analysis file name, in the order of the spec (the runtime's naming). */
  private Map<String, String> comparisons() {
    Map<String, String> comparisons = new LinkedHashMap<>();
    for (AnalysisSpec analysis : experiment.analyses()) {
      for (String compared : analysis.compared()) {
        String file = RunFolder.fileName(analysis.baseline()) + "-vs-" + RunFolder.fileName(compared);
        // a comparison analysed twice (two analysis blocks) is written as <file>-2, -3, ...
        String unique = file;
        for (int i = 2; comparisons.containsValue(unique); i++) {
          unique = file + "-" + i;
        }
        comparisons.put(analysis.baseline() + " vs " + compared + (unique.equals(file) ? "" : " (" + unique + ")"), unique);
      }
    }
    return comparisons;
  }

  /** The last key segments under either prefix, in the order the run wrote them. */
  private List<String> keysUnder(String... prefixes) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    for (String key : metrics.keySet()) {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix) && key.indexOf('/', prefix.length()) < 0) {
          names.add(key.substring(prefix.length()));
        }
      }
    }
    return List.copyOf(names);
  }

  private String firstReadout() {
    return experiment.network().readouts().isEmpty() ? "" : experiment.network().readouts().get(0).name();
  }

  private String number(String key, String format) {
    Object value = metrics.get(key);
    if (!(value instanceof Number number)) {
      return "-";
    }
    double x = number.doubleValue();
    return Double.isFinite(x) ? String.format(Locale.ROOT, format, x) : Double.toString(x);
  }
}

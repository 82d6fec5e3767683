package org.motorlearn.runtime.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a phase's training diverged: its loss at the end far above its loss at the start (a
 * learning rate far too high does this without ever overflowing, so the run completes with a
 * useless network). Compared are the means of the first and the last tenth of the updates (at least
 * one each), so that the noise of small batches does not raise a false alarm.
 */
final class Divergence {

  /** How much larger the loss at the end must be than at the start. */
  static final double FACTOR = 10;

  private Divergence() {
  }

  /** A warning naming the phase and both losses, or empty when the loss did not grow that much. */
  static Optional<String> of(String phase, List<LossRow> rows) {
    if (rows.size() < 2) {
      return Optional.empty();
    }
    int window = Math.max(1, rows.size() / 10);
    double start = meanLoss(rows.subList(0, window));
    double end = meanLoss(rows.subList(rows.size() - window, rows.size()));
    if (!(start > 0 && end > FACTOR * start)) {
      return Optional.empty();
    }
    String updates = window == 1
        ? "from " + number(start) + " at update " + rows.get(0).update() + " to " + number(end) + " at update "
            + rows.get(rows.size() - 1).update()
        : "from " + number(start) + " over its first " + window + " updates to " + number(end) + " over its last " + window;
    return Optional.of("phase " + phase + ": the loss grew " + updates + ", so training diverged; lower the learning rate"
        + " (lr) or clip the gradient norm (clip)");
  }

  /** Four significant digits without trailing zeros: 10.91, 1.842e+08, 20. */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.4g", value);
    int e = text.indexOf('e');
    String mantissa = e < 0 ? text : text.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + text.substring(e);
  }

  private static double meanLoss(List<LossRow> rows) {
    return rows.stream().mapToDouble(LossRow::loss).average().orElse(Double.NaN);
  }
}

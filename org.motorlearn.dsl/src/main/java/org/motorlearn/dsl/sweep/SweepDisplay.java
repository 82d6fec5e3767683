package org.motorlearn.dsl.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The combined progress of a local sweep on stderr: a line per point that starts or ends, and one
 * summary line ({@code sweep 3/8 done, 2 running: point-1 initial 20/50, point-4 Hlocal 3/4}),
 * redrawn in place on a terminal, printed at most every {@code interval} elsewhere (logs, CI).
 */
final class SweepDisplay {

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long intervalNanos;
  private final int total;
  private final Map<Integer, String> running = new TreeMap<>();
  private int done;
  private int failed;
  private long lastLine = Long.MIN_VALUE;
  private int drawnWidth;
  private String lastSummary = "";

  SweepDisplay(PrintStream err, boolean terminal, LongSupplier nanoClock, double intervalSeconds, int total) {
    this.err = err;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.total = total;
  }

  synchronized void started(int index, String description) {
    running.put(index, "starting");
    print(description + ": started");
  }

  synchronized void progress(int index, PointProgress.State state) {
    if (running.containsKey(index)) {
      running.put(index, state.describe());
    }
  }

  synchronized void finished(int index, String description, SweepManifest.Status status, String error, double seconds) {
    running.remove(index);
    if (status == SweepManifest.Status.COMPLETED) {
      done++;
    } else {
      failed++;
    }
    print(description + ": " + status.label() + " in " + duration(seconds) + (error == null ? "" : ": " + error));
  }

  synchronized void message(String text) {
    print(text);
  }

  /** Called regularly: redraws (terminal) or prints (elsewhere, when the interval passed and something changed). */
  synchronized void tick() {
    String line = summary();
    if (terminal) {
      String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
      err.print("\r" + line + padding);
      err.flush();
      drawnWidth = line.length();
      return;
    }
    long now = nanoClock.getAsLong();
    if (!line.equals(lastSummary) && (lastLine == Long.MIN_VALUE || now - lastLine >= intervalNanos)) {
      err.println(line);
      lastLine = now;
      lastSummary = line;
    }
  }

  synchronized void close() {
    if (terminal && drawnWidth > 0) {
      err.println();
      drawnWidth = 0;
    }
  }

  String summary() {
    String points = running.entrySet().stream().map(e -> "point-" + e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return "sweep " + done + "/" + total + " done" + (failed > 0 ? ", " + failed + " failed" : "")
        + (running.isEmpty() ? "" : ", " + running.size() + " running: " + points);
  }

  private void print(String text) {
    if (terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
    err.println(text);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + "s" : s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}

package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.motorlearn.runtime.run.ProgressListener;

/**
 * Live progress of a run on stderr: phase, update i/n, loss, time elapsed and time left.
 *
 * <p>On a terminal one line is redrawn in place with a carriage return. Anywhere else (a log file, CI,
 * an editor's console) carriage returns would pile up into one huge line, so plain lines are printed
 * instead: the first and last update of each phase and at most one line per interval in between.
 */
final class ProgressBar implements ProgressListener {

  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long plainIntervalNanos;

  private BooleanSupplier cancel = () -> false;
  private String phase;
  private long lastPlainLine;
  private int drawnWidth;
  private double phaseSeconds;

  /**
   * @param nanoClock the clock for plain-line intervals ({@code System::nanoTime}; tests pass their own)
   * @param plainIntervalSeconds at most one plain line per this many seconds
   */
  ProgressBar(PrintStream err, boolean terminal, LongSupplier nanoClock, double plainIntervalSeconds) {
    this.err = err;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.plainIntervalNanos = (long) (plainIntervalSeconds * 1e9);
  }

  static ProgressBar on(Console console) {
    return new ProgressBar(console.err(), console.terminal(), System::nanoTime, 10);
  }

  /** The run stops (marked cancelled, with a checkpoint) once {@code condition} holds. */
  ProgressBar cancellingWhen(BooleanSupplier condition) {
    this.cancel = condition;
    return this;
  }

  @Override
  public boolean cancelRequested() {
    return cancel.getAsBoolean();
  }

  @Override
  public void phaseStarted(String name, int updates) {
    clearBar();
    phase = name;
    phaseSeconds = 0;
    err.println(updates == 0 ? "phase " + name + ": evaluating"
        : "phase " + name + ": " + TextDiagnostics.plural(updates, "update"));
  }

  @Override
  public void updateFinished(String name, int update, int updates, double loss, double secondsElapsed) {
    int done = update + 1;
    phaseSeconds = secondsElapsed;
    String line = line(name, done, updates, loss, secondsElapsed);
    if (terminal) {
      String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
      err.print("\r" + line + padding);
      err.flush();
      drawnWidth = line.length();
      return;
    }
    long now = nanoClock.getAsLong();
    if (done == 1 || done == updates || now - lastPlainLine >= plainIntervalNanos) {
      err.println(line);
      lastPlainLine = now;
    }
  }

  @Override
  public void phaseFinished(String name) {
    clearBar();
    err.println("phase " + name + ": done" + (phaseSeconds > 0 ? " in " + duration(phaseSeconds) : ""));
  }

  @Override
  public void message(String text) {
    clearBar();
    err.println(text);
  }

  /** Ends a bar that is being redrawn, so the next text starts on a line of its own. */
  void clearBar() {
    if (terminal && drawnWidth > 0) {
      err.println();
      drawnWidth = 0;
    }
  }

  /** {@code initial [######------------------]  125/500  loss 0.01234  elapsed 1m02s  left 3m06s} */
  static String line(String phase, int done, int updates, double loss, double seconds) {
    int filled = updates == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / updates);
    String counter = String.format(Locale.ROOT, "%" + Integer.toString(updates).length() + "d/%d", done, updates);
    double left = done == 0 ? 0 : seconds / done * (updates - done);
    return phase + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]  " + counter
        + "  loss " + String.format(Locale.ROOT, "%.5g", loss) + "  elapsed " + duration(seconds)
        + "  left " + duration(left);
  }

  /** 42s, 3m05s, 2h07m. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}

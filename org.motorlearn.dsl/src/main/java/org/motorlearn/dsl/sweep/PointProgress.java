package org.motorlearn.dsl.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.motorlearn.runtime.run.ProgressListener;

/**
 * The line protocol between a point's process and whoever reads its output (the local executor's
 * display, {@code sweep --status} reading a SLURM log): {@code @progress PHASE DONE TOTAL LOSS}
 * after every update; every other line is a plain message.
 */
final class PointProgress implements ProgressListener {

  static final String PREFIX = "@progress ";

  /** Where a point stands within its run. */
  record State(String phase, int done, int total, double loss) {
    String describe() {
      return total == 0 ? phase + " evaluating" : String.format(Locale.ROOT, "%s %d/%d", phase, done, total);
    }
  }

  private final PrintStream out;
  private volatile String phase;
  private volatile boolean cancel;

  PointProgress(PrintStream out) {
    this.out = out;
  }

  /** Parses one line of a point's output; empty for a plain message. */
  static Optional<State> parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = line.substring(PREFIX.length()).trim().split(" ");
    try {
      return Optional.of(new State(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          Double.parseDouble(parts[3])));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  @Override
  public void phaseStarted(String name, int updates) {
    phase = name;
    out.println(PREFIX + word(name) + " 0 " + updates + " NaN");
  }

  @Override
  public void updateFinished(String name, int update, int updates, double loss, double secondsElapsed) {
    out.println(PREFIX + word(name) + " " + (update + 1) + " " + updates + " " + loss);
  }

  @Override
  public void phaseFinished(String name) {
    out.println("phase " + name + ": done");
  }

  @Override
  public void message(String text) {
    out.println(text);
  }

  @Override
  public boolean cancelRequested() {
    return cancel;
  }

  /** Asks the run to stop at the next update (it writes a checkpoint first). */
  void requestCancel() {
    cancel = true;
  }

  /** The phase running last, or null before the first. */
  String phase() {
    return phase;
  }

  /** Phase names cannot contain spaces in the language, but the protocol must not depend on it. */
  private static String word(String phase) {
    return phase.replace(' ', '_');
  }
}

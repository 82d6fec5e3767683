package org.motorlearn.dsl.ui.launch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads progress from the plain (non-terminal) output of {@code motorlearn run} (docs/cli.md,
 * "Progress display"): {@code phase P: N updates}, {@code phase P: evaluating},
 * {@code P [####----]  125/500  loss ...} at most every 10 seconds, and {@code phase P: done in T}.
 */
final class RunProgress {
  private static final Pattern STARTED = Pattern.compile("^phase (\\S+): (\\d+) updates\\b");
  private static final Pattern EVALUATING = Pattern.compile("^phase (\\S+): evaluating\\b");
  private static final Pattern DONE = Pattern.compile("^phase (\\S+): done\\b");
  private static final Pattern UPDATE = Pattern.compile("^(\\S+) \\[[#-]*\\]\\s+(\\d+)/(\\d+)\\b");

  private String phase = "";
  private int update;
  private int updates;
  private boolean evaluating;

  /** Feeds one line of output; returns true if it changed the progress. */
  synchronized boolean accept(String line) {
    String text = line.strip();
    Matcher m;
    if ((m = UPDATE.matcher(text)).find()) {
      set(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), false);
    } else if ((m = STARTED.matcher(text)).find()) {
      set(m.group(1), 0, Integer.parseInt(m.group(2)), false);
    } else if ((m = EVALUATING.matcher(text)).find()) {
      set(m.group(1), 0, 0, true);
    } else if ((m = DONE.matcher(text)).find()) {
      set(m.group(1), Math.max(updates, 1), Math.max(updates, 1), false);
    } else {
      return false;
    }
    return true;
  }

  private void set(String newPhase, int newUpdate, int newUpdates, boolean newEvaluating) {
    phase = newPhase;
    update = newUpdate;
    updates = newUpdates;
    evaluating = newEvaluating;
  }

  synchronized String phase() {
    return phase;
  }

  /** Fraction of the current phase done, in [0, 1]; 0 when unknown. */
  synchronized double fraction() {
    return updates <= 0 ? 0 : Math.min(1.0, (double) update / updates);
  }

  synchronized String describe() {
    if (phase.isEmpty()) {
      return "starting";
    }
    if (evaluating) {
      return "phase " + phase + ": evaluating";
    }
    return updates > 0 ? "phase " + phase + ": update " + update + " of " + updates : "phase " + phase;
  }
}

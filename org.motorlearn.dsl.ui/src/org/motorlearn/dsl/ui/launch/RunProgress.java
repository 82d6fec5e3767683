package org.motorlearn.dsl.ui.launch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads progress from the output of {@code motorlearn run}: lines that mention a phase and an
 * update count "k/N" (e.g. {@code phase initial update 120/500 loss 2.31}). Other lines pass by.
 */
final class RunProgress {
  private static final Pattern PHASE = Pattern.compile("\\bphase\\s+([^\\s:,]+)");
  private static final Pattern UPDATE = Pattern.compile("\\b(\\d+)\\s*/\\s*(\\d+)\\b");

  private String phase = "";
  private int update;
  private int updates;

  /** Feeds one line of output; returns true if it changed the progress. */
  synchronized boolean accept(String line) {
    Matcher phaseMatcher = PHASE.matcher(line);
    Matcher updateMatcher = UPDATE.matcher(line);
    if (!phaseMatcher.find()) {
      return false;
    }
    String newPhase = phaseMatcher.group(1);
    if (updateMatcher.find(phaseMatcher.end())) {
      phase = newPhase;
      update = Integer.parseInt(updateMatcher.group(1));
      updates = Integer.parseInt(updateMatcher.group(2));
      return true;
    }
    if (!newPhase.equals(phase)) {
      phase = newPhase;
      update = 0;
      updates = 0;
      return true;
    }
    return false;
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
    return updates > 0 ? "phase " + phase + ": update " + update + " of " + updates : "phase " + phase;
  }
}

package org.motorlearn.runtime.run;

/** Receives progress of a run; the CLI draws a progress bar, Eclipse a progress monitor. */
public interface ProgressListener {

  /** A phase begins; {@code updates} is 0 for an evaluation-only phase. */
  default void phaseStarted(String phase, int updates) {}

  /** One optimiser update finished. */
  default void updateFinished(String phase, int update, int updates, double loss, double secondsElapsed) {}

  /** A phase finished with its test metrics written. */
  default void phaseFinished(String phase) {}

  /** A free-form status line (analysis started, checkpoint written, ...). */
  default void message(String text) {}

  /** Polled between updates; returning true stops the run, which is then marked cancelled. */
  default boolean cancelRequested() {
    return false;
  }

  ProgressListener SILENT = new ProgressListener() {};
}

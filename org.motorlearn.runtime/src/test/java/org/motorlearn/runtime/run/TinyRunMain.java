package org.motorlearn.runtime.run;

import java.nio.file.Path;
import org.motorlearn.runtime.MotorLearn;

/**
 * Runs the tiny experiment in a child JVM (reproducibility and kill -9 tests).
 * Arguments: run folder, initial updates, checkpoint interval, milliseconds to pause after each update.
 */
public final class TinyRunMain {

  private TinyRunMain() {}

  public static void main(String[] args) {
    Path folder = Path.of(args[0]);
    int updates = Integer.parseInt(args[1]);
    int checkpointEvery = Integer.parseInt(args[2]);
    long pause = Long.parseLong(args[3]);
    ProgressListener slow = new ProgressListener() {
      @Override
      public void updateFinished(String phase, int update, int total, double loss, double seconds) {
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    RunResult result = MotorLearn.run(TinyExperiments.experiment(updates, 1e-2, checkpointEvery),
        RunOptions.into(folder).withThreads(1).withProgress(slow));
    System.out.println(result.status().label());
    System.exit(result.completed() ? 0 : 1);
  }
}

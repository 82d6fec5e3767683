package org.motorlearn.runtime.run;

import java.nio.file.Path;

/**
 * How to run (not what): where the run folder goes, how many threads, resuming.
 *
 * @param runFolder the run folder to create (must not exist), or to resume (must exist)
 * @param threads BLAS threads; 0 means all available cores
 * @param resume continue the run in {@code runFolder} from its last checkpoint
 * @param progress receives progress events
 */
public record RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress) {

  public static RunOptions into(Path runFolder) {
    return new RunOptions(runFolder, 0, false, ProgressListener.SILENT);
  }

  public RunOptions withThreads(int count) {
    return new RunOptions(runFolder, count, resume, progress);
  }

  public RunOptions resuming() {
    return new RunOptions(runFolder, threads, true, progress);
  }

  public RunOptions withProgress(ProgressListener listener) {
    return new RunOptions(runFolder, threads, resume, listener);
  }
}

package org.motorlearn.runtime.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run (not what): where the run folder goes, how many threads, resuming.
 *
 * @param runFolder the run folder to create (must not exist or be empty), or to resume (must exist)
 * @param threads BLAS threads; 0 means all available cores
 * @param resume continue the run in {@code runFolder} from its last checkpoint
 * @param progress receives progress events
 * @param commandLine the command that started the run, recorded in the manifest; empty if none
 * @param specFolder folder that relative file names in the experiment (initial weights, recorded
 *     trajectories) are resolved against: the spec file's folder; null means the working directory
 */
public record RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress, List<String> commandLine,
    Path specFolder) {

  public RunOptions {
    if (runFolder == null) {
      throw new IllegalArgumentException("run options: the run folder is missing");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("run options: threads must be >= 0 (0 = all cores), got " + threads);
    }
    progress = progress == null ? ProgressListener.SILENT : progress;
    commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    specFolder = specFolder == null ? Path.of("").toAbsolutePath() : specFolder;
  }

  public RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress) {
    this(runFolder, threads, resume, progress, List.of(), null);
  }

  public static RunOptions into(Path runFolder) {
    return new RunOptions(runFolder, 0, false, ProgressListener.SILENT, List.of(), null);
  }

  public RunOptions withThreads(int count) {
    return new RunOptions(runFolder, count, resume, progress, commandLine, specFolder);
  }

  public RunOptions resuming() {
    return new RunOptions(runFolder, threads, true, progress, commandLine, specFolder);
  }

  public RunOptions withProgress(ProgressListener listener) {
    return new RunOptions(runFolder, threads, resume, listener, commandLine, specFolder);
  }

  /** Records the command (program and arguments) that started this run in its manifest. */
  public RunOptions withCommandLine(List<String> arguments) {
    return new RunOptions(runFolder, threads, resume, progress, arguments, specFolder);
  }

  /** Resolves relative file names of the experiment against {@code folder} (the spec file's folder). */
  public RunOptions withSpecFolder(Path folder) {
    return new RunOptions(runFolder, threads, resume, progress, commandLine, folder);
  }
}

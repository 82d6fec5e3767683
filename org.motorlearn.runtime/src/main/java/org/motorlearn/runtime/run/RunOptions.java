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
 * @param reusedPhases completed phases taken from other run folders instead of being run (see
 *     {@link #withReusedPhase})
 */
public record RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress, List<String> commandLine,
    Path specFolder, List<ReusedPhase> reusedPhases) {

  /** A phase whose outputs are taken from the completed phase of the same name in {@code sourceRunFolder}. */
  public record ReusedPhase(String phase, Path sourceRunFolder) {
    public ReusedPhase {
      if (phase == null || phase.isBlank() || sourceRunFolder == null) {
        throw new IllegalArgumentException("run options: a reused phase needs a phase name and a source run folder");
      }
    }
  }

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
    reusedPhases = reusedPhases == null ? List.of() : List.copyOf(reusedPhases);
    for (int i = 0; i < reusedPhases.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (reusedPhases.get(i).phase().equals(reusedPhases.get(j).phase())) {
          throw new IllegalArgumentException("run options: phase " + reusedPhases.get(i).phase() + " is reused twice");
        }
      }
    }
  }

  public RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress, List<String> commandLine,
      Path specFolder) {
    this(runFolder, threads, resume, progress, commandLine, specFolder, List.of());
  }

  public RunOptions(Path runFolder, int threads, boolean resume, ProgressListener progress) {
    this(runFolder, threads, resume, progress, List.of(), null);
  }

  public static RunOptions into(Path runFolder) {
    return new RunOptions(runFolder, 0, false, ProgressListener.SILENT, List.of(), null, List.of());
  }

  public RunOptions withThreads(int count) {
    return new RunOptions(runFolder, count, resume, progress, commandLine, specFolder, reusedPhases);
  }

  public RunOptions resuming() {
    return new RunOptions(runFolder, threads, true, progress, commandLine, specFolder, reusedPhases);
  }

  public RunOptions withProgress(ProgressListener listener) {
    return new RunOptions(runFolder, threads, resume, listener, commandLine, specFolder, reusedPhases);
  }

  /** Records the command (program and arguments) that started this run in its manifest. */
  public RunOptions withCommandLine(List<String> arguments) {
    return new RunOptions(runFolder, threads, resume, progress, arguments, specFolder, reusedPhases);
  }

  /** Resolves relative file names of the experiment against {@code folder} (the spec file's folder). */
  public RunOptions withSpecFolder(Path folder) {
    return new RunOptions(runFolder, threads, resume, progress, commandLine, folder, reusedPhases);
  }

  /**
   * Takes the completed phase {@code phase} from {@code sourceRunFolder} (another run, e.g. an earlier
   * point of a sweep) instead of running it: its folder is hard-linked (copied where links are not
   * possible) into this run and the manifest records where it came from. Allowed only when it would
   * have produced the same bits here: the source's recorded definition of the phase, of the phases it
   * starts from and of their perturbations, and the network, task, loss, precision and seed must all
   * equal this experiment's; otherwise the run refuses to start with a {@link RunException}.
   */
  public RunOptions withReusedPhase(String phase, Path sourceRunFolder) {
    List<ReusedPhase> more = new java.util.ArrayList<>(reusedPhases);
    more.add(new ReusedPhase(phase, sourceRunFolder));
    return new RunOptions(runFolder, threads, resume, progress, commandLine, specFolder, more);
  }
}

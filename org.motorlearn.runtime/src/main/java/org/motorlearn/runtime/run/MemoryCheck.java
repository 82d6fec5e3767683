package org.motorlearn.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.motorlearn.runtime.engine.Memory;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;

/**
 * Warns before a phase whose estimated training memory exceeds what the JVM may use, and before a run
 * whose outputs will not fit on the disk of its folder (a run that fills the disk fails cleanly, its
 * manifest naming the file it could not write, but only after hours of training).
 */
final class MemoryCheck {

  private MemoryCheck() {}

  static void reportDisk(Experiment experiment, Path folder, ProgressListener progress) {
    long needed = Memory.estimateRunFolderBytes(experiment.network(), experiment.task(), experiment.phases().size(),
        experiment.precision());
    long free;
    try {
      free = Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      return; // nothing to compare against; the writes themselves will say what failed
    }
    diskWarning(needed, free, folder).ifPresent(progress::message);
  }

  static Optional<String> diskWarning(long needed, long free, Path folder) {
    if (needed <= free) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "warning: the run's outputs need about %.1f GB but only %.1f GB are free on the disk of %s; free some space"
            + " or choose another --out folder, or the run will fail when the disk is full", needed / 1e9, free / 1e9,
        folder));
  }

  static void report(Experiment experiment, PhaseSpec phase, ProgressListener progress) {
    long needed = Memory.estimateTrainingBytes(experiment.network(), experiment.task(), phase, experiment.precision());
    long available = Runtime.getRuntime().maxMemory();
    if (needed > available) {
      progress.message(String.format(Locale.ROOT,
          "warning: phase %s needs about %.1f GB for training but the JVM may use only %.1f GB (-Xmx); expect an"
              + " OutOfMemoryError, or lower the batch size or trial length", phase.name(), needed / 1e9, available / 1e9));
    }
  }
}

package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where {@code motorlearn run} puts a run: {@code <out>/<experiment>-<yyyyMMdd-HHmmss>}, with
 * {@code -2}, {@code -3}, ... appended when that name is taken (two runs started in the same second),
 * so an earlier run is never overwritten. Sweep points go into {@code point-<k>} folders inside it.
 */
final class RunFolders {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunFolders() {
  }

  /** Creates (atomically claims) a fresh folder for the experiment's run and returns it. */
  static Path claim(Path out, String experiment, LocalDateTime started) throws IOException {
    Files.createDirectories(out);
    String base = experiment + "-" + STAMP.format(started);
    for (int attempt = 1; ; attempt++) {
      Path candidate = out.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException taken) {
        // another run of this experiment started in the same second: try the next suffix
      }
    }
  }

  /** The folder of sweep point {@code k} (0-based, in the order of the spec's sweep) inside a run folder. */
  static Path point(Path runFolder, int k) {
    return runFolder.resolve("point-" + k);
  }
}

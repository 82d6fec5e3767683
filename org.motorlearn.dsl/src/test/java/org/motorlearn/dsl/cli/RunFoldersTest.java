package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders are named after the experiment and start time and never reuse an existing folder. */
class RunFoldersTest {

  @TempDir
  Path out;

  @Test
  void namedAfterExperimentAndSecondAndNeverReused() throws IOException {
    LocalDateTime started = LocalDateTime.of(2026, 11, 28, 7, 5, 9);
    Path first = RunFolders.claim(out.resolve("runs"), "VR30", started);
    Path second = RunFolders.claim(out.resolve("runs"), "VR30", started);
    Path third = RunFolders.claim(out.resolve("runs"), "VR30", started);
    assertEquals(out.resolve("runs/VR30-20261128-070509"), first);
    assertEquals(out.resolve("runs/VR30-20261128-070509-2"), second);
    assertEquals(out.resolve("runs/VR30-20261128-070509-3"), third);
    assertTrue(Files.isDirectory(first) && Files.isDirectory(second) && Files.isDirectory(third));
    assertEquals(first.resolve("point-4"), RunFolders.point(first, 4));
  }
}

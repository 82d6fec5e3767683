package org.motorlearn.dsl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTableTest {

  @TempDir
  Path dir;

  @Test
  void aDamagedManifestIsCalledDamagedNotMissing() throws IOException {
    Path run = Files.createDirectories(dir.resolve("Tiny-1"));
    Files.writeString(run.resolve("manifest.json"), "{\"status\": \"compl");
    SweepException e = assertThrows(SweepException.class, () -> SweepTable.ofRuns(List.of(run)));
    assertEquals(run + "/manifest.json is damaged (not valid JSON, or without a status); leave this run out", e.getMessage());
  }

  @Test
  void runFoldersOfTheSameNameAreToldApartByTheirParents() {
    assertEquals(List.of("Tiny-1", "Tiny-2"), SweepTable.distinctNames(List.of(Path.of("runs/Tiny-1"), Path.of("runs/Tiny-2"))));
    assertEquals(List.of("sweepA/point-0", "sweepB/point-0"),
        SweepTable.distinctNames(List.of(Path.of("x/sweepA/point-0"), Path.of("x/sweepB/point-0"))));
    assertEquals(List.of("a/s/point-0", "b/s/point-0", "b/s/point-1"),
        SweepTable.distinctNames(List.of(Path.of("/r/a/s/point-0"), Path.of("/r/b/s/point-0"), Path.of("/r/b/s/point-1"))));
  }
}

package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.Perturbation;

/** File names, loss CSV and JSON trees of the run folder. */
class RunFilesTest {

  @TempDir
  Path dir;

  @Test
  void parameterNamesBecomePortableFileNames() {
    assertEquals("Upstream-to-PMd", RunFolder.fileName("Upstream -> PMd"));
    assertEquals("M1.recurrent", RunFolder.fileName("M1.recurrent"));
    assertEquals("hand.weight", RunFolder.fileName("hand.weight"));
    assertEquals("cue-to-PMd", RunFolder.fileName("cue -> PMd"));
  }

  @Test
  void lossCsvRoundTripsEveryDoubleExactly() {
    List<LossRow> rows = List.of(
        new LossRow(0, 0.1 + 0.2, 1e-300, Math.nextUp(1.0), 0.8 / 3, Double.MIN_VALUE, 0.25),
        new LossRow(1, 12345.678901234567, 0, Double.NaN, 1e22, 3.0, 0.5));
    Path file = dir.resolve("loss.csv");
    LossCsv.write(file, rows);
    assertEquals(rows, LossCsv.read(file));
  }

  @Test
  void lossCsvWithAnotherHeaderIsRejected() throws Exception {
    Path file = dir.resolve("loss.csv");
    Files.writeString(file, "a,b\n1,2\n");
    RunException e = assertThrows(RunException.class, () -> LossCsv.read(file));
    assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
  }

  @Test
  void describeKeepsTheVariantOfSealedTypes() {
    Object tree = Json.describe(List.of(Perturbation.rotation("VR30", 30), Init.uniform(-1, 1)));
    assertEquals(List.of(Map.of("kind", "rotation", "name", "VR30", "degrees", 30.0, "appliesTo", "targets"),
        Map.of("kind", "uniform", "low", -1.0, "high", 1.0)), tree);
  }

  @Test
  void jsonTreesRoundTripThroughPlainValues() {
    Map<String, Object> tree = Map.of("seed", 9007199254740993L, "x", 0.1, "inf", Double.POSITIVE_INFINITY, "list",
        List.of("a", true));
    Path file = dir.resolve("t.json");
    Json.write(file, tree);
    assertEquals(tree, Json.toPlain(Json.read(file)));
  }
}

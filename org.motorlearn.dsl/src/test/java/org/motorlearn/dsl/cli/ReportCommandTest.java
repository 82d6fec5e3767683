package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code motorlearn report}: draws run folders' reports again; refuses what is not a run folder. */
class ReportCommandTest {

  @TempDir
  static Path folder;

  /** A completed run of the tiny experiment, its report removed by each test that needs it gone. */
  private static Path run;
  /** {@code run} as the user names it: relative to the working directory. */
  private static String runName;

  @BeforeAll
  static void runOnce() throws IOException {
    Files.writeString(folder.resolve("tiny.motor"), RunCommandTest.TINY);
    CliRun result = CliRun.in(folder, "run", "tiny.motor", "--out", "runs");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    try (Stream<Path> runs = Files.list(folder.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
    runName = folder.relativize(run).toString();
  }

  private static void deleteReport(Path runFolder) throws IOException {
    Files.deleteIfExists(runFolder.resolve("report.html"));
    if (Files.isDirectory(runFolder.resolve("report"))) {
      try (Stream<Path> paths = Files.walk(runFolder.resolve("report"))) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Test
  void drawsTheReportOfARunFolderAgainAndSaysWhere() throws IOException {
    deleteReport(run);
    CliRun result = CliRun.in(folder, "report", runName);
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertEquals("wrote " + runName + "/report.html\n", result.out());
    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains("<span class=\"status completed\">completed</span>"), html.substring(0, 400));
    assertTrue(Files.isRegularFile(run.resolve("report/learning-curves.png")), () -> String.join(", ",
        run.resolve("report").toFile().list()));
  }

  @Test
  void aFolderWithoutManifestIsTwoAndNothingIsDrawn() throws IOException {
    Files.createDirectories(folder.resolve("empty"));
    CliRun result = CliRun.in(folder, "report", runName, "empty");
    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("empty is not a run folder (it has no manifest.json)"), result::toString);
    assertEquals("", result.out(), "no report is drawn when one argument is wrong");
  }

  @Test
  void aMissingFolderOrAFileIsTwo() throws IOException {
    CliRun missing = CliRun.in(folder, "report", "nope");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("error: no such folder: nope"), missing::toString);
    CliRun file = CliRun.in(folder, "report", "tiny.motor");
    assertEquals(ExitCode.USAGE, file.exitCode(), file::toString);
    assertTrue(file.err().contains("error: tiny.motor is a file; give a run folder"), file::toString);
  }

  @Test
  void aSweepFolderIsTwoAndPointsToCollect() throws IOException {
    Files.createDirectories(folder.resolve("sweep"));
    Files.writeString(folder.resolve("sweep/sweep.json"), "{}");
    CliRun result = CliRun.in(folder, "report", "sweep");
    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("sweep is a sweep folder; draw its sweep report with: motorlearn collect sweep"),
        result::toString);
  }

  @Test
  void aRunWhoseReportCannotBeDrawnIsThreeAndTheOthersAreStillDrawn() throws IOException {
    Path broken = folder.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("manifest.json"), "{\"not\": \"a run manifest\"}");
    deleteReport(run);
    CliRun result = CliRun.in(folder, "report", "broken", runName);
    assertEquals(ExitCode.RUNTIME_FAILURE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("manifest.json is not a MotorLearn run manifest"), result::toString);
    assertTrue(result.err().contains("1 of 2 reports could not be drawn"), result::toString);
    assertEquals("wrote " + runName + "/report.html\n", result.out());
    assertFalse(Files.exists(broken.resolve("report.html")));
  }
}

package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Eclipse's cancel and {@code kill} send) stops `motorlearn run` cleanly: cancelled, resumable. */
class CancelOnSignalTest {

  @TempDir
  Path dir;

  @Test
  void aSignalledRunIsMarkedCancelledWithACheckpointAndResumes() throws Exception {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(3000, ""), StandardCharsets.UTF_8);
    Process process = motorlearn("run", "long.motor", "--out", "runs", "--no-color");
    try {
      TinySweeps.await("the run to write its first checkpoint", 300, () -> checkpointOf(dir.resolve("runs")) != null);
      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run winds down within the grace period");
    } finally {
      process.destroyForcibly();
    }
    Path run = checkpointOf(dir.resolve("runs")).getParent();
    JsonObject manifest = JsonParser.parseString(Files.readString(run.resolve("manifest.json"))).getAsJsonObject();
    assertEquals("cancelled", manifest.get("status").getAsString(), Files.readString(dir.resolve("out.txt")));
    assertTrue(Files.isDirectory(run.resolve("checkpoint")), "a cancelled run keeps a checkpoint to resume from");
    assertFalse(Files.exists(run.resolve("phases/initial")), "the unfinished phase is not presented as complete");
  }

  @Test
  void aSignalledRunOfASweepReportsItAndNamesTheSweepFolderToResume() throws Exception {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(3000, "sweep seed 0..1"), StandardCharsets.UTF_8);
    Process process = motorlearn("run", "long.motor", "--out", "runs", "--no-color");
    try {
      TinySweeps.await("point 0 to write its first checkpoint", 300, () -> pointCheckpoint() != null);
      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run winds down within the grace period");
    } finally {
      process.destroyForcibly();
    }
    Path sweep = pointCheckpoint().getParent().getParent();
    String output = Files.readString(dir.resolve("out.txt"));
    // everything is printed before the process ends: the point's result, the sweep's table, the command that continues
    assertTrue(output.contains(": cancelled in "), output);
    assertTrue(output.contains("continue it with: motorlearn run long.motor --resume runs/" + sweep.getFileName() + "\n"),
        output);
    assertTrue(output.lines().anyMatch(line -> line.matches("0\\s+seed=0\\s+cancelled.*")), output);
  }

  /** The checkpoint of point 0 of the single sweep under {@code runs}, or null while there is none. */
  private Path pointCheckpoint() {
    return firstFolder(dir.resolve("runs"), "point-0/checkpoint");
  }

  @Test
  void aSignalledLocalSweepStopsItsRunningPointWhichResumesWithTheSweep() throws Exception {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(3000, "sweep seed 0..1"), StandardCharsets.UTF_8);
    // only the sweep's own JVM gets the signal, as with `timeout`, `kill` or a sweep in the background
    Process sweep = motorlearn("sweep", "long.motor", "--jobs", "1", "--out", "sweep", "--no-color");
    Path point = dir.resolve("sweep/point-0");
    try {
      TinySweeps.await("point 0 to write its first checkpoint", 300, () -> Files.isDirectory(point.resolve("checkpoint")));
      sweep.destroy(); // SIGTERM to the sweep alone
      assertTrue(sweep.waitFor(120, TimeUnit.SECONDS), "the sweep winds down within the grace period");
    } finally {
      sweep.destroyForcibly();
    }
    String output = Files.readString(dir.resolve("out.txt"));
    JsonObject run = JsonParser.parseString(Files.readString(point.resolve("manifest.json"))).getAsJsonObject();
    assertEquals("cancelled", run.get("status").getAsString(), "the point's process got the signal too: " + output);
    JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("sweep/sweep.json"))).getAsJsonObject();
    JsonObject first = manifest.getAsJsonArray("points").get(0).getAsJsonObject();
    assertEquals("interrupted", first.get("status").getAsString(), output);
    assertTrue(first.get("error").getAsString().startsWith("stopped with the sweep in phase initial; starting the sweep "
        + "again resumes it"), first::toString);
    assertTrue(output.contains("sweep stopped: 1 running point(s) checkpointed and stopped; run the same command again to "
        + "continue"), output);
  }

  /** {@code motorlearn ARGS...} in its own JVM in {@code dir}, its output going to out.txt. */
  private Process motorlearn(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
  }

  /** The checkpoint folder of the single run under {@code runs}, or null while there is none. */
  private static Path checkpointOf(Path runs) {
    return firstFolder(runs, "checkpoint");
  }

  /** {@code relative} inside the first folder of {@code parent} that has it as a folder, or null. */
  private static Path firstFolder(Path parent, String relative) {
    if (!Files.isDirectory(parent)) {
      return null;
    }
    try (Stream<Path> folders = Files.list(parent)) {
      return folders.map(f -> f.resolve(relative)).filter(Files::isDirectory).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}

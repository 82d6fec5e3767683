package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.sweep.SweepManifest;
import org.motorlearn.dsl.sweep.SweepResources;

/** {@code motorlearn sweep} with the local executor, and {@code motorlearn collect}. */
class SweepCommandTest {

  @TempDir
  Path dir;

  @Test
  void everyPointRunsIntoItsOwnFolderAndTheSharedInitialPhaseIsTrainedOncePerSeed() throws IOException {
    Path sweep = TinySweeps.shared().resolve("local");
    SweepManifest manifest = TinySweeps.manifest(sweep);

    assertEquals(List.of("completed", "completed", "completed", "completed"),
        manifest.points().stream().map(p -> p.status().label()).collect(Collectors.toList()));
    assertEquals(List.of(Map.of("seed", 0.0, "VR.angle", 20.0), Map.of("seed", 0.0, "VR.angle", 40.0),
        Map.of("seed", 1.0, "VR.angle", 20.0), Map.of("seed", 1.0, "VR.angle", 40.0)),
        manifest.points().stream().map(SweepManifest.Point::parameters).collect(Collectors.toList()));
    assertEquals(List.of(new SweepManifest.SharedPhase("initial", 0, List.of(1)), new SweepManifest.SharedPhase("initial", 2,
        List.of(3))), manifest.shared());
    assertEquals(Map.of("initial", 0), manifest.point(1).reuses());

    // count trainings of the initial phase from the run manifests: a reused phase names its source
    int trained = 0;
    for (SweepManifest.Point p : manifest.points()) {
      JsonObject run = TinySweeps.runManifest(sweep.resolve(p.folder()));
      assertEquals("completed", run.get("status").getAsString());
      JsonObject reused = run.getAsJsonObject("reusedPhases");
      if (reused.has("initial")) {
        int trainer = p.reuses().get("initial");
        assertEquals(sweep.resolve("point-" + trainer).toString(), reused.getAsJsonObject("initial").get("from").getAsString());
        Path weights = Path.of("phases", "initial", "weights", "M1.recurrent.npy");
        assertTrue(Files.isSameFile(sweep.resolve("point-" + trainer).resolve(weights), sweep.resolve(p.folder()).resolve(weights)));
      } else {
        trained++;
      }
    }
    assertEquals(2, trained, "one training of 'initial' per seed");
    String err = TinySweeps.sharedRun().err();
    assertTrue(err.contains("phase initial trained once by point-0, reused by point-1"), err);
  }

  @Test
  void pointsRunInParallelWithinTheJobLimit() throws IOException {
    Path sweep = TinySweeps.shared().resolve("local");
    List<Instant[]> spans = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      JsonObject run = TinySweeps.runManifest(sweep.resolve("point-" + k));
      spans.add(new Instant[] {Instant.parse(run.get("started").getAsString()), Instant.parse(run.get("ended").getAsString())});
    }
    // the two trainers (point-0, point-2) start together; no three points ever overlap with --jobs 2
    assertTrue(spans.get(0)[0].isBefore(spans.get(2)[1]) && spans.get(2)[0].isBefore(spans.get(0)[1]), "0 and 2 overlap");
    for (int a = 0; a < 4; a++) {
      for (int b = a + 1; b < 4; b++) {
        for (int c = b + 1; c < 4; c++) {
          Instant start = max(spans.get(a)[0], max(spans.get(b)[0], spans.get(c)[0]));
          Instant end = min(spans.get(a)[1], min(spans.get(b)[1], spans.get(c)[1]));
          assertFalse(start.isBefore(end), "points " + a + ", " + b + ", " + c + " ran at once");
        }
      }
    }
  }

  @Test
  void startedAgainACompletedSweepRunsNothing() throws IOException {
    Path shared = TinySweeps.shared();
    byte[] before = Files.readAllBytes(shared.resolve("local/point-3/manifest.json"));
    CliRun again = CliRun.in(shared, "sweep", "tiny.motor", "--out", "local");
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals("sweep Tiny: nothing to run (4 completed)\n", again.out());
    assertArrayEquals(before, Files.readAllBytes(shared.resolve("local/point-3/manifest.json")));
  }

  @Test
  void collectWritesOneRowPerPointWithItsParametersAndSummaryMetrics() throws IOException {
    Path shared = TinySweeps.shared();
    CliRun collect = CliRun.in(shared, "collect", "local");
    assertEquals(0, collect.exitCode(), collect::toString);
    assertTrue(collect.out().endsWith("wrote local/table.csv\nwrote local/table.md\nwrote local/sweep-report.html\n4 of 4 points\n"),
        collect.out());
    String report = Files.readString(shared.resolve("local/sweep-report.html"));
    assertTrue(report.contains("point-2") && report.contains("VR.angle"), "the sweep report lists the points and the swept angle");
    List<String> csv = Files.readAllLines(shared.resolve("local/table.csv"));
    assertEquals(5, csv.size());
    List<String> header = List.of(csv.get(0).split(","));
    assertEquals(List.of("point", "seed", "VR.angle"), header.subList(0, 3));
    assertFalse(header.stream().anyMatch(h -> h.endsWith("seconds")), "wall-clock times are not results");
    JsonObject summary = com.google.gson.JsonParser.parseString(Files.readString(shared.resolve("local/point-2/summary.json")))
        .getAsJsonObject().getAsJsonObject("metrics");
    List<String> row = List.of(csv.get(3).split(","));
    assertEquals(List.of("point-2", "1.0", "20.0"), row.subList(0, 3));
    for (int i = 3; i < header.size(); i++) {
      assertEquals(summary.get(header.get(i)).getAsDouble(), Double.parseDouble(row.get(i)), 0.0, header.get(i));
    }
    String markdown = Files.readString(shared.resolve("local/table.md"));
    assertTrue(markdown.startsWith("| point | seed | VR.angle | phases/initial/test/hand/rmse |"), markdown);
  }

  @Test
  void collectOverRunFoldersGivesTheRowsOfTheSweepTableForThosePoints() throws IOException {
    Path shared = TinySweeps.shared();
    assertEquals(0, CliRun.in(shared, "collect", "local").exitCode());
    CliRun collect = CliRun.in(shared, "collect", "local/point-0", "local/point-2", "--out", "collected");
    assertEquals(0, collect.exitCode(), collect::toString);
    assertTrue(collect.out().endsWith("wrote collected/table.csv\nwrote collected/table.md\nwrote collected/sweep-report.html\n"
        + "2 runs\n"), collect.out());
    Map<String, Map<String, String>> sweep = rowsByPoint(shared.resolve("local/table.csv"));
    Map<String, Map<String, String>> runs = rowsByPoint(shared.resolve("collected/table.csv"));
    assertEquals(List.of("point-0", "point-2"), List.copyOf(runs.keySet()));
    for (Map.Entry<String, Map<String, String>> row : runs.entrySet()) {
      // every column of the collected table (the differing parameters, then the metrics) agrees with the sweep's table
      row.getValue().forEach((column, value) -> assertEquals(sweep.get(row.getKey()).get(column), value, row.getKey() + " " + column));
      assertTrue(row.getValue().size() > 10, row::toString);
    }

    CliRun noOut = CliRun.in(shared, "collect", "local/point-0", "local/point-1");
    assertEquals(ExitCode.USAGE, noOut.exitCode(), noOut::toString);
    assertEquals("error: collecting run folders needs --out OUT, the folder the table and sweep report go into\n", noOut.err());
    CliRun notARun = CliRun.in(shared, "collect", "local/point-0", "nowhere", "--out", "x");
    assertEquals(ExitCode.USAGE, notARun.exitCode(), notARun::toString);
    assertEquals("error: nowhere is neither a sweep folder (sweep.json) nor a run folder (manifest.json)\n", notARun.err());
    CliRun twoSweeps = CliRun.in(shared, "collect", "local", "local/point-0", "--out", "x");
    assertEquals(ExitCode.USAGE, twoSweeps.exitCode(), twoSweeps::toString);
    assertEquals("error: local is a sweep folder; collect takes one sweep folder at a time (motorlearn collect local), or run "
        + "folders with --out (e.g. local/point-0 ...)\n", twoSweeps.err());
    CliRun sweepWithOut = CliRun.in(shared, "collect", "local", "--out", "x");
    assertEquals(ExitCode.USAGE, sweepWithOut.exitCode(), sweepWithOut::toString);
    assertFalse(Files.exists(shared.resolve("x")), "a refused collect writes nothing");
  }

  /** A table.csv as point -> column -> cell (no cell of these tables holds a comma). */
  private static Map<String, Map<String, String>> rowsByPoint(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, Map<String, String>> rows = new java.util.LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = List.of(line.split(",", -1));
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 1; i < header.size(); i++) {
        row.put(header.get(i), cells.get(i));
      }
      rows.put(cells.get(0), row);
    }
    return rows;
  }

  @Test
  void anInvalidPointStopsTheSweepBeforeAnythingStarts() throws IOException {
    // the validator sees the spec's own sweep values ...
    Files.writeString(dir.resolve("bad.motor"), TinySweeps.spec(6, "sweep initial.batch in 4, 0, 2"), StandardCharsets.UTF_8);
    CliRun run = CliRun.in(dir, "sweep", "bad.motor", "--out", "out");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: sweep point 1: initial.batch = 0: batch must be positive"), run.err());
    assertFalse(Files.exists(dir.resolve("out")));

    // ... and every point is built with the --set values too before anything starts
    Files.writeString(dir.resolve("seeds.motor"), TinySweeps.spec(6, "sweep seed 0..1"), StandardCharsets.UTF_8);
    CliRun set = CliRun.in(dir, "sweep", "seeds.motor", "--out", "out", "--set", "initial.batch=0");
    assertEquals(1, set.exitCode(), set::toString);
    List<String> lines = List.of(set.err().split("\n"));
    assertEquals(3, lines.size(), set.err());
    assertTrue(lines.get(0).startsWith("error: point-0 (seed=0): "), set.err());
    assertTrue(lines.get(1).startsWith("error: point-1 (seed=1): "), set.err());
    assertEquals("error: 2 of 2 sweep points are invalid; nothing was started", lines.get(2));
    assertFalse(Files.exists(dir.resolve("out")));

    // a misspelt name is one mistake of the command line (exit 2), said once, not once per point
    CliRun typo = CliRun.in(dir, "sweep", "seeds.motor", "--out", "out", "--set", "initial.update=3");
    assertEquals(ExitCode.USAGE, typo.exitCode(), typo::toString);
    assertEquals(1, typo.err().split("unknown parameter 'initial.update'", -1).length - 1, typo.err());
    assertTrue(typo.err().contains("did you mean 'initial.updates'?"), typo.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aSweptParameterCannotAlsoBeSet() throws IOException {
    Files.writeString(dir.resolve("s.motor"), TinySweeps.spec(6, "sweep seed 0..1"), StandardCharsets.UTF_8);
    CliRun run = CliRun.in(dir, "sweep", "s.motor", "--set", "seed=3");
    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("error: --set seed: the parameter is swept by the spec; remove it from --set or from the sweep\n", run.err());
  }

  @Test
  void aCrashedPointIsMarkedFailedTheOthersFinishAndRetryFailedResumesOnlyIt() throws Exception {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(300, "sweep seed 0..1"), StandardCharsets.UTF_8);
    CompletableFuture<CliRun> sweep = CompletableFuture.supplyAsync(
        () -> CliRun.in(dir, "sweep", "long.motor", "--out", "crash", "--jobs", "2", "--threads", "1"));
    Path checkpoint = dir.resolve("crash/point-1/checkpoint");
    TinySweeps.await("a checkpoint of point-1", 600, () -> Files.isDirectory(checkpoint));
    ProcessHandle point1 = ProcessHandle.current().descendants().filter(p -> isPoint(p, 1)).findFirst().orElseThrow();
    point1.destroyForcibly(); // kill -9: no chance to record anything
    CliRun first = sweep.get(15, TimeUnit.MINUTES);

    assertEquals(3, first.exitCode(), first::toString);
    SweepManifest after = TinySweeps.manifest(dir.resolve("crash"));
    assertEquals(SweepManifest.Status.COMPLETED, after.point(0).status());
    assertEquals(SweepManifest.Status.FAILED, after.point(1).status());
    assertEquals("its process ended with exit code 137 without finishing; see logs/point-1.log; --retry-failed resumes it from"
        + " its checkpoint", after.point(1).error());
    // the exact command, to copy: the spec and folder as given (relative), no placeholder
    assertTrue(first.out().contains("rerun them with: motorlearn sweep long.motor --out crash --retry-failed\n"), first.out());

    CliRun withoutRetry = CliRun.in(dir, "sweep", "long.motor", "--out", "crash");
    assertEquals(3, withoutRetry.exitCode(), withoutRetry::toString);
    assertEquals("sweep Tiny: nothing to run (1 completed, 1 failed)\nrerun the failed points with --retry-failed\n",
        withoutRetry.out());

    byte[] point0 = Files.readAllBytes(dir.resolve("crash/point-0/manifest.json"));
    CliRun retry = CliRun.in(dir, "sweep", "long.motor", "--out", "crash", "--retry-failed");
    assertEquals(0, retry.exitCode(), retry::toString);
    assertEquals(SweepManifest.Status.COMPLETED, TinySweeps.manifest(dir.resolve("crash")).point(1).status());
    assertEquals(2, TinySweeps.manifest(dir.resolve("crash")).point(1).attempts());
    assertArrayEquals(point0, Files.readAllBytes(dir.resolve("crash/point-0/manifest.json")), "point-0 is not run again");
    JsonObject resumed = TinySweeps.runManifest(dir.resolve("crash/point-1"));
    assertEquals(1, resumed.getAsJsonArray("resumed").size());
    String log = Files.readString(dir.resolve("crash/logs/point-1.log"));
    assertTrue(log.contains("phase initial: resuming at update "), log);
  }

  @Test
  void anInterruptedSweepStartedAgainSkipsCompletedPointsAndResumesTheRest() throws Exception {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(300, "sweep seed 0..1"), StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process sweep = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
        "long.motor", "--out", "cut", "--jobs", "1", "--threads", "1").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
    TinySweeps.await("a checkpoint of point-1", 600, () -> Files.isDirectory(dir.resolve("cut/point-1/checkpoint")));
    // the machine goes down: the sweep and its points die at once
    sweep.descendants().forEach(ProcessHandle::destroyForcibly);
    sweep.destroyForcibly();
    sweep.waitFor(60, TimeUnit.SECONDS);
    assertEquals(SweepManifest.Status.COMPLETED, TinySweeps.manifest(dir.resolve("cut")).point(0).status());
    assertEquals(SweepManifest.Status.RUNNING, TinySweeps.manifest(dir.resolve("cut")).point(1).status());
    byte[] point0 = Files.readAllBytes(dir.resolve("cut/point-0/manifest.json"));

    CliRun again = CliRun.in(dir, "sweep", "long.motor", "--out", "cut");
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.err().contains("1 done before, 1 to run"), again.err());
    assertArrayEquals(point0, Files.readAllBytes(dir.resolve("cut/point-0/manifest.json")));
    assertEquals(1, TinySweeps.runManifest(dir.resolve("cut/point-1")).getAsJsonArray("resumed").size());
    assertNotNull(TinySweeps.manifest(dir.resolve("cut")).point(1).host());
  }

  @Test
  void parallelismIsBoundedByCoresAndMemory() {
    long gigabyte = 1L << 30;
    assertEquals(8, SweepResources.parallelPoints(8, 64 * gigabyte, 2 * gigabyte));
    assertEquals(3, SweepResources.parallelPoints(8, 7 * gigabyte, 2 * gigabyte));
    assertEquals(1, SweepResources.parallelPoints(8, gigabyte, 2 * gigabyte), "at least one point runs");
  }

  /** True if {@code process} is the PointMain process of point {@code index} (its last two arguments: folder, index). */
  private static boolean isPoint(ProcessHandle process, int index) {
    try {
      List<String> arguments = List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
          .split("\0"));
      int n = arguments.size();
      return n >= 3 && arguments.get(n - 3).endsWith("PointMain") && arguments.get(n - 1).equals(Integer.toString(index));
    } catch (IOException gone) {
      return false;
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

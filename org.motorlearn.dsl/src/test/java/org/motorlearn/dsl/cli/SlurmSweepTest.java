package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.sweep.Slurm;
import org.motorlearn.dsl.sweep.SweepManifest;

/**
 * The SLURM executor against a real SLURM cluster: runs only where {@code sinfo} answers (CI starts
 * a single-node cluster with .ci/slurm-up.sh). Job arrays, the afterok dependency of the fan-out,
 * status, collect, scancel and --retry-failed.
 */
class SlurmSweepTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void needsSlurm() {
    Assumptions.assumeTrue(Slurm.available(), "no SLURM controller answers here (sinfo); .ci/slurm-up.sh starts one");
  }

  @Test
  void aJobArraySweepGivesTheSameTableAsTheLocalExecutorBitForBit() throws IOException {
    Path shared = TinySweeps.shared();
    CliRun submit = CliRun.in(shared, "sweep", "tiny.motor", "--executor", "slurm", "--out", "slurm", "--cpus", "1");
    assertEquals(0, submit.exitCode(), submit::toString);
    SweepManifest submitted = TinySweeps.manifest(shared.resolve("slurm"));
    assertEquals(2, submitted.slurm().size());
    assertEquals(List.of(0, 2), submitted.slurm().get(0).points());
    assertEquals(List.of(1, 3), submitted.slurm().get(1).points());
    assertEquals("afterok:" + submitted.slurm().get(0).id(), submitted.slurm().get(1).dependsOn());
    String script = Files.readString(shared.resolve("slurm/slurm/submission-2-stage-2.sh"));
    assertTrue(script.contains("#SBATCH --array=1,3\n") && script.contains("#SBATCH --requeue\n")
        && script.contains("#SBATCH --open-mode=append\n") && script.contains("#SBATCH --cpus-per-task=1\n"), script);

    awaitAll(shared.resolve("slurm"));
    CliRun status = CliRun.in(shared, "sweep", "--status", "slurm");
    assertTrue(status.out().contains("4 completed\nsqueue: no task of this sweep is queued or running\n"), status.out());
    assertEquals(0, CliRun.in(shared, "collect", "slurm").exitCode());
    assertEquals(0, CliRun.in(shared, "collect", "local").exitCode());
    // every digit of every metric, parameter and point
    assertEquals(Files.readString(shared.resolve("local/table.csv")), Files.readString(shared.resolve("slurm/table.csv")));
    assertEquals(0, TinySweeps.runManifest(shared.resolve("slurm/point-0")).getAsJsonObject("reusedPhases").size());
    assertTrue(TinySweeps.runManifest(shared.resolve("slurm/point-1")).getAsJsonObject("reusedPhases").has("initial"));
  }

  @Test
  void aCancelledTaskIsReportedFailedAndRetryFailedRerunsOnlyIt() throws IOException {
    Files.writeString(dir.resolve("long.motor"), TinySweeps.spec(300, "sweep seed 0..1"), StandardCharsets.UTF_8);
    CliRun submit = CliRun.in(dir, "sweep", "long.motor", "--executor", "slurm", "--out", "cancel", "--cpus", "1");
    assertEquals(0, submit.exitCode(), submit::toString);
    Path sweep = dir.resolve("cancel");
    TinySweeps.await("point-1 to write a checkpoint", 600, () -> Files.isDirectory(sweep.resolve("point-1/checkpoint")));
    String job = TinySweeps.manifest(sweep).point(1).job();
    assertEquals(0, run("scancel", job));
    TinySweeps.await("the cancelled task to leave the queue and point-0 to finish", 600, () -> {
      CliRun s = CliRun.in(dir, "sweep", "--status", "cancel");
      return s.out().contains("1 completed, 1 failed");
    });
    CliRun status = CliRun.in(dir, "sweep", "--status", "cancel");
    assertTrue(status.out().contains("  point-1    failed"), status.out());

    CliRun retry = CliRun.in(dir, "sweep", "long.motor", "--executor", "slurm", "--out", "cancel", "--retry-failed");
    assertEquals(0, retry.exitCode(), retry::toString);
    SweepManifest resubmitted = TinySweeps.manifest(sweep);
    assertEquals(List.of(1), resubmitted.slurm().get(resubmitted.slurm().size() - 1).points(), "only the failed point");
    awaitAll(sweep);
    assertTrue(TinySweeps.runManifest(sweep.resolve("point-1")).getAsJsonArray("resumed").size() >= 1, "resumed, not restarted");
    assertEquals(1, TinySweeps.manifest(sweep).point(0).attempts());
  }

  private void awaitAll(Path sweep) {
    TinySweeps.await("every point of " + sweep + " to complete", 900, () -> {
      CliRun status = CliRun.in(sweep.getParent(), "sweep", "--status", sweep.getFileName().toString());
      return TinySweeps.manifest(sweep).points().stream().allMatch(p -> p.status() == SweepManifest.Status.COMPLETED)
          || status.out().contains(" failed");
    });
    TinySweeps.manifest(sweep).points().forEach(p -> assertEquals(SweepManifest.Status.COMPLETED, p.status(),
        () -> p.folder() + ": " + p.error()));
    // a point is complete once its run folder says so; its task still draws the report and then leaves the queue
    TinySweeps.await("the sweep's tasks to leave the queue", 300, () -> CliRun.in(sweep.getParent(), "sweep", "--status",
        sweep.getFileName().toString()).out().contains("squeue: no task of this sweep is queued or running\n"));
  }

  private static int run(String... command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      return process.waitFor();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}

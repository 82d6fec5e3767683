package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.MotorLearn;

/** Bitwise reproducibility across JVMs and across a kill -9. */
class ReproducibilityTest {

  @TempDir
  Path dir;

  @Test
  void twoJvmsProduceBitwiseIdenticalRuns() throws Exception {
    Path child = dir.resolve("child");
    Process p = RunFolders.startChild(child, 6, 0, 0, dir.resolve("child.log"));
    Path here = dir.resolve("here");
    MotorLearn.run(TinyExperiments.standard(), RunOptions.into(here).withThreads(1));
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
    RunFolders.assertSameResults(here, child);
  }

  @Test
  void aRunKilledMidPhaseResumesToBitwiseIdenticalResults() throws Exception {
    int updates = 20;
    Path killed = dir.resolve("killed");
    Process p = RunFolders.startChild(killed, updates, 3, 30, dir.resolve("child.log"));
    Path checkpoint = killed.resolve("checkpoint/checkpoint.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(p.isAlive(), "the child finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals("running", Json.read(killed.resolve("manifest.json")).getAsJsonObject().get("status").getAsString(),
        "a killed run cannot mark itself; its manifest still says running");
    Checkpoint last = Checkpoint.read(killed.resolve("checkpoint"));
    assertEquals("initial", last.phase());
    assertTrue(last.nextUpdate() > 0 && last.nextUpdate() < updates, "killed mid-phase, at " + last.nextUpdate());

    RunResult resumed = MotorLearn.run(TinyExperiments.experiment(updates, 1e-2, 3),
        RunOptions.into(killed).withThreads(1).resuming());
    assertEquals(RunStatus.COMPLETED, resumed.status());

    Path uninterrupted = dir.resolve("uninterrupted");
    MotorLearn.run(TinyExperiments.experiment(updates, 1e-2, 3), RunOptions.into(uninterrupted).withThreads(1));
    RunFolders.assertSameResults(uninterrupted, killed);
  }
}

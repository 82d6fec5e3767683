package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.motorlearn.dsl.sweep.SweepFolder;
import org.motorlearn.dsl.sweep.SweepManifest;

/**
 * Tiny sweeps for the sweep tests (a few units, 40 bins, a handful of updates), and the one local
 * sweep of 2 seeds x 2 angles that both the local and the SLURM tests compare against (run once per JVM).
 */
final class TinySweeps {

  private static Path shared;
  private static CliRun sharedRun;

  private TinySweeps() {
  }

  /**
   * A spec with phases initial (then Hlocal under a rotation) and analyses.
   *
   * @param initialUpdates updates of the initial phase (more leaves time to interrupt a point)
   * @param sweeps the sweep statements
   */
  static String spec(int initialUpdates, String sweeps) {
    return String.format(Locale.ROOT, """
        experiment Tiny {
          seed 0
          checkpoint every 10 updates
          network Cortex {
            module Upstream { units 4 }
            module PMd { units 4 }
            module M1 { units 4 }
            input cue (3) -> Upstream, PMd
            connect Upstream -> PMd
            connect PMd -> M1
            readout hand position (2) from M1 with bias
          }
          task CenterOut {
            targets 4
            trial 40 bins
            cue at bin 5..8
            go at bin 20
            movement 10 bins
            train 16 trials
            test 8 trials
          }
          perturbation VR = rotation 30 deg on targets
          loss { mse from bin 10 }
          phase initial { plastic all adam lr 1e-2 updates %d batch 4 clip 0.2 }
          phase Hlocal from initial under VR { plastic PMd.recurrent, M1.recurrent adam lr 1e-2 updates 3 batch 1 clip 0.2 }
          analysis {
            compare initial with Hlocal
            on PMd, M1
            window -50 ms .. 50 ms around go
            metrics behaviour, activity, covariance
          }
          %s
        }
        """, initialUpdates, sweeps);
  }

  /** 2 seeds x 2 angles: two groups of two points sharing their initial phase. */
  static final String SEEDS_BY_ANGLES = "sweep seed 0..1\n  sweep VR.angle in 20 deg, 40 deg";

  /** The folder holding {@code tiny.motor} (the 2 x 2 spec) and the local sweep {@code local/} of it. */
  static synchronized Path shared() throws IOException {
    if (shared == null) {
      Path folder = Files.createTempDirectory("motorlearn-sweep-tests");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
      Files.writeString(folder.resolve("tiny.motor"), spec(6, SEEDS_BY_ANGLES), StandardCharsets.UTF_8);
      sharedRun = CliRun.in(folder, "sweep", "tiny.motor", "--out", "local", "--jobs", "2", "--threads", "1");
      assertEquals(0, sharedRun.exitCode(), sharedRun::toString);
      shared = folder;
    }
    return shared;
  }

  /** What the shared local sweep printed. */
  static synchronized CliRun sharedRun() throws IOException {
    shared();
    return sharedRun;
  }

  static SweepManifest manifest(Path sweep) {
    return new SweepFolder(sweep).read();
  }

  static JsonObject runManifest(Path runFolder) {
    try {
      return JsonParser.parseString(Files.readString(runFolder.resolve("manifest.json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code condition} holds, polling; fails after {@code seconds}. */
  static void await(String what, long seconds, BooleanSupplier condition) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out after " + seconds + " s waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at JVM exit
    }
  }
}

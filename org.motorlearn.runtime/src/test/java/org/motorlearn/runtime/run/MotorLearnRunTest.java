package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.MotorLearn;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.report.Report;
import org.motorlearn.runtime.spec.Experiment;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A tiny experiment from the Java API into a run folder: files, formats, statuses. */
class MotorLearnRunTest {

  @TempDir
  static Path shared;

  /** One completed run of the standard tiny experiment, inspected (never modified) by several tests. */
  private static Path completed;
  private static RunResult completedResult;

  @TempDir
  Path dir;

  /** Progress events of the shared run, in order. */
  private static final List<String> events = new ArrayList<>();

  @BeforeAll
  static void runOnce() {
    completed = shared.resolve("run");
    ProgressListener record = new ProgressListener() {
      @Override
      public void phaseStarted(String phase, int updates) {
        events.add("start " + phase + " " + updates);
      }

      @Override
      public void updateFinished(String phase, int update, int updates, double loss, double seconds) {
        events.add("update " + phase + " " + update + "/" + updates);
      }

      @Override
      public void phaseFinished(String phase) {
        events.add("end " + phase);
      }
    };
    completedResult = run(TinyExperiments.standard(),
        RunOptions.into(completed).withCommandLine(List.of("motorlearn", "run", "tiny.motor")).withProgress(record));
  }

  @Test
  void progressReportsEveryPhaseAndUpdateInOrder() {
    List<String> expected = new ArrayList<>();
    for (String[] phase : new String[][] {{"initial", "6"}, {"Hinput", "4"}, {"Hlocal", "4"}, {"null", "0"}}) {
      int updates = Integer.parseInt(phase[1]);
      expected.add("start " + phase[0] + " " + updates);
      for (int k = 0; k < updates; k++) {
        expected.add("update " + phase[0] + " " + k + "/" + updates);
      }
      expected.add("end " + phase[0]);
    }
    assertEquals(expected, events);
  }

  private static RunResult run(Experiment e, RunOptions o) {
    return MotorLearn.run(e, o.withThreads(1));
  }

  @Test
  void runWritesEveryDocumentedFile() throws IOException {
    Experiment e = TinyExperiments.standard();
    Path folder = completed;
    RunResult result = completedResult;

    assertEquals(RunStatus.COMPLETED, result.status());
    assertNull(result.error());
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    assertEquals("completed", manifest.get("status").getAsString());
    assertEquals("TinyVR30", manifest.get("experiment").getAsString());
    assertEquals(7, manifest.get("seed").getAsLong());
    assertEquals("float32", manifest.get("precision").getAsString());
    assertEquals("0123abcd", manifest.get("specSha256").getAsString());
    assertEquals("experiment TinyVR30 { }\n", manifest.get("spec").getAsString());
    assertEquals(1e-2, manifest.getAsJsonObject("parameters").get("lr").getAsDouble());
    assertEquals(0, manifest.getAsJsonArray("warnings").size(), () -> "warnings: " + manifest.get("warnings"));
    assertEquals(List.of(), result.warnings());
    assertEquals(List.of("motorlearn", "run", "tiny.motor"), Json.toPlain(manifest.get("commandLine")));
    for (String key : List.of("motorlearn", "motorlearnRevision", "java", "nd4j", "backend")) {
      assertFalse(manifest.getAsJsonObject("versions").get(key).getAsString().isBlank(), key);
    }
    assertFalse(manifest.get("threadLayout").getAsString().isBlank());
    assertTrue(manifest.getAsJsonObject("machine").get("cores").getAsInt() > 0);
    assertFalse(manifest.get("ended").isJsonNull());
    assertEquals("rotation", manifest.getAsJsonObject("definition").getAsJsonArray("perturbations").get(0)
        .getAsJsonObject().get("kind").getAsString());

    for (String phase : List.of("initial", "Hinput", "Hlocal", "null")) {
      Path p = folder.resolve("phases").resolve(phase);
      JsonObject index = Json.read(p.resolve("weights/index.json")).getAsJsonObject();
      List<String> named = new ArrayList<>();
      index.entrySet().forEach(entry -> named.add(entry.getValue().getAsJsonObject().get("name").getAsString()));
      assertEquals(new ArrayList<>(e.network().parameterShapes().keySet()), named, phase);
      for (String file : List.of("Upstream-to-PMd.npy", "M1.recurrent.npy", "hand.weight.npy", "hand.bias.npy", "cue-to-PMd.npy")) {
        assertTrue(Files.isRegularFile(p.resolve("weights").resolve(file)), phase + ": " + file);
      }
      int updates = phase.equals("initial") ? 6 : phase.equals("null") ? 0 : 4;
      assertEquals(updates + 1, Files.readAllLines(p.resolve("loss.csv")).size(), phase);
      assertEquals(LossCsv.HEADER, Files.readAllLines(p.resolve("loss.csv")).get(0));
      for (String file : List.of("inputs.npy", "targets.npy", "target_ids.npy", "cue_bins.npy", "go_bins.npy",
          "initial_state_PMd.npy", "rates_Upstream.npy", "rates_PMd.npy", "rates_M1.npy", "output_hand.npy")) {
        assertTrue(Files.isRegularFile(p.resolve("test").resolve(file)), phase + ": " + file);
      }
      assertEquals(Files.isDirectory(p.resolve("optimizer")), !phase.equals("null"), phase);
      assertTrue(Files.isRegularFile(p.resolve("metrics.json")), phase);
    }
    for (String compared : List.of("Hinput", "Hlocal", "null")) {
      assertTrue(Files.isRegularFile(folder.resolve("analysis/initial-vs-" + compared + ".json")), compared);
    }
    JsonObject summary = Json.read(folder.resolve("summary.json")).getAsJsonObject();
    assertEquals("completed", summary.get("status").getAsString());
    assertEquals(summary.getAsJsonObject("metrics").get("phases/Hlocal/test/hand/rmse").getAsDouble(),
        ((Number) result.metrics().get("phases/Hlocal/test/hand/rmse")).doubleValue());
    assertFalse(Files.exists(folder.resolve("checkpoint")), "a completed run keeps no checkpoint");
    for (String f : RunFolders.files(folder)) {
      assertFalse(f.contains(AtomicFiles.TEMPORARY_PREFIX), "temporary file left behind: " + f);
    }
  }

  @Test
  void testMetricsCanBeRecomputedFromTheSavedArrays() {
    Experiment e = TinyExperiments.standard();
    Path folder = completed;
    for (String phase : List.of("initial", "Hlocal", "null")) {
      Path test = folder.resolve("phases").resolve(phase).resolve("test");
      INDArray output = Npy.read(test.resolve("output_hand.npy"));
      INDArray targets = Npy.read(test.resolve("targets.npy"));
      int from = e.loss().fromBin();
      double sum = 0;
      long count = 0;
      for (long trial = 0; trial < output.size(0); trial++) {
        for (long bin = from; bin < output.size(1); bin++) {
          for (long d = 0; d < output.size(2); d++) {
            double diff = output.getDouble(trial, bin, d) - targets.getDouble(trial, bin, d);
            sum += diff * diff;
            count++;
          }
        }
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metrics = (Map<String, Object>) Json.toPlain(Json.read(test.resolveSibling("metrics.json")));
      @SuppressWarnings("unchecked")
      Map<String, Object> hand = (Map<String, Object>) ((Map<String, Object>) metrics.get("test")).get("hand");
      double mse = ((Number) hand.get("mse")).doubleValue();
      assertEquals(sum / count, mse, 1e-5 * mse, phase);
      assertEquals(Math.sqrt(mse), ((Number) hand.get("rmse")).doubleValue(), 1e-12, phase);
    }
  }

  @Test
  void numpyLoadsEveryArrayAndRecomputesTheMetrics() throws Exception {
    Assumptions.assumeTrue(pythonWithNumpy(), "python3 with numpy is not installed");
    Path folder = completed;
    Path script = dir.resolve("check.py");
    Files.writeString(script, """
        import json, sys, pathlib
        import numpy as np
        run = pathlib.Path(sys.argv[1])
        loaded = 0
        for phase in sorted((run / "phases").iterdir()):
            index = json.loads((phase / "weights" / "index.json").read_text())
            for file, meta in index.items():
                w = np.load(phase / "weights" / file)
                assert list(w.shape) == meta["shape"], (file, w.shape, meta)
                loaded += 1
            t = phase / "test"
            for f in t.glob("*.npy"):
                np.load(f)
                loaded += 1
            m = json.loads((phase / "metrics.json").read_text())
            out = np.load(t / "output_hand.npy").astype(np.float64)
            tgt = np.load(t / "targets.npy").astype(np.float64)
            mse = np.mean((out[:, m["fromBin"]:, :] - tgt[:, m["fromBin"]:, :]) ** 2)
            assert abs(mse - m["test"]["hand"]["mse"]) <= 1e-5 * mse, (phase.name, mse, m["test"]["hand"]["mse"])
            # angular endpoint error: endpoints are the mean position over the last 20 bins
            pe, te = out[:, -20:, :].mean(axis=1), tgt[:, -20:, :].mean(axis=1)
            cos = (pe * te).sum(axis=1) / np.linalg.norm(pe, axis=1) / np.linalg.norm(te, axis=1)
            angle = np.degrees(np.arccos(np.clip(cos, -1, 1))).mean()
            assert abs(angle - m["test"]["hand"]["angularErrorDegrees"]) <= 1e-6 * max(1, angle), (phase.name, angle)
            assert np.load(t / "target_ids.npy").dtype == np.int32
            if len((phase / "loss.csv").read_text().splitlines()) > 1:
                loss = np.loadtxt(phase / "loss.csv", delimiter=",", skiprows=1, ndmin=2)
                assert loss.shape == (m["updates"], 7), loss.shape
        # change in activity (MODEL.md 6) from the saved rates: PSTHs over go-6 .. go+5
        def psth(phase, module):
            t = run / "phases" / phase / "test"
            rates = np.load(t / f"rates_{module}.npy").astype(np.float64)
            ids, go = np.load(t / "target_ids.npy"), np.load(t / "go_bins.npy")
            windows = np.stack([rates[n, go[n] - 6:go[n] + 6] for n in range(len(ids))])
            return np.stack([windows[ids == c].mean(axis=0) for c in range(4)])
        analysis = json.loads((run / "analysis" / "initial-vs-Hlocal.json").read_text())
        for module in ("PMd", "M1"):
            before, after = psth("initial", module), psth("Hlocal", module)
            sigma = before.reshape(-1, before.shape[2]).std(axis=0)
            change = np.median(np.abs(after - before) / sigma) * 100
            reported = analysis["activityChangePercent"][module]
            assert abs(change - reported) <= 1e-6 * max(1, change), (module, change, reported)
            c0 = np.cov(before.reshape(-1, before.shape[2]), rowvar=False).ravel()
            c1 = np.cov(after.reshape(-1, after.shape[2]), rowvar=False).ravel()
            cov = 1 - np.corrcoef(c0, c1)[0, 1]
            assert abs(cov - analysis["covarianceChange"][module]) <= 1e-6, (module, cov, analysis["covarianceChange"][module])
        print(loaded)
        """);
    Process p = new ProcessBuilder("python3", script.toString(), folder.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(Integer.parseInt(output.trim()) > 40, output);
  }

  @Test
  void aPhaseWhoseLossDivergesIsWarnedAboutInTheManifestAndTheProgress() {
    Path folder = dir.resolve("diverging");
    List<String> messages = new ArrayList<>();
    ProgressListener listen = new ProgressListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    // a learning rate of 1000 throws the weights far enough to make the loss grow without overflowing
    RunResult result = run(TinyExperiments.experiment(6, 1000, 0), RunOptions.into(folder).withProgress(listen));
    assertEquals(RunStatus.COMPLETED, result.status(), result::toString);
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    List<String> warnings = new ArrayList<>();
    manifest.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
    // the initial phase diverges (the adaptations that start from its weights may too)
    assertFalse(warnings.isEmpty());
    assertTrue(warnings.get(0).startsWith("phase initial: the loss grew from "), warnings::toString);
    assertTrue(warnings.get(0).endsWith(", so training diverged; lower the learning rate (lr) or clip the gradient norm (clip)"),
        warnings::toString);
    assertTrue(messages.contains("warning: " + warnings.get(0)), messages::toString);
    assertEquals(warnings, result.warnings());
    String report = assertDoesNotThrow(() -> Files.readString(folder.resolve("report.html")));
    assertTrue(report.contains("<p class=\"warning\">warning: phase initial: the loss grew from "), "the report shows it");

    // killed after the phases were published but before the manifest recorded the warnings: a resume
    // derives them again from the loss curves, once each
    JsonObject stopped = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    stopped.addProperty("status", "running");
    stopped.add("warnings", new com.google.gson.JsonArray());
    Json.write(folder.resolve("manifest.json"), stopped);
    RunResult resumed = run(TinyExperiments.experiment(6, 1000, 0), RunOptions.into(folder).resuming());
    assertEquals(RunStatus.COMPLETED, resumed.status(), resumed::toString);
    assertEquals(warnings, resumed.warnings());
  }

  @Test
  void anExistingRunFolderIsNeverOverwritten() throws IOException {
    Path folder = dir.resolve("run");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("notes.txt"), "mine");
    RunException e = assertThrows(RunException.class, () -> run(TinyExperiments.standard(), RunOptions.into(folder)));
    assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("--out")
        && e.getMessage().contains("--resume"), e.getMessage());
    assertEquals(List.of("notes.txt"), RunFolders.files(folder));
  }

  @Test
  void resumingAFolderThatDoesNotExistIsAnError() {
    Path folder = dir.resolve("missing");
    RunException e = assertThrows(RunException.class,
        () -> run(TinyExperiments.standard(), RunOptions.into(folder).resuming()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aFileThatCannotBeWrittenFailsTheRunSayingWhichInsteadOfEscaping() {
    Path folder = dir.resolve("disk-full");
    // The progress listener is called inside the run, after the first checkpoint: an I/O failure there
    // stands for a write that fails (a full disk).
    ProgressListener diskFull = new ProgressListener() {
      @Override
      public void message(String text) {
        if (text.startsWith("checkpoint")) {
          throw new java.io.UncheckedIOException("cannot write " + folder.resolve("phases/x.npy"),
              new IOException("No space left on device"));
        }
      }
    };
    RunResult result = run(TinyExperiments.standard(), RunOptions.into(folder).withProgress(diskFull));
    assertEquals(RunStatus.FAILED, result.status());
    assertTrue(result.resumable(), "once the disk has room, --resume finishes it");
    assertTrue(result.error().contains("x.npy") && result.error().contains("No space left on device"), result.error());
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    assertEquals("failed", manifest.get("status").getAsString());
    assertTrue(manifest.get("error").getAsString().contains("No space left on device"));
  }

  @Test
  void resumingWithADifferentExperimentIsRefused() {
    Path folder = dir.resolve("run");
    ProgressListener stopAtOnce = new ProgressListener() {
      @Override
      public boolean cancelRequested() {
        return true;
      }
    };
    assertEquals(RunStatus.CANCELLED, run(TinyExperiments.standard(), RunOptions.into(folder).withProgress(stopAtOnce)).status());
    RunException e = assertThrows(RunException.class,
        () -> run(TinyExperiments.standard().withSeed(8), RunOptions.into(folder).resuming()));
    assertEquals("cannot resume " + folder + ": the experiment differs from the one it was started with (seed: 7 then, 8 now); "
        + "run it into a new folder with --out instead", e.getMessage());
  }

  @Test
  void aSpecReformattedOrCommentedSinceTheStartStillResumes() {
    Path folder = dir.resolve("run");
    ProgressListener stopAtOnce = new ProgressListener() {
      @Override
      public boolean cancelRequested() {
        return true;
      }
    };
    Experiment started = TinyExperiments.standard();
    assertEquals(RunStatus.CANCELLED, run(started, RunOptions.into(folder).withProgress(stopAtOnce)).status());
    Experiment commented = new Experiment(started.name(), "a doc comment written since", started.seed(), started.precision(),
        started.network(), started.task(), started.perturbations(), started.loss(), started.phases(), started.analyses(),
        started.checkpointEvery(), "// a comment\n" + started.source(), "another hash", started.parameters());
    assertEquals(RunStatus.COMPLETED, run(commented, RunOptions.into(folder).resuming()).status());
  }

  @Test
  void aRunInterruptedAfterItsPhasesRedoesOnlyTheAnalysesAndSummary() throws IOException {
    Path folder = dir.resolve("copy");
    for (String f : RunFolders.files(completed)) {
      if (!f.startsWith("analysis") && !f.equals("summary.json")) {
        Files.createDirectories(folder.resolve(f).getParent());
        Files.copy(completed.resolve(f), folder.resolve(f));
      }
    }
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    manifest.addProperty("status", "running");
    Json.write(folder.resolve("manifest.json"), manifest);
    List<String> messages = new ArrayList<>();
    ProgressListener log = new ProgressListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }

      @Override
      public void phaseStarted(String phase, int updates) {
        messages.add("started " + phase);
      }
    };
    RunResult resumed = run(TinyExperiments.standard(), RunOptions.into(folder).resuming().withProgress(log));
    assertEquals(RunStatus.COMPLETED, resumed.status());
    assertTrue(messages.stream().noneMatch(m -> m.startsWith("started")), messages.toString());
    RunFolders.assertSameResults(completed, folder);
  }

  @Test
  void resumingACompletedRunStoppedBeforeItsReportDrawsOnlyTheReport() throws IOException {
    Path folder = dir.resolve("no-report");
    for (String f : RunFolders.files(completed)) {
      if (!f.equals(Report.FILE_NAME) && !f.startsWith("report/")) {
        Files.createDirectories(folder.resolve(f).getParent());
        Files.copy(completed.resolve(f), folder.resolve(f));
      }
    }
    byte[] manifestBefore = Files.readAllBytes(folder.resolve("manifest.json"));
    List<String> messages = new ArrayList<>();
    ProgressListener log = new ProgressListener() {
      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    RunResult resumed = run(TinyExperiments.standard(), RunOptions.into(folder).resuming().withProgress(log));
    assertEquals(RunStatus.COMPLETED, resumed.status());
    assertTrue(Files.isRegularFile(folder.resolve(Report.FILE_NAME)), messages.toString());
    assertTrue(Files.readString(folder.resolve(Report.FILE_NAME)).contains("<span class=\"status completed\">completed</span>"));
    assertTrue(messages.contains("writing report.html"), messages.toString());
    assertArrayEquals(manifestBefore, Files.readAllBytes(folder.resolve("manifest.json")), "a completed run's manifest is not rewritten");
    RunFolders.assertSameResults(completed, folder);

    // With its report in place, resuming a completed run draws nothing.
    messages.clear();
    run(TinyExperiments.standard(), RunOptions.into(folder).resuming().withProgress(log));
    assertFalse(messages.contains("writing report.html"), messages.toString());
  }

  @Test
  void aFolderInUseByALiveRunIsNotTouched() throws IOException {
    Path folder = dir.resolve("busy");
    Files.createDirectories(folder);
    try (RunLock held = RunLock.acquire(folder)) {
      RunException e = assertThrows(RunException.class,
          () -> run(TinyExperiments.standard(), RunOptions.into(folder).resuming()));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    assertEquals(List.of(RunLock.FILE), RunFolders.files(folder));
  }

  @Test
  void aDivergingLossFailsTheRunNamingPhaseAndUpdate() {
    Path folder = dir.resolve("run");
    RunResult result = run(TinyExperiments.experiment(6, 1e30, 1), RunOptions.into(folder));
    assertEquals(RunStatus.FAILED, result.status());
    assertFalse(result.resumable(), "resuming would replay the same updates into the same overflow");
    assertTrue(result.error().contains("initial") && result.error().contains("update"), result.error());
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    assertEquals("failed", manifest.get("status").getAsString());
    assertEquals(result.error(), manifest.get("error").getAsString());
    assertEquals("failed", manifest.getAsJsonObject("phases").get("initial").getAsString());
    assertFalse(Files.exists(folder.resolve("phases/initial")), "a failed phase is not presented as complete");
    JsonObject checkpoint = Json.read(folder.resolve("checkpoint/checkpoint.json")).getAsJsonObject();
    assertTrue(checkpoint.get("nextUpdate").getAsInt() >= 1, "the last good checkpoint is kept");
  }

  @Test
  void aCancelledRunIsMarkedCancelledAndResumesToTheSameResult() throws IOException {
    Path folder = dir.resolve("cancelled");
    ProgressListener cancelAfterThree = new ProgressListener() {
      int updates;

      @Override
      public void updateFinished(String phase, int update, int total, double loss, double seconds) {
        updates++;
      }

      @Override
      public boolean cancelRequested() {
        return updates >= 3;
      }
    };
    RunResult cancelled = run(TinyExperiments.standard(), RunOptions.into(folder).withProgress(cancelAfterThree));
    assertEquals(RunStatus.CANCELLED, cancelled.status());
    assertTrue(cancelled.resumable());
    JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    assertEquals("cancelled", manifest.get("status").getAsString());
    assertFalse(Files.exists(folder.resolve("phases/initial")), "an unfinished phase is not presented as complete");
    assertFalse(Files.exists(folder.resolve("summary.json")));

    RunResult resumed = run(TinyExperiments.standard(), RunOptions.into(folder).resuming());
    assertEquals(RunStatus.COMPLETED, resumed.status());
    assertEquals(1, Json.read(folder.resolve("manifest.json")).getAsJsonObject().getAsJsonArray("resumed").size());
    RunFolders.assertSameResults(completed, folder);
  }

  private static boolean pythonWithNumpy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.MotorLearn;
import org.motorlearn.runtime.spec.Experiment;

/** {@link RunOptions#withReusedPhase}: a completed phase taken from another run folder instead of being trained. */
class PhaseReuseTest {

  @TempDir
  static Path shared;

  /** A completed run of the standard tiny experiment: the source of every reuse below. */
  private static Path source;

  @TempDir
  Path dir;

  @BeforeAll
  static void trainSource() {
    source = shared.resolve("source");
    assertTrue(MotorLearn.run(TinyExperiments.standard(), RunOptions.into(source).withThreads(1)).completed());
  }

  @Test
  void aReusedPhaseIsNotTrainedAndTheRunEndsBitwiseAsIfItHadBeen() throws IOException {
    Path folder = dir.resolve("reusing");
    List<String> started = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    ProgressListener record = new ProgressListener() {
      @Override
      public void phaseStarted(String phase, int updates) {
        started.add(phase);
      }

      @Override
      public void message(String text) {
        messages.add(text);
      }
    };
    RunResult result = MotorLearn.run(TinyExperiments.standard(),
        RunOptions.into(folder).withThreads(1).withProgress(record).withReusedPhase("initial", source));

    assertTrue(result.completed());
    assertEquals(List.of("Hinput", "Hlocal", "null"), started);
    assertEquals(List.of("phase initial: reused from " + source.toAbsolutePath().normalize()),
        messages.stream().filter(m -> m.startsWith("phase initial")).toList(), "the reuse is announced once");
    RunFolders.assertSameResults(source, folder);
    Path weights = Path.of("phases", "initial", "weights", "M1.recurrent.npy");
    assertTrue(Files.isSameFile(source.resolve(weights), folder.resolve(weights)), "hard-linked, not copied");
    @SuppressWarnings("unchecked")
    Map<String, Object> manifest = (Map<String, Object>) Json.toPlain(Json.read(folder.resolve("manifest.json")));
    @SuppressWarnings("unchecked")
    Map<String, Object> reused = (Map<String, Object>) ((Map<String, Object>) manifest.get("reusedPhases")).get("initial");
    assertEquals(source.toAbsolutePath().normalize().toString(), reused.get("from"));
    assertEquals(Json.read(source.resolve("manifest.json")).getAsJsonObject().get("threadLayout").getAsString(),
        reused.get("threadLayout"));
    assertEquals("completed", ((Map<?, ?>) manifest.get("phases")).get("initial"));
  }

  @Test
  void settingsThatDoNotShapeThePhaseDoNotPreventTheReuse() {
    // the checkpoint interval changes when files are written, never the bits
    Experiment otherCheckpoints = TinyExperiments.experiment(6, 1e-2, 2);
    assertTrue(MotorLearn.run(otherCheckpoints,
        RunOptions.into(dir.resolve("run")).withThreads(1).withReusedPhase("initial", source)).completed());
  }

  @Test
  void aDifferentPhaseDefinitionIsRefusedBeforeAnythingIsWritten() {
    Path folder = dir.resolve("run");
    RunException e = assertThrows(RunException.class, () -> MotorLearn.run(TinyExperiments.experiment(5, 1e-2, 0),
        RunOptions.into(folder).withReusedPhase("initial", source)));
    assertEquals("cannot reuse phase initial from " + source.toAbsolutePath().normalize() + ": the phase's definition differs,"
        + " so its results would differ from training it here; run the phase instead of reusing it", e.getMessage());
    assertFalse(Files.exists(folder));
  }

  @Test
  void aDifferentSeedIsRefused() {
    RunException e = assertThrows(RunException.class, () -> MotorLearn.run(TinyExperiments.standard().withSeed(8),
        RunOptions.into(dir.resolve("run")).withReusedPhase("initial", source)));
    assertTrue(e.getMessage().contains(": its seed differs, so"), e.getMessage());
  }

  @Test
  void aLaterPhaseIsReusedOnlyIfThePhasesItStartsFromAreTheSame() {
    // Hlocal of the source starts from an initial phase of 6 updates; here initial has 5
    RunException e = assertThrows(RunException.class, () -> MotorLearn.run(TinyExperiments.experiment(5, 1e-2, 0),
        RunOptions.into(dir.resolve("run")).withReusedPhase("Hlocal", source)));
    assertTrue(e.getMessage().contains(": the definition of phase initial it starts from differs, so"), e.getMessage());
  }

  @Test
  void aSourceWithoutTheCompletedPhaseIsRefused() throws IOException {
    Path unfinished = dir.resolve("unfinished");
    ProgressListener stopAtOnce = new ProgressListener() {
      @Override
      public boolean cancelRequested() {
        return true;
      }
    };
    MotorLearn.run(TinyExperiments.standard(), RunOptions.into(unfinished).withProgress(stopAtOnce));
    RunException e = assertThrows(RunException.class, () -> MotorLearn.run(TinyExperiments.standard(),
        RunOptions.into(dir.resolve("run")).withReusedPhase("initial", unfinished)));
    assertEquals("cannot reuse phase initial from " + unfinished.toAbsolutePath().normalize() + ": the phase is not complete"
        + " there (no folder phases/initial); run or resume that run first", e.getMessage());
    RunException notARun = assertThrows(RunException.class, () -> MotorLearn.run(TinyExperiments.standard(),
        RunOptions.into(dir.resolve("run2")).withReusedPhase("initial", dir)));
    assertTrue(notARun.getMessage().endsWith("it has no manifest.json, so it is not a MotorLearn run folder"),
        notARun.getMessage());
  }

  @Test
  void aResumeAcceptsTheRecordedDefinitionWithItsMapsInAnotherOrder() throws IOException {
    // a resume runs in another JVM, where Map.copyOf iterates the parameters in another order
    Experiment twoParameters = Experiment.builder("TinyVR30").seed(7).network(TinyExperiments.network())
        .task(TinyExperiments.task()).loss(new org.motorlearn.runtime.spec.LossSpec(10, 1e-3,
            org.motorlearn.runtime.spec.LossSpec.WeightNorm.FROBENIUS, 0.8)).phase(TinyExperiments.standard().phase("initial"))
        .parameters(Map.of("a", 1.0, "b", 2.0)).build();
    Path folder = dir.resolve("run");
    ProgressListener stopAtOnce = new ProgressListener() {
      @Override
      public boolean cancelRequested() {
        return true;
      }
    };
    MotorLearn.run(twoParameters, RunOptions.into(folder).withProgress(stopAtOnce));
    com.google.gson.JsonObject manifest = Json.read(folder.resolve("manifest.json")).getAsJsonObject();
    com.google.gson.JsonObject parameters = manifest.getAsJsonObject("definition").getAsJsonObject("parameters");
    com.google.gson.JsonObject reversed = new com.google.gson.JsonObject();
    List<String> names = new ArrayList<>(parameters.keySet());
    java.util.Collections.reverse(names);
    names.forEach(n -> reversed.add(n, parameters.get(n)));
    manifest.getAsJsonObject("definition").add("parameters", reversed);
    Json.write(folder.resolve("manifest.json"), manifest);

    assertTrue(MotorLearn.run(twoParameters, RunOptions.into(folder).resuming()).completed());
  }
}

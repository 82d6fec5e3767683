package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.runtime.run.Json;

/** {@code motorlearn run}: exit codes, overrides, sweeps validated before anything runs, the summary, resume. */
class RunCommandTest {

  @TempDir
  Path folder;

  /** Trains a few updates of a tiny network, adapts it and analyses it: a second or two. */
  static final String TINY = """
      experiment Tiny {
        network N {
          dt 10 ms
          module A { units 6 }
          module B { units 6 }
          input cue (3) -> A
          connect A -> B
          readout hand position (2) from B
        }
        task T { targets 4 trial 40 bins cue at bin 5..8 go at bin 20 movement 15 bins train 16 test 8 }
        perturbation R = rotation 30 deg
        loss { mse from bin 5 }
        phase initial { plastic all adam lr 1e-2 updates 3 batch 4 }
        phase adapt from initial under R { plastic B.recurrent, A -> B adam lr 1e-3 updates 2 batch 2 }
        phase null from initial under R { evaluate only }
        analysis { compare initial with adapt, null window -100 ms .. 100 ms metrics behaviour, activity, covariance, weights, dimensionality }
      }
      """;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  private List<Path> runFolders(String out) throws IOException {
    Path runs = folder.resolve(out);
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.sorted().toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) {
    return (Map<String, Object>) Json.toPlain(Json.read(file));
  }

  @Test
  void aRunCompletesIntoATimestampedFolderUnderRunsAndPrintsItsSummary() throws IOException {
    write("tiny.motor", TINY);
    CliRun run = CliRun.in(folder, "run", "tiny.motor");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<Path> runs = runFolders(RunCommand.DEFAULT_OUT);
    assertEquals(1, runs.size(), runs::toString);
    Path runFolder = runs.get(0);
    assertTrue(runFolder.getFileName().toString().matches("Tiny-\\d{8}-\\d{6}"), runFolder::toString);
    Map<String, Object> manifest = json(runFolder.resolve("manifest.json"));
    assertEquals("completed", manifest.get("status"));
    assertEquals(List.of("motorlearn", "run", "tiny.motor"), manifest.get("commandLine"));

    Map<String, Object> metrics = (Map<String, Object>) json(runFolder.resolve("summary.json")).get("metrics");
    String rmse = String.format(Locale.ROOT, "%.3f", ((Number) metrics.get("phases/adapt/test/hand/rmse")).doubleValue());
    String activity = String.format(Locale.ROOT, "%.2f",
        ((Number) metrics.get("analyses/initial-vs-adapt/activityChangePercent/B")).doubleValue());
    String pr = String.format(Locale.ROOT, "%.2f",
        ((Number) metrics.get("analyses/initial-vs-adapt/participationRatio/B.recurrent")).doubleValue());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.contains("phase    updates  final loss  test RMSE (cm)  angular error (deg)"), run::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("adapt\\s+2\\s+\\S+\\s+" + rmse.replace(".", "\\.") + "\\s+\\S+")), run::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("null\\s+0\\s+-\\s+\\S+\\s+\\S+")), run::toString);
    assertTrue(lines.contains("comparison        module  activity change (%)  covariance change"), run::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("initial vs adapt  B ") && l.contains(" " + activity + " ")), run::toString);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("initial vs adapt  B.recurrent") && l.endsWith(" " + pr)), run::toString);
    assertTrue(lines.contains("run folder: runs/" + runFolder.getFileName()), run::toString);
    assertTrue(run.err().contains("phase initial: 3 updates"), run::toString);
  }

  @Test
  void setAndSeedOverrideParametersAndAreRecorded() throws IOException {
    write("tiny.motor", TINY);
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--out", "out", "--set", "initial.updates=4", "--set", "N.B.units=5",
        "--seed", "11");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    Map<String, Object> manifest = json(runFolders("out").get(0).resolve("manifest.json"));
    Map<?, ?> parameters = (Map<?, ?>) manifest.get("parameters");
    assertEquals(4.0, ((Number) parameters.get("initial.updates")).doubleValue());
    assertEquals(5.0, ((Number) parameters.get("N.B.units")).doubleValue());
    assertEquals(11L, ((Number) manifest.get("seed")).longValue());
  }

  @Test
  void aSetValueIsCheckedByTheLanguagesRulesAndTheRuntimesBeforeAnythingRuns() throws IOException {
    // the language's rules, as `check` would say them of 'tau 15 ms' (a warning: the run goes ahead)
    write("tiny.motor", TINY.replace("module A { units 6 }", "module A { units 6 tau 50 ms }"));
    CliRun coarse = CliRun.in(folder, "run", "tiny.motor", "--set", "N.A.tau=15", "--out", "coarse");
    assertEquals(ExitCode.OK, coarse.exitCode(), coarse::toString);
    assertTrue(coarse.err().contains("warning: experiment Tiny with N.A.tau=15: dt/tau = 0.667 (dt 10 ms, tau 15 ms) in module A is above 0.5"),
        coarse::toString);
    // an Euler step that overshoots: the runtime refuses it, written in the spec or not
    CliRun written = CliRun.in(folder, "run", "tiny.motor", "--set", "N.A.tau=2");
    assertEquals(ExitCode.SPEC_ERRORS, written.exitCode(), written::toString);
    assertTrue(written.err().contains("dt/tau = 5 (dt 10 ms, tau 2 ms) in module A is above 1"), written::toString);
    write("tiny.motor", TINY);
    CliRun unwritten = CliRun.in(folder, "run", "tiny.motor", "--set", "N.B.tau=2");
    assertEquals(ExitCode.SPEC_ERRORS, unwritten.exitCode(), unwritten::toString);
    assertTrue(unwritten.err().contains("dt/tau = 5 (dt 10 ms, tau 2 ms) in module B is above 1"), unwritten::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT));
  }

  @Test
  void anUnknownSetNameIsTwoWithASuggestionAndNothingRuns() throws IOException {
    write("tiny.motor", TINY);
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--set", "initial.update=4");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("error: experiment Tiny: unknown parameter 'initial.update'; did you mean 'initial.updates'?\n"
        + "known parameters:\n  experiment: checkpointEvery, seed\n"), run::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT));
  }

  @Test
  void aMalformedSetIsTwo() throws IOException {
    write("tiny.motor", TINY);
    CliRun noValue = CliRun.in(folder, "run", "tiny.motor", "--set", "initial.updates");
    assertEquals(ExitCode.USAGE, noValue.exitCode(), noValue::toString);
    assertEquals("error: --set initial.updates: expected name=value, e.g. --set initial.updates=50\n", noValue.err());
    CliRun withUnit = CliRun.in(folder, "run", "tiny.motor", "--set", "N.A.tau=20ms");
    assertEquals(ExitCode.USAGE, withUnit.exitCode(), withUnit::toString);
    assertEquals("error: --set N.A.tau=20ms: '20ms' is not a number; give the value without a unit, in the unit written at "
        + "the setting (tau 50 ms: --set Cortex.PMd.tau=20 means 20 ms)\n", withUnit.err());
    Files.createDirectories(folder.resolve("done/Tiny-1"));
    Files.writeString(folder.resolve("done/Tiny-1/manifest.json"), "{}");
    CliRun intoARun = CliRun.in(folder, "run", "tiny.motor", "--out", "done/Tiny-1/more");
    assertEquals(ExitCode.USAGE, intoARun.exitCode(), intoARun::toString);
    assertEquals("error: --out done/Tiny-1/more is inside the results of another run (done/Tiny-1); give a folder of its own, "
        + "e.g. --out runs\n", intoARun.err());
    CliRun twice = CliRun.in(folder, "run", "tiny.motor", "--set", "initial.updates=2", "--set", "initial.updates=1");
    assertEquals(ExitCode.USAGE, twice.exitCode(), twice::toString);
    assertEquals("error: --set initial.updates is given twice (2, then 1); give each parameter once\n", twice.err());
    CliRun huge = CliRun.in(folder, "run", "tiny.motor", "--set", "R.angle=1e400");
    assertEquals(ExitCode.USAGE, huge.exitCode(), huge::toString);
    assertEquals("error: --set R.angle=1e400: 1e400 is out of the range of numbers a run can use (at most about 1.8e308)\n",
        huge.err());
  }

  @Test
  void aSpecWithErrorsIsOneAndNothingRuns() throws IOException {
    write("broken.motor", TINY.replace("connect A -> B", "connect A -> Missing"));
    CliRun run = CliRun.in(folder, "run", "broken.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--> broken.motor:"), run::toString);
    assertTrue(run.err().contains("nothing was run"), run::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT));
  }

  @Test
  void everySweepPointIsBuiltBeforeAnythingRuns() throws IOException {
    // at point 1 the task has 5 targets, and a permutation of 4 is no re-association of them: the runtime
    // refuses to build that experiment, the validator's build check reports it, and nothing runs
    write("sweep.motor", TINY.replace("perturbation R = rotation 30 deg", "perturbation R = reassociation (1 2 3 0)")
        .replace("analysis {", "sweep T.targets in 4, 5\n  analysis {"));
    CliRun run = CliRun.in(folder, "run", "sweep.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.err().contains("error: sweep point 1 (T.targets=5): perturbation R: a permutation of 4 targets, but task T "
        + "has 5 [notRunnable]\n"), run::toString);
    assertTrue(run.err().contains("nothing was run"), run::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT), "no run folder may be created");
  }

  @Test
  void aSetValueThatBreaksASweepPointStopsTheRunBeforeAnything() throws IOException {
    // the spec is fine; --set T.targets=5 makes its 4-target re-association wrong at every point: the command
    // line's own build reports it once, naming the override
    write("sweep.motor", TINY.replace("perturbation R = rotation 30 deg", "perturbation R = reassociation (1 2 3 0)")
        .replace("analysis {", "sweep seed 0..1\n  analysis {"));
    CliRun run = CliRun.in(folder, "run", "sweep.motor", "--set", "T.targets=5");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.err().contains("error: experiment Tiny with T.targets=5: perturbation R: a permutation of 4 targets, but "
        + "task T has 5\nnothing was run"), run::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT), "no run folder may be created");
  }

  @Test
  void aSweepPointTheValidatorRejectsStopsTheRunBeforeAnything() throws IOException {
    write("sweep.motor", TINY.replace("analysis {", "sweep initial.batch in 4, 8, 17\n  analysis {"));
    CliRun run = CliRun.in(folder, "run", "sweep.motor");
    assertEquals(ExitCode.SPEC_ERRORS, run.exitCode(), run::toString);
    assertTrue(run.err().contains("initial.batch = 17: batch 17 is larger than the training set"), run::toString);
    assertEquals(List.of(), runFolders(RunCommand.DEFAULT_OUT), "no run folder may be created");
  }

  @Test
  void aSweepRunsEveryPointIntoItsFolderAndResumeContinuesAMissingPoint() throws IOException {
    write("sweep.motor", TINY.replace("analysis {", "sweep seed 1..2\n  sweep N.B.units in 4, 5\n  analysis {"));
    CliRun run = CliRun.in(folder, "run", "sweep.motor", "--out", "out", "--set", "N.B.units=6");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.err().contains("note: N.B.units is set on the command line, so experiment Tiny is not swept over it"), run::toString);
    Path sweep = runFolders("out").get(0);
    assertTrue(Files.isRegularFile(sweep.resolve("sweep.json")));
    for (int k = 0; k < 2; k++) {
      Map<String, Object> manifest = json(sweep.resolve("point-" + k + "/manifest.json"));
      assertEquals("completed", manifest.get("status"));
      assertEquals(k + 1L, ((Number) manifest.get("seed")).longValue());
      assertEquals(6.0, ((Number) ((Map<?, ?>) manifest.get("parameters")).get("N.B.units")).doubleValue());
    }
    assertFalse(Files.exists(sweep.resolve("point-2")));
    assertTrue(run.out().contains("sweep of Tiny"), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("1\\s+seed=2\\s+completed\\s+.*")), run::toString);

    byte[] weights = Files.readAllBytes(sweep.resolve("point-1/phases/adapt/weights/B.recurrent.npy"));
    deleteTree(sweep.resolve("point-1"));

    // the folder's points are tabulated by collect (the finished ones), and --status says what it is
    String shown = "out/" + sweep.getFileName();
    CliRun collect = CliRun.in(folder, "collect", shown);
    assertEquals(ExitCode.OK, collect.exitCode(), collect::toString);
    assertTrue(collect.out().endsWith("wrote " + shown + "/table.csv\nwrote " + shown + "/table.md\nwrote " + shown
        + "/sweep-report.html\n1 of 2 points; not finished: point-1\n"), collect::toString);
    CliRun status = CliRun.in(folder, "sweep", "--status", shown);
    assertEquals(ExitCode.RUNTIME_FAILURE, status.exitCode(), status::toString);
    assertTrue(status.err().contains("holds a sweep that `motorlearn run` ran point by point, not one of `motorlearn sweep`"),
        status::toString);
    CliRun resumed = CliRun.in(folder, "run", "sweep.motor", "--resume", "out/" + sweep.getFileName());
    assertEquals(ExitCode.OK, resumed.exitCode(), resumed::toString);
    assertTrue(resumed.err().contains("resuming Tiny point 0 (seed=1) of 2"), resumed::toString);
    assertTrue(resumed.err().contains("running Tiny point 1 (seed=2) of 2"), resumed::toString);
    assertTrue(java.util.Arrays.equals(weights, Files.readAllBytes(sweep.resolve("point-1/phases/adapt/weights/B.recurrent.npy"))),
        "a rerun point reproduces its weights bit for bit");
  }

  @Test
  void experimentChoosesOneOfSeveralAndItsParameters() throws IOException {
    // Other has no phase 'adapt', so --set adapt.lr names no parameter of it: only with --experiment Tiny does it run
    String other = TINY.replace("experiment Tiny {", "experiment Other {")
        .replace("phase adapt from initial under R { plastic B.recurrent, A -> B adam lr 1e-3 updates 2 batch 2 }\n", "")
        .replace("compare initial with adapt, null", "compare initial with null");
    write("two.motor", TINY + other);
    CliRun both = CliRun.in(folder, "run", "two.motor", "--set", "adapt.lr=0.002");
    assertEquals(ExitCode.USAGE, both.exitCode(), both::toString);
    CliRun one = CliRun.in(folder, "run", "two.motor", "--experiment", "Tiny", "--set", "adapt.lr=0.002");
    assertEquals(ExitCode.OK, one.exitCode(), one::toString);
    assertEquals(1, runFolders(RunCommand.DEFAULT_OUT).size(), "only Tiny ran");
    assertTrue(runFolders(RunCommand.DEFAULT_OUT).get(0).getFileName().toString().startsWith("Tiny-"));
    CliRun misspelt = CliRun.in(folder, "run", "two.motor", "--experiment", "Tinny");
    assertEquals(ExitCode.USAGE, misspelt.exitCode(), misspelt::toString);
    assertEquals("error: --experiment Tinny: two.motor declares Tiny, Other; did you mean 'Tiny'?\n", misspelt.err());
  }

  @Test
  void resumeCannotTakeNewParameters() throws IOException {
    write("tiny.motor", TINY);
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--resume", "runs/x", "--seed", "2");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("error: --resume continues a run with the parameters and folder recorded in it; it cannot be combined with "
        + "--set, --seed, --out or --reuse\n", run.err());
    CliRun missing = CliRun.in(folder, "run", "tiny.motor", "--resume", "runs/x");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertEquals("error: --resume runs/x: no such run folder\n", missing.err());
  }

  @Test
  void reuseTakesACompletedPhaseFromAnEarlierRunWhenItsDefinitionAgrees() throws IOException {
    write("tiny.motor", TINY);
    assertEquals(ExitCode.OK, CliRun.in(folder, "run", "tiny.motor", "--out", "first").exitCode());
    Path first = runFolders("first").get(0);
    String source = "first/" + first.getFileName();

    // another adaptation of the same initial network: the initial phase is taken, not trained
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--out", "second", "--set", "adapt.lr=0.01", "--reuse", "initial=" + source);
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.err().contains("phase initial: 3 updates"), run::toString);
    Path second = runFolders("second").get(0);
    Map<?, ?> reused = (Map<?, ?>) json(second.resolve("manifest.json")).get("reusedPhases");
    assertEquals(List.of("initial"), List.copyOf(reused.keySet()), reused::toString);
    Path phase = Path.of("phases", "initial");
    try (Stream<Path> files = Files.walk(first.resolve(phase))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = second.resolve(phase).resolve(first.resolve(phase).relativize(file));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(copy)), copy::toString);
      }
    }

    // a different initial phase would give different weights, so it cannot be reused
    CliRun differs = CliRun.in(folder, "run", "tiny.motor", "--out", "third", "--set", "initial.updates=4", "--reuse",
        "initial=" + source);
    assertEquals(ExitCode.RUNTIME_FAILURE, differs.exitCode(), differs::toString);
    assertTrue(differs.err().contains("cannot reuse phase initial from " + first.toAbsolutePath().normalize() + ": the phase's "
        + "definition differs, so its results would differ from training it here; run the phase instead of reusing it"),
        differs::toString);
    assertFalse(Files.exists(folder.resolve("third")), "a refused run leaves no empty folder, neither its own nor --out's");
    // an --out folder that existed before stays, empty or not
    Files.createDirectories(folder.resolve("fourth"));
    CliRun intoExisting = CliRun.in(folder, "run", "tiny.motor", "--out", "fourth", "--set", "initial.updates=4", "--reuse",
        "initial=" + source);
    assertEquals(ExitCode.RUNTIME_FAILURE, intoExisting.exitCode(), intoExisting::toString);
    assertTrue(Files.isDirectory(folder.resolve("fourth")), "the user's --out folder stays");
    assertEquals(List.of(), runFolders("fourth"), "a refused run leaves no empty run folder");

    CliRun misspelt = CliRun.in(folder, "run", "tiny.motor", "--out", "fifth", "--reuse", "initil=" + source);
    assertEquals(ExitCode.USAGE, misspelt.exitCode(), misspelt::toString);
    assertEquals("error: --reuse initil=...: experiment Tiny has no phase initil; did you mean 'initial'? (its phases: initial, "
        + "adapt, null)\n", misspelt.err());
    assertFalse(Files.exists(folder.resolve("fifth")), "refused before any folder is made");

    CliRun malformed = CliRun.in(folder, "run", "tiny.motor", "--reuse", "initial");
    assertEquals(ExitCode.USAGE, malformed.exitCode(), malformed::toString);
    assertEquals("error: --reuse initial: write PHASE=RUN_DIR, e.g. --reuse initial=runs/Feulner2022_VR30-20261128-084047\n",
        malformed.err());
    CliRun missing = CliRun.in(folder, "run", "tiny.motor", "--reuse", "initial=runs/none");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertEquals("error: --reuse initial=runs/none: no such run folder runs/none\n", missing.err());
    Files.createDirectories(folder.resolve("notarun"));
    CliRun notARun = CliRun.in(folder, "run", "tiny.motor", "--reuse", "initial=notarun");
    assertEquals(ExitCode.USAGE, notARun.exitCode(), notARun::toString);
    assertEquals("error: --reuse initial=notarun: notarun is not a run folder (it has no manifest.json); name the folder of"
        + " the run that trained initial\n", notARun.err());
    assertFalse(Files.exists(folder.resolve(RunCommand.DEFAULT_OUT)), "nothing is created for a refused command line");
  }

  @Test
  void aFailedRunIsThreeAndNamesThePhaseAndUpdate() throws IOException {
    write("tiny.motor", TINY);
    // a learning rate of 1e20 throws the weights so far that the float32 loss overflows at once
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--set", "initial.lr=1e20");
    assertEquals(ExitCode.RUNTIME_FAILURE, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Tiny: failed in "), run::toString);
    assertTrue(run.err().contains("error: 1 run failed:"), run::toString);
    assertTrue(run.err().contains("phase initial, update "), run::toString);
    // resuming would replay the same updates into the same overflow
    assertFalse(run.out().contains("--resume"), run::toString);
    assertTrue(run.out().contains("the same settings fail the same way: change them (--set, or the spec) and start a new run"),
        run::toString);
    assertEquals("failed", json(runFolders(RunCommand.DEFAULT_OUT).get(0).resolve("manifest.json")).get("status"));
  }

  @Test
  void aRunWhoseTrainingDivergedCompletesWithAWarningInItsSummary() throws IOException {
    write("tiny.motor", TINY);
    // a learning rate of 1000 makes the loss grow by orders of magnitude without overflowing
    CliRun run = CliRun.in(folder, "run", "tiny.motor", "--set", "initial.lr=1000");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    String warning = "warning: phase initial: the loss grew from ";
    assertTrue(run.err().contains(warning), "printed when it happens: " + run);
    assertTrue(run.out().contains(warning), "and again in the summary: " + run);
    assertTrue(run.out().contains("so training diverged; lower the learning rate (lr) or clip the gradient norm (clip)"), run::toString);
  }

  @Test
  void aFileWithoutExperimentsIsTwo() throws IOException {
    write("lib.motor", "task T { targets 8 }\n");
    CliRun run = CliRun.in(folder, "run", "lib.motor");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals("error: lib.motor declares no experiment, only parts for other specs to import; run a file with an "
        + "'experiment' block\n", run.err());
  }
}

package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.motorlearn.runtime.analysis.AnalysisInput;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.engine.NonFiniteLossException;
import org.motorlearn.runtime.engine.OptimizerState;
import org.motorlearn.runtime.engine.Simulator;
import org.motorlearn.runtime.engine.BlasEnvironment;
import org.motorlearn.runtime.engine.ThreadLayout;
import org.motorlearn.runtime.engine.Trainer;
import org.motorlearn.runtime.engine.UpdateResult;
import org.motorlearn.runtime.engine.Weights;
import org.motorlearn.runtime.io.NpyException;
import org.motorlearn.runtime.report.Report;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.task.Perturbations;
import org.motorlearn.runtime.task.TaskData;
import org.motorlearn.runtime.task.Tasks;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs one experiment into one run folder: phases in order (train, checkpoint, evaluate, publish),
 * then the analyses and the summary; keeps the manifest's status true at every moment. Behind
 * {@link org.motorlearn.runtime.MotorLearn#run}.
 */
public final class Runner {

  private final Experiment experiment;
  private final RunOptions options;
  private final RunFolder folder;
  private final ProgressListener progress;
  private final RandomStreams streams;
  /** Phases this run takes from other runs (PhaseReuse announces them itself). */
  private final java.util.Set<String> reusedHere;
  private final Map<String, Weights> finalWeights = new LinkedHashMap<>();
  private final Map<String, OptimizerState> finalOptimizers = new LinkedHashMap<>();
  private final Map<String, PhaseResult> results = new LinkedHashMap<>();
  private Manifest manifest;

  /** What a finished phase leaves for the analyses and the summary. */
  private record PhaseResult(PhaseSpec phase, AnalysisInput.Phase analysis, Map<String, Object> metrics) {}

  /** Thrown between updates when the listener asks to stop. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled(String where) {
      super("cancelled " + where);
    }
  }

  public Runner(Experiment experiment, RunOptions options) {
    this.experiment = experiment;
    this.options = options;
    this.folder = new RunFolder(options.runFolder());
    this.progress = options.progress();
    this.streams = new RandomStreams(experiment.seed());
    this.reusedHere = options.reusedPhases().stream().map(RunOptions.ReusedPhase::phase).collect(java.util.stream.Collectors.toSet());
  }

  public RunResult run() {
    experiment.requireTaskShape();
    PhaseReuse reuse = PhaseReuse.verify(experiment, options.reusedPhases());
    prepareFolder();
    try (RunLock lock = RunLock.acquire(folder.root())) {
      return runLocked(reuse);
    }
  }

  private RunResult runLocked(PhaseReuse reuse) {
    String layout = ThreadLayout.apply(options.threads()).describe();
    BlasEnvironment.warning().ifPresent(w -> progress.message("warning: " + w));
    ThreadLayout.oversubscription(options.threads()).ifPresent(w -> progress.message("warning: " + w));
    if (options.resume()) {
      manifest = Manifest.read(folder.manifest());
      manifest.requireSameExperiment(experiment);
      if (manifest.status() == RunStatus.COMPLETED) {
        // The report is drawn after the manifest says "completed": a run stopped in between lacks it.
        boolean reportMissing = !Files.exists(folder.root().resolve(Report.FILE_NAME));
        progress.message("run " + folder.root() + " is already complete; "
            + (reportMissing ? "only its report.html is missing" : "nothing to resume"));
        if (reportMissing) {
          writeReport();
        }
        return result(RunStatus.COMPLETED, null, readSummaryMetrics());
      }
      if (!manifest.threadLayout().equals(layout)) {
        progress.message("warning: this run started with thread layout '" + manifest.threadLayout() + "' and continues with '"
            + layout + "'; the results will not be bitwise identical to an uninterrupted run");
      }
      AtomicFiles.deleteTemporaries(folder.root());
      manifest.resumed(layout, options.commandLine());
    } else {
      manifest = Manifest.start(folder.manifest(), experiment, layout, options.commandLine());
    }
    manifest.write();
    MemoryCheck.reportDisk(experiment, folder.root(), progress);
    try {
      reuse.linkInto(folder, manifest, layout, progress);
      manifest.write();
      Map<String, Object> headline = runPhasesAndAnalyses();
      manifest.end(RunStatus.COMPLETED, null);
      manifest.write();
      writeReport();
      return result(RunStatus.COMPLETED, null, headline);
    } catch (Cancelled e) {
      manifest.end(RunStatus.CANCELLED, null);
      manifest.write();
      writeReport();
      // the caller says how to continue (RunResult.resumable): a point of a sweep continues with its sweep
      progress.message("run " + e.getMessage() + "; its checkpoint is kept");
      return result(RunStatus.CANCELLED, null, Map.of());
    } catch (NonFiniteLossException e) {
      manifest.end(RunStatus.FAILED, e.getMessage());
      manifest.write();
      writeReport();
      return result(RunStatus.FAILED, e.getMessage(), Map.of());
    } catch (NpyException | UncheckedIOException e) {
      // A file that could not be written or read (a full disk, a vanished folder): the run failed for
      // a reason outside MotorLearn, and the message names the file; what was written stays valid.
      String error = e instanceof UncheckedIOException u && u.getCause() != null
          ? e.getMessage() + " (" + u.getCause().getMessage() + ")" : e.getMessage();
      manifest.end(RunStatus.FAILED, error);
      manifest.write();
      writeReport();
      return result(RunStatus.FAILED, error, Map.of(), true);
    } catch (RuntimeException | Error e) {
      manifest.end(RunStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
      manifest.write();
      throw e;
    }
  }

  /**
   * report.html shows whatever the folder holds, with the run's status at the top. It is derived
   * data (regenerate it with Report.write), so a failure to draw it is a warning, never a lost run.
   */
  private void writeReport() {
    progress.message("writing report.html");
    try {
      Report.write(folder.root());
    } catch (RuntimeException e) {
      progress.message("warning: report.html could not be written (" + e.getMessage() + "); the run's data are complete;"
          + " draw it again with `motorlearn report " + folder.root() + "`");
    }
  }

  /** Records (once) and prints a warning when the phase's training diverged. */
  private void warnIfDiverged(PhaseSpec phase, List<LossRow> rows) {
    Optional<String> warning = Divergence.of(phase.name(), rows);
    if (warning.isPresent() && manifest.warning(warning.get())) {
      progress.message("warning: " + warning.get());
    }
  }

  private RunResult result(RunStatus status, String error, Map<String, Object> metrics) {
    return result(status, error, metrics, status == RunStatus.CANCELLED);
  }

  private RunResult result(RunStatus status, String error, Map<String, Object> metrics, boolean resumable) {
    return new RunResult(folder.root(), status, error, metrics, manifest.warnings(), resumable);
  }

  /** A new run needs a fresh (or empty) folder; a resumed one needs an existing run folder. */
  private void prepareFolder() {
    Path root = folder.root();
    if (options.resume()) {
      if (!Files.isDirectory(root)) {
        throw new RunException("cannot resume: the run folder " + root + " does not exist; start a new run instead");
      }
      return;
    }
    if (Files.exists(root) && !isEmptyFolder(root)) {
      throw new RunException("the run folder " + root + " already exists and is never overwritten; choose another with --out, or"
          + " continue it with --resume " + root);
    }
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the run folder " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyFolder(Path root) {
    if (!Files.isDirectory(root)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private Map<String, Object> runPhasesAndAnalyses() {
    TaskData data = Tasks.generate(experiment.task(), streams, options.specFolder(), experiment.precision());
    Checkpoint checkpoint = options.resume() ? Checkpoint.read(folder.checkpoint()) : null;
    for (PhaseSpec phase : experiment.phases()) {
      Path phaseFolder = folder.phase(RunFolder.fileName(phase.name()));
      TrialSet train = underPerturbation(phase, data.train());
      TrialSet test = underPerturbation(phase, data.test());
      if (Files.isDirectory(phaseFolder)) {
        restoreCompleted(phase, phaseFolder, test);
      } else {
        Checkpoint own = checkpoint != null && checkpoint.phase().equals(phase.name()) ? checkpoint : null;
        runPhase(phase, phaseFolder, train, test, own);
      }
    }
    Map<String, Object> analyses = runAnalyses();
    Map<String, Object> headline = writeSummary(analyses);
    deleteCheckpoint();
    return headline;
  }

  private TrialSet underPerturbation(PhaseSpec phase, TrialSet trials) {
    Perturbation p = perturbation(phase);
    if (p == null || p.appliesTo() != Perturbation.AppliesTo.TARGETS) {
      return trials;
    }
    return Perturbations.apply(p, trials, experiment.task().targets());
  }

  private Perturbation perturbation(PhaseSpec phase) {
    return phase.perturbation() == null ? null : experiment.perturbation(phase.perturbation());
  }

  private Perturbation outputPerturbation(PhaseSpec phase) {
    Perturbation p = perturbation(phase);
    return p != null && p.appliesTo() == Perturbation.AppliesTo.OUTPUT ? p : null;
  }

  /**
   * A phase already complete in the run folder (before an interruption, or reused from another run):
   * its outputs stay, its weights feed later phases.
   */
  private void restoreCompleted(PhaseSpec phase, Path phaseFolder, TrialSet test) {
    if (!reusedHere.contains(phase.name())) {
      progress.message("phase " + phase.name() + " was completed before; keeping its outputs");
    }
    finalWeights.put(phase.name(),
        Weights.of(experiment.network(), experiment.precision(), ArrayFolder.read(phaseFolder.resolve("weights")), streams));
    OptimizerState optimizer = OptimizerFiles.read(phaseFolder.resolve("optimizer"));
    if (optimizer != null) {
      finalOptimizers.put(phase.name(), optimizer);
    }
    if (!phase.evaluateOnly() && Files.isRegularFile(phaseFolder.resolve("loss.csv"))) {
      // derived again from the loss curve: a run stopped before its manifest recorded it keeps the warning
      warnIfDiverged(phase, LossCsv.read(phaseFolder.resolve("loss.csv")));
    }
    Activity activity = ActivityFiles.read(phaseFolder.resolve("test"), experiment.network());
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) Json.toPlain(Json.read(phaseFolder.resolve("metrics.json")));
    results.put(phase.name(), new PhaseResult(phase,
        analysisInput(phase, test, activity, startWeights(phase), finalWeights.get(phase.name())), metrics));
    manifest.phase(phase.name(), "completed");
  }

  private void runPhase(PhaseSpec phase, Path phaseFolder, TrialSet train, TrialSet test, Checkpoint checkpoint) {
    long started = System.nanoTime();
    progress.phaseStarted(phase.name(), phase.evaluateOnly() ? 0 : phase.updates());
    manifest.phase(phase.name(), "running");
    manifest.write();

    Weights before = startWeights(phase);
    Weights weights;
    OptimizerState optimizer;
    List<LossRow> rows = new ArrayList<>();
    int first;
    if (checkpoint != null) {
      progress.message("phase " + phase.name() + ": resuming at update " + checkpoint.nextUpdate());
      weights = Weights.of(experiment.network(), experiment.precision(), checkpoint.weights(), streams);
      optimizer = checkpoint.optimizer();
      rows.addAll(checkpoint.lossRows());
      first = checkpoint.nextUpdate();
    } else {
      weights = before.copy();
      optimizer = phase.continueOptimizer() ? finalOptimizers.get(phase.from()) : null;
      first = 0;
    }
    double offset = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seconds();

    MemoryCheck.report(experiment, phase, progress);
    if (!phase.evaluateOnly()) {
      Trainer trainer = new Trainer(experiment, phase, weights, train, streams, optimizer);
      for (int k = first; k < phase.updates(); k++) {
        if (progress.cancelRequested()) {
          new Checkpoint(phase.name(), k, weights.values(), trainer.optimizerState(), rows).write(folder.checkpoint());
          manifest.phase(phase.name(), "cancelled");
          throw new Cancelled("in phase " + phase.name() + " before update " + k);
        }
        UpdateResult r;
        try {
          r = trainer.update(k);
        } catch (NonFiniteLossException e) {
          manifest.phase(phase.name(), "failed");
          throw e;
        }
        double seconds = offset + (System.nanoTime() - started) * 1e-9;
        rows.add(new LossRow(k, r.loss(), r.mse(), r.weightPenalty(), r.ratePenalty(), r.gradientNorm(), seconds));
        progress.updateFinished(phase.name(), k, phase.updates(), r.loss(), seconds);
        boolean due = experiment.checkpointEvery() > 0 && (k + 1) % experiment.checkpointEvery() == 0;
        if (due || k + 1 == phase.updates()) {
          new Checkpoint(phase.name(), k + 1, weights.values(), trainer.optimizerState(), rows).write(folder.checkpoint());
          progress.message("checkpoint: phase " + phase.name() + ", update " + (k + 1));
        }
      }
      optimizer = trainer.optimizerState();
      warnIfDiverged(phase, rows);
    }

    if (progress.cancelRequested()) {
      manifest.phase(phase.name(), "cancelled");
      throw new Cancelled("in phase " + phase.name() + " before its evaluation");
    }
    Activity activity = new Simulator(experiment.network(), experiment.precision(), outputPerturbation(phase))
        .simulate(weights, test, streams, "test");
    double seconds = offset + (System.nanoTime() - started) * 1e-9;
    Map<String, Object> metrics = TestMetrics.of(experiment, phase, test, activity, rows, seconds);
    PhaseOutputs.publish(phaseFolder, weights.values(), phase.evaluateOnly() ? null : optimizer, rows, test, activity, metrics);

    finalWeights.put(phase.name(), weights);
    if (!phase.evaluateOnly()) {
      finalOptimizers.put(phase.name(), optimizer);
    }
    results.put(phase.name(), new PhaseResult(phase,
        analysisInput(phase, test, activity, before, weights), metrics));
    manifest.phase(phase.name(), "completed");
    manifest.write();
    progress.phaseFinished(phase.name());
  }

  /** The weights a phase starts from: fresh ones (deterministic, from the seed) or a copy of the named phase's. */
  private Weights startWeights(PhaseSpec phase) {
    return phase.from() == null
        ? Weights.initialise(experiment.network(), streams, experiment.precision(), options.specFolder())
        : finalWeights.get(phase.from()).copy();
  }

  private AnalysisInput.Phase analysisInput(PhaseSpec phase, TrialSet test, Activity activity, Weights before, Weights after) {
    Set<String> plastic = phase.evaluateOnly() ? Set.of() : phase.plasticity().resolve(experiment.network());
    Map<String, INDArray> masks = new LinkedHashMap<>();
    for (String name : after.names()) {
      if (after.mask(name) != null) {
        masks.put(name, after.mask(name));
      }
    }
    return new AnalysisInput.Phase(test, activity, before.values(), after.values(), plastic, masks);
  }

  private Map<String, Object> runAnalyses() {
    Map<String, Object> all = new LinkedHashMap<>();
    AnalysisInput.Simulation simulation = (phaseName, values) -> {
      PhaseSpec phase = experiment.phase(phaseName);
      return new Simulator(experiment.network(), experiment.precision(), outputPerturbation(phase)).simulate(
          Weights.of(experiment.network(), experiment.precision(), values), results.get(phaseName).analysis().testTrials(),
          streams, "test");
    };
    Map<String, AnalysisInput.Phase> inputs = new LinkedHashMap<>();
    results.forEach((name, r) -> inputs.put(name, r.analysis()));
    for (AnalysisSpec analysis : experiment.analyses()) {
      if (progress.cancelRequested()) {
        throw new Cancelled("before the analysis of " + analysis.baseline());
      }
      progress.message("analysis: " + analysis.baseline() + " vs " + String.join(", ", analysis.compared()));
      for (Map.Entry<String, Map<String, Object>> e : Analyses.run(experiment, analysis, inputs, streams, simulation).entrySet()) {
        String name = RunFolder.fileName(analysis.baseline()) + "-vs-" + RunFolder.fileName(e.getKey());
        String file = name;
        for (int i = 2; all.containsKey(file); i++) {
          file = name + "-" + i;
        }
        Json.write(folder.analysis().resolve(file + ".json"), e.getValue());
        all.put(file, e.getValue());
      }
    }
    return all;
  }

  /** summary.json: the headline numbers a runs list or a sweep table shows. */
  private Map<String, Object> writeSummary(Map<String, Object> analyses) {
    Map<String, Object> phases = new LinkedHashMap<>();
    results.forEach((name, r) -> {
      Map<String, Object> headline = new LinkedHashMap<>();
      for (String key : List.of("test", "finalLoss", "finalMse", "seconds")) {
        headline.put(key, r.metrics().get(key));
      }
      phases.put(name, headline);
    });
    Map<String, Object> comparisons = new LinkedHashMap<>();
    analyses.forEach((name, result) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> metrics = new LinkedHashMap<>((Map<String, Object>) result);
      metrics.remove("window"); // settings, not results
      comparisons.put(name, metrics);
    });
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("phases", phases);
    tree.put("analyses", comparisons);
    Map<String, Object> headline = PhaseOutputs.flat(tree);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("experiment", experiment.name());
    summary.put("seed", experiment.seed());
    summary.put("status", RunStatus.COMPLETED.label());
    summary.put("metrics", headline);
    Json.write(folder.summary(), summary);
    return headline;
  }

  private Map<String, Object> readSummaryMetrics() {
    if (!Files.isRegularFile(folder.summary())) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) Json.toPlain(Json.read(folder.summary()));
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) summary.getOrDefault("metrics", Map.of());
    return metrics;
  }

  private void deleteCheckpoint() {
    try {
      AtomicFiles.deleteTree(folder.checkpoint());
    } catch (IOException e) {
      progress.message("could not delete the finished run's checkpoint " + folder.checkpoint() + ": " + e.getMessage());
    }
  }
}

package org.motorlearn.dsl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.generator.MotorLearnGenerator;
import org.motorlearn.dsl.model.SpecBuildException;
import org.motorlearn.dsl.util.Shell;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.runtime.MotorLearn;
import org.motorlearn.runtime.report.Report;
import org.motorlearn.runtime.run.Json;
import org.motorlearn.runtime.run.RunException;
import org.motorlearn.runtime.run.RunOptions;
import org.motorlearn.runtime.run.RunResult;
import org.motorlearn.runtime.run.RunStatus;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code motorlearn run FILE}: validate the spec, generate its Java and compile it in memory (the
 * generated code is what runs), build and validate every sweep point, then train and analyse each
 * into a run folder with a live progress bar, and print a summary table per run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Train and analyse the experiments of a spec into run folders (docs/run-format.md).",
        "Every sweep point is built and validated before anything runs.",
        "Exit codes: 0 fine, 1 spec errors (also at a sweep point), 2 bad command line (e.g. an unknown --set name), "
            + "3 a run failed."})
final class RunCommand implements Callable<Integer> {

  /** Where runs go without {@code --out}: {@code runs/} in the working directory. */
  static final String DEFAULT_OUT = "runs";

  private final Console console;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The spec file (*.motor); every experiment in it runs, in order.")
  private String file;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Folder the run folders go into (default: runs/ in the working directory).")
  private String out;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = {"Override a named parameter (docs/language.md, \"Parameter names\"), e.g. --set initial.updates=50.",
          "Repeatable. The value is in the unit written at the setting. A swept parameter set here is not swept."})
  private List<String> settings = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "The run seed (same as --set seed=N; replaces a sweep over seed).")
  private Long seed;

  @Option(names = "--experiment", paramLabel = "NAME",
      description = "Run only this experiment of the spec (default: every experiment it declares, one after another).")
  private String experimentName;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = {"Continue an interrupted run (or sweep) folder with the parameters recorded in it.",
          "Completed phases and points are kept; the result is bitwise identical to an uninterrupted run."})
  private String resume;

  @Option(names = "--reuse", paramLabel = "PHASE=RUN_DIR",
      description = {"Take a completed phase from an earlier run folder instead of training it, e.g. --reuse initial=runs/X-1.",
          "Allowed only when everything that determines the phase (its definition, the phases it starts from, network, task, "
              + "loss, precision, seed) is recorded identically there. Repeatable."})
  private List<String> reuses = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "BLAS threads (default 0: all cores). Results are bitwise reproducible for the same thread count.")
  private int threads;

  private Path specFolder;
  private Map<String, Path> reusedPhases = Map.of();

  /** Asks the running experiment to stop when the process is signalled (open while this command runs). */
  private CancelOnSignal signal;
  private final List<String> failures = new ArrayList<>();
  /** The --out folder, when this command created it (a refused run removes it again if it stays empty). */
  private Path createdOut;

  RunCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (resume != null && (!settings.isEmpty() || seed != null || out != null || !reuses.isEmpty())) {
      throw CliException.usage("--resume continues a run with the parameters and folder recorded in it; "
          + "it cannot be combined with --set, --seed, --out or --reuse");
    }
    reusedPhases = parseReuses(console, reuses);
    if (threads < 0) {
      throw CliException.usage("--threads must be 0 (all cores) or more, got " + threads);
    }
    // Fail fast on a malformed --set before the (slower) validation and compilation.
    Map<String, Double> overrides = ParameterOverrides.parse(settings, seed);
    if (out != null) {
      requireOutsideResults(console.resolve(out));
    }
    SpecFiles specs = ValidSpecs.load(console, List.of(file), "nothing was run");
    XtextResource resource = specs.requested().get(0);
    specFolder = SpecSource.folderOf(resource);
    List<GeneratedExperiment> experiments = compile(resource);
    if (experiments.isEmpty()) {
      throw CliException.usage(file + " declares no experiment, only parts for other specs to import; "
          + "run a file with an 'experiment' block");
    }
    if (experimentName != null) {
      List<String> names = experiments.stream().map(GeneratedExperiment::name).toList();
      experiments = experiments.stream().filter(e -> e.name().equals(experimentName)).toList();
      if (experiments.isEmpty()) {
        String closest = org.motorlearn.runtime.spec.Parameters.closest(experimentName, names);
        throw CliException.usage("--experiment " + experimentName + ": " + file + " declares " + String.join(", ", names)
            + (closest == null ? "" : "; did you mean '" + closest + "'?"));
      }
    }
    List<RunPlan> plans = new ArrayList<>();
    if (resume == null) {
      for (GeneratedExperiment experiment : experiments) {
        RunPlan plan = RunPlan.of(experiment, overrides);
        requireReusedPhases(plan);
        plans.add(plan);
        RunPlan.requireNumericRules(console, resource, experiment.name(), overrides);
      }
    }
    // open until everything is printed: a signal lets the run checkpoint and this command report it
    try (CancelOnSignal opened = new CancelOnSignal()) {
      signal = opened;
      if (resume != null) {
        resume(experiments);
      } else {
        for (RunPlan plan : plans) {
          run(plan);
          if (signal.requested()) {
            break;
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      console.error(TextDiagnostics.plural(failures.size(), "run") + " failed:\n  " + String.join("\n  ", failures));
      return ExitCode.RUNTIME_FAILURE;
    }
    return ExitCode.OK;
  }

  /** Every {@code --reuse} names a phase of the experiment, before any folder is made. */
  private void requireReusedPhases(RunPlan plan) {
    List<String> phases = plan.points().get(0).experiment().phases().stream().map(PhaseSpec::name).toList();
    for (String phase : reusedPhases.keySet()) {
      if (!phases.contains(phase)) {
        String closest = org.motorlearn.runtime.spec.Parameters.closest(phase, phases);
        throw CliException.usage("--reuse " + phase + "=...: experiment " + plan.generated().name() + " has no phase " + phase
            + (closest == null ? "" : "; did you mean '" + closest + "'?") + " (its phases: " + String.join(", ", phases) + ")");
      }
    }
  }

  /** {@code --reuse PHASE=RUN_DIR}, checked for form and for an existing folder; the runtime checks the rest. */
  private static Map<String, Path> parseReuses(Console console, List<String> reuses) {
    Map<String, Path> reused = new java.util.LinkedHashMap<>();
    for (String reuse : reuses) {
      int equals = reuse.indexOf('=');
      if (equals <= 0 || equals == reuse.length() - 1) {
        throw CliException.usage("--reuse " + reuse + ": write PHASE=RUN_DIR, e.g. --reuse initial=runs/Feulner2022_VR30-20261128-084047");
      }
      String phase = reuse.substring(0, equals).trim();
      Path folder = console.resolve(reuse.substring(equals + 1).trim());
      if (!Files.isDirectory(folder)) {
        throw CliException.usage("--reuse " + reuse + ": no such run folder " + console.display(folder));
      }
      if (!Files.isRegularFile(folder.resolve("manifest.json"))) {
        throw CliException.usage("--reuse " + reuse + ": " + console.display(folder)
            + " is not a run folder (it has no manifest.json); name the folder of the run that trained " + phase);
      }
      if (reused.put(phase, folder) != null) {
        throw CliException.usage("--reuse names phase " + phase + " twice; reuse each phase from one run folder");
      }
    }
    return reused;
  }

  private List<GeneratedExperiment> compile(XtextResource resource) {
    try {
      return GeneratedExperiment.compile(resource, MotorLearnGenerator.projectFolderOf(resource));
    } catch (SpecBuildException e) {
      throw new CliException(ExitCode.SPEC_ERRORS, file + ": " + e.getMessage() + "; nothing was run");
    }
  }

  private void run(RunPlan plan) {
    String name = plan.generated().name();
    for (String parameter : plan.fixedBySettings()) {
      console.err().println("note: " + parameter + " is set on the command line, so experiment " + name
          + " is not swept over it");
    }
    Path folder = claim(name);
    if (!plan.sweeping()) {
      runPoint(plan.points().get(0), folder, false, null, null);
      return;
    }
    SweepRecord record = SweepRecord.of(plan);
    record.write(folder, commandLine());
    console.err().println("sweep of " + name + ": " + plan.points().size() + " points into " + console.display(folder));
    List<PointOutcome> outcomes = new ArrayList<>();
    for (RunPlan.Point point : plan.points()) {
      RunResult result = runPoint(point, RunFolders.point(folder, point.index()), false, plan.points().size(), folder);
      outcomes.add(new PointOutcome(point, result));
      if (result.status() == RunStatus.CANCELLED) {
        break; // a signal stopped the sweep; --resume continues it
      }
    }
    printSweepTable(outcomes, folder);
  }

  private void resume(List<GeneratedExperiment> experiments) {
    Path folder = console.resolve(resume);
    if (!Files.isDirectory(folder)) {
      throw CliException.usage("--resume " + resume + ": no such run folder");
    }
    Path manifest = folder.resolve("manifest.json");
    if (Files.isRegularFile(manifest)) {
      Map<?, ?> tree = (Map<?, ?>) Json.toPlain(Json.read(manifest));
      GeneratedExperiment generated = experimentNamed(experiments, String.valueOf(tree.get("experiment")));
      RunPlan.Point point = RunPlan.resumed(generated, 0, Map.of(), SweepRecord.numbers(tree.get("parameters")));
      runPoint(point, folder, true, null, null);
      return;
    }
    if (!SweepRecord.existsIn(folder)) {
      throw CliException.usage("--resume " + resume + " is not a run folder: it has neither manifest.json (a run) nor "
          + SweepRecord.FILE + " (a sweep)");
    }
    SweepRecord record = SweepRecord.read(folder, resume);
    GeneratedExperiment generated = experimentNamed(experiments, record.experiment());
    List<RunPlan.Point> points = new ArrayList<>();
    for (SweepRecord.Entry entry : record.points()) {
      points.add(RunPlan.resumed(generated, entry.index(), entry.sweepValues(), entry.overrides()));
    }
    List<PointOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Path pointFolder = folder.resolve(record.points().get(i).folder());
      boolean started = Files.isRegularFile(pointFolder.resolve("manifest.json"));
      RunResult result = runPoint(points.get(i), pointFolder, started, points.size(), folder);
      outcomes.add(new PointOutcome(points.get(i), result));
      if (result.status() == RunStatus.CANCELLED) {
        break;
      }
    }
    printSweepTable(outcomes, folder);
  }

  private static GeneratedExperiment experimentNamed(List<GeneratedExperiment> experiments, String name) {
    return experiments.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> CliException.usage("the run folder holds a run of experiment " + name + ", but the spec declares "
            + String.join(", ", experiments.stream().map(GeneratedExperiment::name).toList())));
  }

  private record PointOutcome(RunPlan.Point point, RunResult result) {}

  /**
   * Runs one experiment into {@code folder}, prints its summary, and records a failure.
   *
   * @param sweepFolder the folder of the sweep the point belongs to ({@code --resume} continues that), or null
   */
  private RunResult runPoint(RunPlan.Point point, Path folder, boolean resuming, Integer ofPoints, Path sweepFolder) {
    String name = point.experiment().name();
    String what = ofPoints == null ? name : name + " " + point.describe() + " of " + ofPoints;
    console.err().println((resuming ? "resuming " : "running ") + what + " in " + console.display(folder));
    long start = System.nanoTime();
    ProgressBar bar = ProgressBar.on(console).cancellingWhen(signal::requested);
    RunOptions options = RunOptions.into(folder).withThreads(threads).withProgress(bar)
        .withCommandLine(commandLine()).withSpecFolder(specFolder);
    for (Map.Entry<String, Path> reuse : reusedPhases.entrySet()) {
      options = options.withReusedPhase(reuse.getKey(), reuse.getValue());
    }
    RunResult result = runWith(bar, point, resuming ? options.resuming() : options);
    double seconds = (System.nanoTime() - start) / 1e9;
    printResult(what, point.experiment(), result, seconds, sweepFolder);
    if (result.status() != RunStatus.COMPLETED) {
      failures.add(what + " (" + console.display(folder) + "): " + (result.error() == null ? result.status().label() : result.error()));
    }
    return result;
  }

  private RunResult runWith(ProgressBar bar, RunPlan.Point point, RunOptions options) {
    try {
      return MotorLearn.run(point.experiment(), options);
    } catch (RunException e) {
      removeIfEmpty(options.runFolder());
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    } catch (SpecException e) {
      removeIfEmpty(options.runFolder());
      throw new CliException(ExitCode.SPEC_ERRORS, "experiment " + point.experiment().name() + ": " + e.getMessage(), e);
    } finally {
      bar.clearBar();
    }
  }

  /**
   * A run refused before it wrote anything (e.g. a --reuse that does not agree) leaves no empty folder
   * behind: neither its run folder nor the --out folder this command created for it.
   */
  private void removeIfEmpty(Path runFolder) {
    if (removedIfEmpty(runFolder) && createdOut != null && createdOut.equals(runFolder.getParent())) {
      removedIfEmpty(createdOut);
    }
  }

  private static boolean removedIfEmpty(Path folder) {
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(folder);
        return true;
      }
    } catch (java.io.IOException e) {
      // nothing to tidy: the folder is gone or unreadable, and the error being reported matters more
    }
    return false;
  }

  private void printResult(String what, Experiment experiment, RunResult result, double seconds, Path sweepFolder) {
    java.io.PrintStream out = console.out();
    out.println();
    String status = result.status() == RunStatus.COMPLETED
        ? console.style(Console.Style.GOOD, "completed") : console.style(Console.Style.ERROR, result.status().label());
    out.println(console.style(Console.Style.BOLD, what) + ": " + status + " in " + ProgressBar.duration(seconds));
    if (result.error() != null) {
      out.println("error: " + result.error());
    }
    for (String warning : result.warnings()) {
      out.println(console.style(Console.Style.WARNING, "warning: ") + warning);
    }
    if (!result.metrics().isEmpty()) {
      out.println();
      new RunSummary(experiment, result.metrics()).print(out);
    }
    out.println();
    out.println("run folder: " + console.display(result.folder()));
    Path report = result.folder().resolve(Report.FILE_NAME);
    if (Files.isRegularFile(report)) {
      out.println("report:     " + console.display(report));
    }
    if (result.resumable()) {
      out.println("continue it with: motorlearn run " + Shell.quote(file) + " --resume "
          + Shell.quote(console.display(sweepFolder != null ? sweepFolder : result.folder())));
    } else if (result.status() == RunStatus.FAILED) {
      // resuming would replay the same updates into the same failure
      out.println("the same settings fail the same way: change them (--set, or the spec) and start a new run");
    }
  }

  private void printSweepTable(List<PointOutcome> outcomes, Path folder) {
    List<String> headers = new ArrayList<>(List.of("point", "parameters", "status"));
    List<PhaseSpec> phases = outcomes.get(0).point().experiment().phases();
    for (PhaseSpec phase : phases) {
      headers.add(phase.name() + " RMSE (cm)");
    }
    TextTable table = new TextTable(headers, 3);
    String readout = outcomes.get(0).point().experiment().network().readouts().get(0).name();
    for (PointOutcome outcome : outcomes) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(outcome.point().index()),
          ParameterOverrides.describe(outcome.point().sweepValues()), outcome.result().status().label()));
      for (PhaseSpec phase : phases) {
        Object rmse = outcome.result().metrics().get("phases/" + phase.name() + "/test/" + readout + "/rmse");
        row.add(rmse instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "-");
      }
      table.row(row.toArray(String[]::new));
    }
    console.out().println();
    console.out().println(console.style(Console.Style.BOLD, "sweep of " + outcomes.get(0).point().experiment().name()));
    table.print(console.out());
    console.out().println();
    console.out().println("sweep folder: " + console.display(folder));
  }

  private Path claim(String experiment) {
    Path folder = console.resolve(out == null ? DEFAULT_OUT : out);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw CliException.usage((out == null ? DEFAULT_OUT : out) + " is a file; --out needs a folder");
    }
    if (!Files.exists(folder)) {
      createdOut = folder;
    }
    try {
      return RunFolders.claim(folder, experiment, LocalDateTime.now());
    } catch (java.io.IOException e) {
      throw CliException.io("create a run folder in", folder, e);
    }
  }

  /** Runs go beside other results, never into a run or sweep folder (whose files tools read as its own). */
  private void requireOutsideResults(Path folder) {
    for (Path f = folder.toAbsolutePath().normalize(); f != null; f = f.getParent()) {
      if (Files.isRegularFile(f.resolve("manifest.json")) || Files.isRegularFile(f.resolve(SweepRecord.FILE))) {
        throw CliException.usage("--out " + out + " is inside the results of another run (" + console.display(f)
            + "); give a folder of its own, e.g. --out runs");
      }
    }
  }

  /** {@code motorlearn run ...} as typed, recorded in every manifest. */
  private List<String> commandLine() {
    List<String> command = new ArrayList<>(List.of("motorlearn"));
    command.addAll(spec.root().commandLine().getParseResult().originalArgs());
    return command;
  }
}

package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.generator.MotorLearnGenerator;
import org.motorlearn.dsl.model.SpecBuildException;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.dsl.sweep.SweepException;
import org.motorlearn.dsl.sweep.SweepFolder;
import org.motorlearn.dsl.sweep.SweepManifest;
import org.motorlearn.dsl.sweep.SweepPlanner;
import org.motorlearn.dsl.sweep.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn sweep FILE}: every point of the spec's sweeps as one run folder in a sweep folder,
 * on this machine or as SLURM job arrays; {@code --status DIR} shows where a sweep stands.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Run every point of a spec's sweeps (one run folder each) in one sweep folder with sweep.json.",
        "Every point is validated before anything starts. Phases that several points share are trained once.",
        "Started again on the same --out folder, a sweep skips completed points and resumes the others.",
        "Documentation: docs/sweeps.md"})
final class SweepCommand implements Callable<Integer> {

  enum Executor { local, slurm }

  private final Console console;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "The spec file (*.motor).")
  private String file;

  @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
      description = "Where points run: child processes on this machine (default) or SLURM job arrays.")
  private Executor executor;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "The sweep folder (default: runs/<experiment>-<yyyyMMdd-HHmmss>). A folder that holds a sweep of the"
          + " same spec is continued.")
  private String out;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a parameter at every point (repeatable).")
  private List<String> sets = new ArrayList<>();

  @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment to sweep when the spec has several.")
  private String experimentName;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Local executor: points at once (default: from the cores and the free memory).")
  private Integer jobs;

  @Option(names = "--threads", paramLabel = "N",
      description = "BLAS threads per point (default: cores / jobs locally, --cpus on SLURM). Results are bitwise"
          + " reproducible for a fixed value.")
  private Integer threads;

  @Option(names = "--retry-failed", description = "Also rerun the failed points (from their checkpoints).")
  private boolean retryFailed;

  @Option(names = "--status", paramLabel = "DIR", description = "Show where the sweep in DIR stands, and exit.")
  private String status;

  @Option(names = "--partition", paramLabel = "NAME", description = "SLURM partition (default: the cluster's).")
  private String partition;

  @Option(names = "--account", paramLabel = "NAME", description = "SLURM account to charge (default: yours).")
  private String account;

  @Option(names = "--time", paramLabel = "MINUTES", description = "SLURM time limit per point (default: estimated).")
  private Long minutes;

  @Option(names = "--cpus", paramLabel = "N", description = "SLURM CPUs per point (default: --threads, else 1).")
  private Integer cpus;

  @Option(names = "--mem", paramLabel = "MB", description = "SLURM memory per point in MB (default: estimated).")
  private Long memory;

  SweepCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    try {
      if (status != null) {
        return showStatus();
      }
      if (file == null) {
        throw CliException.usage("missing the spec FILE (or --status DIR)");
      }
      requireAtLeast("--jobs", jobs, 1, "");
      requireAtLeast("--threads", threads, 0, " (all cores)");
      requireAtLeast("--cpus", cpus, 1, "");
      requireAtLeast("--time", minutes, 1, " minute");
      requireAtLeast("--mem", memory, 1, " MB");
      return sweep();
    } catch (SweepException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    }
  }

  /** A number option given with a value below {@code least} is a usage error, before anything starts. */
  private static void requireAtLeast(String option, Number value, long least, String meaning) {
    if (value != null && value.longValue() < least) {
      throw CliException.usage(option + " must be " + least + meaning + " or more, got " + value);
    }
  }

  private int showStatus() {
    SweepFolder folder = existingSweep(status);
    SweepRun.Result report = SweepRun.status(folder, console::display);
    report.lines().forEach(console.out()::println);
    return ExitCode.OK;
  }

  private int sweep() {
    SpecFiles specs = ValidSpecs.load(console, List.of(file), "nothing was started");
    XtextResource resource = specs.requested().get(0);
    Path spec = SpecFiles.pathOf(resource).toAbsolutePath().normalize();
    GeneratedExperiment generated = experiment(resource, spec);
    String text;
    try {
      text = Files.readString(spec, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.io("read", spec, e);
    }
    // a misspelt --set is one mistake of the command line, not one per point
    RunPlan.requireKnownNames(generated, overrides());
    SweepPlanner.PlannedSweep planned;
    try {
      planned = SweepPlanner.plan(generated, overrides(), spec.toString(), SpecSource.sha256(text));
      RunPlan.requireNumericRules(console, resource, generated.name(), overrides());
    } catch (SweepPlanner.InvalidPointsException e) {
      e.problems().forEach(problem -> console.error(problem));
      throw new CliException(ExitCode.SPEC_ERRORS, e.getMessage());
    } catch (SweepException e) {
      throw CliException.usage(e.getMessage());
    }
    SweepFolder folder = folder(planned.manifest());
    SweepRun run = new SweepRun(folder, console.err(), console.terminal(), console::display);
    SweepRun.Settings settings = new SweepRun.Settings(executor == Executor.slurm, jobs, threads, retryFailed, partition,
        account, minutes, cpus, memory);
    SweepRun.Result result = run.execute(planned, settings);
    result.lines().forEach(console.out()::println);
    return result.allCompleted() ? ExitCode.OK : ExitCode.RUNTIME_FAILURE;
  }

  private GeneratedExperiment experiment(XtextResource resource, Path spec) {
    List<GeneratedExperiment> experiments;
    try {
      experiments = GeneratedExperiment.compile(resource, MotorLearnGenerator.projectFolderOf(resource));
    } catch (SpecBuildException e) {
      throw new CliException(ExitCode.SPEC_ERRORS, e.getMessage(), e);
    }
    if (experiments.isEmpty()) {
      throw new CliException(ExitCode.SPEC_ERRORS, console.display(spec) + " declares no experiment; nothing to sweep");
    }
    List<String> names = experiments.stream().map(GeneratedExperiment::name).collect(Collectors.toList());
    if (experimentName == null) {
      if (experiments.size() > 1) {
        throw CliException.usage(console.display(spec) + " declares several experiments (" + String.join(", ", names)
            + "); choose one with --experiment NAME");
      }
      return experiments.get(0);
    }
    return experiments.stream().filter(e -> e.name().equals(experimentName)).findFirst().orElseThrow(
        () -> CliException.usage("--experiment " + experimentName + ": " + console.display(spec) + " declares "
            + String.join(", ", names)));
  }

  private Map<String, Double> overrides() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String set : sets) {
      int equals = set.indexOf('=');
      if (equals <= 0) {
        throw CliException.usage("--set " + set + ": expected NAME=VALUE, e.g. --set initial.updates=100");
      }
      String value = set.substring(equals + 1).trim();
      try {
        values.put(set.substring(0, equals).trim(), Double.parseDouble(value));
      } catch (NumberFormatException e) {
        throw CliException.usage("--set " + set + ": '" + value + "' is not a number");
      }
    }
    return values;
  }

  /** The sweep folder: --out (new, empty, or a sweep of the same plan to continue) or a fresh one under runs/. */
  private SweepFolder folder(SweepManifest planned) {
    if (out == null) {
      try {
        return new SweepFolder(RunFolders.claim(console.resolve("runs"), planned.experiment(), LocalDateTime.now()));
      } catch (IOException e) {
        throw CliException.io("create a sweep folder in", console.resolve("runs"), e);
      }
    }
    Path dir = console.resolve(out);
    SweepFolder folder = new SweepFolder(dir);
    if (folder.exists()) {
      SweepManifest existing = folder.read();
      String difference = difference(existing, planned);
      if (difference != null) {
        throw CliException.usage(out + " holds a sweep of a different plan (" + difference + "); continue it with the"
            + " same spec and --set, or choose another --out");
      }
      return folder;
    }
    if (Files.isRegularFile(dir)) {
      throw CliException.usage(out + " is a file; --out needs a folder");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw CliException.usage(out + " exists and is not a sweep folder (no sweep.json); choose another --out");
        }
      } catch (IOException e) {
        throw CliException.io("read", dir, e);
      }
    }
    return folder;
  }

  private static String difference(SweepManifest existing, SweepManifest planned) {
    if (!existing.experiment().equals(planned.experiment())) {
      return "experiment " + existing.experiment() + ", not " + planned.experiment();
    }
    if (!existing.specSha256().equals(planned.specSha256())) {
      return "the spec changed since it started";
    }
    if (!existing.set().equals(planned.set())) {
      return "--set " + existing.set() + " then, " + planned.set() + " now";
    }
    List<Map<String, Double>> before = existing.points().stream().map(SweepManifest.Point::parameters).toList();
    List<Map<String, Double>> now = planned.points().stream().map(SweepManifest.Point::parameters).toList();
    return before.equals(now) ? null : "its points differ";
  }

  private SweepFolder existingSweep(String dir) {
    SweepFolder folder = new SweepFolder(console.resolve(dir));
    if (!java.nio.file.Files.isDirectory(folder.root())) {
      throw CliException.usage(dir + ": no such folder");
    }
    if (!folder.exists()) {
      throw CliException.usage(dir + " is not a sweep folder (no sweep.json)");
    }
    return folder;
  }
}

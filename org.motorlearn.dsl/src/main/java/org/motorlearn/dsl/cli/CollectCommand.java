package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.motorlearn.dsl.sweep.SweepException;
import org.motorlearn.dsl.sweep.SweepFolder;
import org.motorlearn.dsl.sweep.SweepManifest;
import org.motorlearn.dsl.sweep.SweepStatus;
import org.motorlearn.dsl.sweep.SweepTable;
import org.motorlearn.runtime.report.Report;
import org.motorlearn.runtime.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn collect DIR}: the finished points of a sweep as one table and the sweep report;
 * {@code motorlearn collect RUN_DIR... -o OUT}: the same over run folders made separately (one seed at a
 * time, or adaptations that reused one initial training).
 */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    // One sentence per element: picocli wraps each element on its own, so a sentence split across
    // elements would break mid-line.
    description = {
        "Aggregate the finished points of a sweep folder into one table: one row per point, its swept parameters "
            + "and the metrics of its summary.json.",
        "Writes DIR/table.csv (every metric, every digit), DIR/table.md (headline metrics) and "
            + "DIR/sweep-report.html (each metric against the swept parameter, per hypothesis, with spread over seeds), "
            + "and prints the Markdown table.",
        "Given completed run folders instead (and --out), does the same over them: the parameters are those whose "
            + "recorded values differ between the runs.",
        "Documentation: docs/sweeps.md"})
final class CollectCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "The sweep folder (it holds sweep.json), or run folders.")
  private List<String> dirs;

  @Option(names = {"-o", "--out"}, paramLabel = "OUT",
      description = "With run folders: the folder the table and sweep report go into (created if missing).")
  private String out;

  CollectCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    SweepFolder folder = new SweepFolder(console.resolve(dirs.get(0)));
    if (dirs.size() == 1 && folder.exists() && folder.writtenByRun()) {
      if (out != null) {
        throw CliException.usage("--out is for run folders; a sweep's table and report go into its own folder " + dirs.get(0));
      }
      return collectRunSweep(folder);
    }
    if (dirs.size() == 1 && folder.exists()) {
      if (out != null) {
        throw CliException.usage("--out is for run folders; a sweep's table and report go into its own folder " + dirs.get(0));
      }
      return collectSweep(folder);
    }
    return collectRuns();
  }

  private Integer collectSweep(SweepFolder folder) {
    String dir = dirs.get(0);
    try {
      SweepManifest manifest = SweepStatus.refresh(folder);
      SweepTable table = SweepTable.of(folder, manifest);
      if (table.rows() == 0) {
        throw new CliException(ExitCode.RUNTIME_FAILURE, "no point of the sweep in " + dir + " has finished yet ("
            + SweepStatus.summary(manifest) + ")");
      }
      List<Path> written = new ArrayList<>(table.write(folder));
      written.add(Report.writeSweep(folder.root(), table.runFolders()));
      print(table, written);
      console.out().println(table.rows() + " of " + manifest.points().size() + " points"
          + (table.missing().isEmpty() ? "" : "; not finished: " + String.join(", ", table.missing())));
      return ExitCode.OK;
    } catch (SweepException | ReportException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    }
  }

  /** A sweep that {@code run} ran point by point: its finished point folders, tabulated in the folder itself. */
  private Integer collectRunSweep(SweepFolder folder) {
    SweepRecord record = SweepRecord.read(folder.root(), dirs.get(0));
    List<Path> finished = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (SweepRecord.Entry point : record.points()) {
      Path run = folder.root().resolve(point.folder());
      if ("completed".equals(SweepStatus.runStatus(run)) && Files.isRegularFile(run.resolve("summary.json"))) {
        finished.add(run);
      } else {
        missing.add(point.folder());
      }
    }
    if (finished.isEmpty()) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, "no point of the sweep in " + dirs.get(0) + " has finished yet");
    }
    try {
      SweepTable table = SweepTable.ofRuns(finished);
      List<Path> written = new ArrayList<>(table.write(folder.root()));
      written.add(Report.writeSweep(folder.root(), finished));
      print(table, written);
      console.out().println(finished.size() + " of " + record.points().size() + " points"
          + (missing.isEmpty() ? "" : "; not finished: " + String.join(", ", missing)));
      return ExitCode.OK;
    } catch (SweepException | ReportException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    }
  }

  private Integer collectRuns() {
    List<Path> runs = new ArrayList<>();
    for (String dir : dirs) {
      Path run = console.resolve(dir);
      if (new SweepFolder(run).exists()) {
        throw CliException.usage(dir + " is a sweep folder; collect takes one sweep folder at a time (motorlearn collect "
            + dir + "), or run folders with --out (e.g. " + dir + "/point-0 ...)");
      }
      if (!Files.isRegularFile(run.resolve("manifest.json"))) {
        throw CliException.usage(dir + " is neither a sweep folder (sweep.json) nor a run folder (manifest.json)");
      }
      if (runs.contains(run)) {
        throw CliException.usage(dir + " is given twice; name each run folder once");
      }
      runs.add(run);
    }
    if (out == null) {
      throw CliException.usage("collecting run folders needs --out OUT, the folder the table and sweep report go into");
    }
    Path target = console.resolve(out);
    if (Files.isRegularFile(target.resolve("manifest.json")) || new SweepFolder(target).exists()) {
      throw CliException.usage("--out " + out + " is a run or sweep folder; collect into a folder of its own");
    }
    try {
      SweepTable table = SweepTable.ofRuns(runs);
      Files.createDirectories(target);
      List<Path> written = new ArrayList<>(table.write(target));
      written.add(Report.writeSweep(target, runs));
      print(table, written);
      console.out().println(TextDiagnostics.plural(table.rows(), "run"));
      return ExitCode.OK;
    } catch (SweepException | ReportException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    } catch (IOException e) {
      throw CliException.io("create", target, e);
    }
  }

  private void print(SweepTable table, List<Path> written) {
    console.out().print(table.markdown());
    console.out().println();
    for (Path path : written) {
      console.out().println("wrote " + console.display(path));
    }
  }
}

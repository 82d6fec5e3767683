package org.motorlearn.dsl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.motorlearn.dsl.sweep.SweepFolder;
import org.motorlearn.runtime.report.Report;
import org.motorlearn.runtime.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn report RUN_DIR...}: draws a run folder's report.html again from what the folder
 * holds. A run draws its report itself when it ends; this is for a report that could not be drawn
 * then, for a run that is still going, and for figures of a newer MotorLearn.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {
        "Draw the report of run folders again: RUN_DIR/report.html and RUN_DIR/report/ (every figure as .png and .svg, "
            + "every table as .csv and .md), replacing the earlier report.",
        "The report shows whatever the folder holds, with the run's status at the top; the run's data are only read.",
        "For a sweep folder, `motorlearn collect DIR` draws the sweep report.",
        "Documentation: docs/report.md"})
final class ReportCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run folders (each holds manifest.json).")
  private List<String> dirs;

  ReportCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    List<Path> runs = new ArrayList<>();
    for (String dir : dirs) {
      Path run = console.resolve(dir);
      if (!Files.isDirectory(run)) {
        throw CliException.usage(Files.exists(run) ? dir + " is a file; give a run folder" : "no such folder: " + dir);
      }
      if (new SweepFolder(run).exists()) {
        throw CliException.usage(dir + " is a sweep folder; draw its sweep report with: motorlearn collect " + dir);
      }
      if (!Files.isRegularFile(run.resolve("manifest.json"))) {
        throw CliException.usage(dir + " is not a run folder (it has no manifest.json)");
      }
      if (!runs.contains(run)) {
        runs.add(run);
      }
    }
    // Every folder is tried: one whose report cannot be drawn does not keep the others' from being drawn.
    int failed = 0;
    for (Path run : runs) {
      try {
        console.out().println("wrote " + console.display(Report.write(run)));
      } catch (ReportException e) {
        console.error(e.getMessage());
        failed++;
      }
    }
    if (failed > 0) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, failed + " of " + runs.size() + " reports could not be drawn (see above)");
    }
    return ExitCode.OK;
  }
}

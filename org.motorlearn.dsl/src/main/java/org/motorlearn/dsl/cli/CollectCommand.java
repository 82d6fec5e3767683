package org.motorlearn.dsl.cli;

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
import picocli.CommandLine.Parameters;

/** {@code motorlearn collect DIR}: the finished points of a sweep as one table and the sweep report. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Aggregate the finished points of a sweep folder into one table: one row per point, its swept",
        "parameters and the metrics of its summary.json. Writes DIR/table.csv (every metric, every digit),",
        "DIR/table.md (headline metrics) and DIR/sweep-report.html (each metric against the swept parameter,",
        "per hypothesis, with spread over seeds), and prints the Markdown table. Documentation: docs/sweeps.md"})
final class CollectCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "DIR", description = "The sweep folder (it holds sweep.json).")
  private String dir;

  CollectCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    SweepFolder folder = new SweepFolder(console.resolve(dir));
    if (!folder.exists()) {
      throw CliException.usage(dir + " is not a sweep folder (no sweep.json)");
    }
    try {
      SweepManifest manifest = SweepStatus.refresh(folder);
      SweepTable table = SweepTable.of(folder, manifest);
      if (table.rows() == 0) {
        throw new CliException(ExitCode.RUNTIME_FAILURE, "no point of the sweep in " + dir + " has finished yet ("
            + SweepStatus.summary(manifest) + ")");
      }
      List<Path> written = new ArrayList<>(table.write(folder));
      written.add(Report.writeSweep(folder.root(), table.runFolders()));
      console.out().print(table.markdown());
      console.out().println();
      for (Path path : written) {
        console.out().println("wrote " + console.display(path));
      }
      console.out().println(table.rows() + " of " + manifest.points().size() + " points"
          + (table.missing().isEmpty() ? "" : "; not finished: " + String.join(", ", table.missing())));
      return ExitCode.OK;
    } catch (SweepException | ReportException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, e.getMessage(), e);
    }
  }
}

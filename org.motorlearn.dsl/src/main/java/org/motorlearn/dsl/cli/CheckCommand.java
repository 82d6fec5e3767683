package org.motorlearn.dsl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.motorlearn.dsl.cli.SpecFiles.DiagnosticReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code motorlearn check FILE...}: parse and validate specs (or every spec of a folder) and the files they import. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Parse and validate spec files (and every file they import) and print what is wrong.",
        "Exit code 1 if any file has an error; warnings alone exit with 0."})
final class CheckCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Spec files (*.motor), or folders: every *.motor "
      + "file under them.")
  private List<String> files;

  @Option(names = "--json", description = "Print the diagnostics as a JSON array (file, line, column, endLine, "
      + "endColumn, severity, code, message) instead of text.")
  private boolean json;

  CheckCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    DiagnosticReport report = SpecFiles.load(console, SpecFiles.expandFolders(console, files)).validate();
    if (json) {
      new JsonDiagnostics(console).print(report.diagnostics(), console.out());
    } else {
      TextDiagnostics text = new TextDiagnostics(console);
      text.print(report, console.out());
      text.printSummary(report, console.out());
    }
    return report.hasErrors() ? ExitCode.SPEC_ERRORS : ExitCode.OK;
  }
}

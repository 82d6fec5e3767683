package org.motorlearn.dsl.cli;

import java.util.List;
import org.motorlearn.dsl.cli.SpecFiles.DiagnosticReport;

/**
 * The gate in front of {@code generate}, {@code run} and {@code format}: specs are loaded and
 * validated; warnings are shown and the command goes on; errors are shown and stop it (exit 1).
 */
final class ValidSpecs {

  private ValidSpecs() {
  }

  /**
   * @param consequence what did not happen because of the errors, for the closing line ("nothing was run")
   * @throws CliException with exit code 1 if any file (or an import) has an error
   */
  static SpecFiles load(Console console, List<String> files, String consequence) {
    SpecFiles specs = SpecFiles.load(console, files);
    DiagnosticReport report = specs.validate();
    if (!report.diagnostics().isEmpty()) {
      new TextDiagnostics(console).print(report, console.err());
    }
    if (report.hasErrors()) {
      long errors = report.count(SpecDiagnostic.Severity.ERROR);
      throw new CliException(ExitCode.SPEC_ERRORS, TextDiagnostics.plural(errors, "error") + " in "
          + TextDiagnostics.plural(report.files(), "file") + "; " + consequence
          + " (`motorlearn check` lists them again)");
    }
    return specs;
  }
}

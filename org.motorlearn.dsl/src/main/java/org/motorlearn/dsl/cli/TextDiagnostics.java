package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import org.motorlearn.dsl.cli.Console.Style;
import org.motorlearn.dsl.cli.SpecFiles.DiagnosticReport;

/**
 * Diagnostics for people, in the style of rustc: the message and issue code, the position, the
 * source line and a caret line under the offending text, then a count.
 *
 * <pre>
 * error: unknown setting 'unit' [validation.unknownSetting]
 *   --> examples/x.motor:12:16
 *    |
 * 12 |   module PMd { unit 400 }
 *    |                ^^^^
 * </pre>
 */
final class TextDiagnostics {

  private final Console console;

  TextDiagnostics(Console console) {
    this.console = console;
  }

  /** Every diagnostic, a blank line after each. */
  void print(DiagnosticReport report, PrintStream stream) {
    for (SpecDiagnostic diagnostic : report.diagnostics()) {
      print(diagnostic, report.sources().get(diagnostic.file()), stream);
      stream.println();
    }
  }

  /** The closing line: {@code 2 errors, 1 warning in 1 file}. */
  void printSummary(DiagnosticReport report, PrintStream stream) {
    long errors = report.count(SpecDiagnostic.Severity.ERROR);
    long warnings = report.count(SpecDiagnostic.Severity.WARNING);
    String counts = plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(report.files(), "file");
    Style style = errors > 0 ? Style.ERROR : warnings > 0 ? Style.WARNING : Style.GOOD;
    stream.println(console.style(style, counts));
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private void print(SpecDiagnostic diagnostic, String source, PrintStream stream) {
    Style severityStyle = switch (diagnostic.severity()) {
      case ERROR -> Style.ERROR;
      case WARNING -> Style.WARNING;
      case INFO -> Style.NOTE;
    };
    String[] messageLines = diagnostic.message().split("\r?\n");
    String code = diagnostic.shortCode().isEmpty() ? "" : " [" + diagnostic.shortCode() + "]";
    stream.println(console.style(severityStyle, diagnostic.severity().label())
        + console.style(Style.BOLD, ": " + messageLines[0] + code));

    String line = diagnostic.hasPosition() ? sourceLine(source, diagnostic.line()) : null;
    String gutter = " ".repeat(line == null ? 1 : Integer.toString(diagnostic.line()).length());
    String position = diagnostic.hasPosition() ? ":" + diagnostic.line() + ":" + diagnostic.column() : "";
    stream.println(gutter + console.style(Style.GUTTER, "--> ") + console.display(diagnostic.file()) + position);
    if (line != null) {
      stream.println(gutter + console.style(Style.GUTTER, " |"));
      stream.println(console.style(Style.GUTTER, diagnostic.line() + " |") + (line.isEmpty() ? "" : " " + line));
      stream.println(gutter + console.style(Style.GUTTER, " |") + " "
          + indentUnder(line, diagnostic.column()) + console.style(severityStyle, carets(diagnostic, line)));
    }
    for (int i = 1; i < messageLines.length; i++) {
      stream.println(gutter + console.style(Style.GUTTER, " = ") + messageLines[i]);
    }
  }

  /** Line {@code number} (1-based) of the source, without its line break; null if there is none. */
  private static String sourceLine(String source, int number) {
    if (source == null) {
      return null;
    }
    String[] lines = source.split("\r?\n", -1);
    return number <= lines.length ? lines[number - 1] : null;
  }

  /** Whitespace up to the column; tabs are kept so the caret lines up however wide a tab is shown. */
  private static String indentUnder(String line, int column) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      indent.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    for (int i = line.length(); i < column - 1; i++) {
      indent.append(' ');
    }
    return indent.toString();
  }

  /** As many carets as the problem is wide on its first line, at least one. */
  private static String carets(SpecDiagnostic diagnostic, String line) {
    int end = diagnostic.endLine() == diagnostic.line() ? diagnostic.endColumn() : line.length() + 1;
    return "^".repeat(Math.max(1, end - diagnostic.column()));
  }
}

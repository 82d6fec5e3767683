package org.motorlearn.dsl.cli;

import java.nio.file.Path;

/**
 * One problem found in a spec file. Lines and columns are 1-based; the end column is exclusive.
 * Position fields are 0 when the problem has no position in the file.
 *
 * @param code the full issue code (e.g. {@code org.motorlearn.dsl.syntax.keywordAsName}), or "" if none
 * @param syntax whether the parser reported it (the text could not be parsed as written)
 */
public record SpecDiagnostic(Path file, int line, int column, int endLine, int endColumn, Severity severity, String code,
    String message, boolean syntax) {

  /** How bad a diagnostic is, in the words printed to the user. */
  public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("info");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean hasPosition() {
    return line > 0;
  }

  /**
   * The issue code as shown after a message: Xtext's own codes by their last word
   * ({@code syntax}, {@code linking}), the language's without the {@code org.motorlearn.dsl.} prefix.
   */
  public String shortCode() {
    String xtextDiagnostics = "org.eclipse.xtext.diagnostics.Diagnostic.";
    if (code.startsWith(xtextDiagnostics)) {
      return code.substring(xtextDiagnostics.length()).toLowerCase();
    }
    String ours = "org.motorlearn.dsl.";
    if (code.startsWith(ours)) {
      return code.substring(ours.length());
    }
    return code;
  }
}

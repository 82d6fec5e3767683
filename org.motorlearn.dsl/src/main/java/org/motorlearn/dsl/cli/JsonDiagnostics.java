package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Diagnostics for machines ({@code check --json}): a JSON array, one object per diagnostic with
 * file (relative to the working directory), line, column, endLine, endColumn (1-based, end column
 * exclusive; 0 when there is no position), severity, code (the full issue code) and message.
 */
final class JsonDiagnostics {

  private final Console console;

  JsonDiagnostics(Console console) {
    this.console = console;
  }

  void print(List<SpecDiagnostic> diagnostics, PrintStream stream) {
    if (diagnostics.isEmpty()) {
      stream.println("[]");
      return;
    }
    stream.println("[");
    for (int i = 0; i < diagnostics.size(); i++) {
      SpecDiagnostic d = diagnostics.get(i);
      stream.println("  {"
          + "\"file\": " + string(console.display(d.file()))
          + ", \"line\": " + d.line()
          + ", \"column\": " + d.column()
          + ", \"endLine\": " + d.endLine()
          + ", \"endColumn\": " + d.endColumn()
          + ", \"severity\": " + string(d.severity().label())
          + ", \"code\": " + string(d.code())
          + ", \"message\": " + string(d.message())
          + "}" + (i + 1 < diagnostics.size() ? "," : ""));
    }
    stream.println("]");
  }

  /** A JSON string literal (RFC 8259 escaping). */
  static String string(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}

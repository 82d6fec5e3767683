package org.motorlearn.dsl.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row: text columns left-aligned, number columns right-aligned, two
 * spaces between columns. Plain characters only, so it reads the same in a terminal, a log and a
 * Markdown code block.
 */
final class TextTable {

  private final List<String> headers;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** Columns from {@code firstNumericColumn} on hold numbers and are right-aligned. */
  TextTable(List<String> headers, int firstNumericColumn) {
    this.headers = List.copyOf(headers);
    this.numeric = new boolean[headers.size()];
    for (int i = firstNumericColumn; i < headers.size(); i++) {
      numeric[i] = true;
    }
  }

  /** Only the given columns hold numbers and are right-aligned. */
  static TextTable withNumberColumns(List<String> headers, int... numberColumns) {
    TextTable table = new TextTable(headers, headers.size());
    for (int column : numberColumns) {
      table.numeric[column] = true;
    }
    return table;
  }

  void row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintStream out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(headers, widths));
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
  }

  private String line(List<String> cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      if (i > 0) {
        text.append("  ");
      }
      text.append(numeric[i] ? padding + cell : cell + (i == cells.size() - 1 ? "" : padding));
    }
    return text.toString().stripTrailing(); // an empty last cell leaves no blanks at the end of the line
  }
}

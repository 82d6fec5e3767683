package org.motorlearn.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of a report, written as CSV (numbers at full precision, so they equal the run's JSON),
 * Markdown and HTML (numbers to four significant digits, for reading).
 *
 * @param name file name without extension, also the HTML anchor
 * @param header column names; units in brackets, e.g. {@code rmse [cm]}
 * @param rows cells: String, Number (Double, Integer, Long) or null (empty)
 */
record Table(String name, String title, String caption, List<String> header, List<List<Object>> rows) {

  Table {
    header = List.copyOf(header);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("table " + name + ": a row has " + row.size() + " cells for "
            + header.size() + " columns");
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copy);
  }

  String csv() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", header.stream().map(Table::csvCell).toList())).append('\n');
    for (List<Object> row : rows) {
      out.append(String.join(",", row.stream().map(c -> csvCell(exact(c))).toList())).append('\n');
    }
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header.stream().map(Table::markdownCell).toList())).append(" |\n");
    out.append("|");
    for (List<Object> column : columns()) {
      out.append(numeric(column) ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<Object> row : rows) {
      out.append("| ").append(String.join(" | ", row.stream().map(c -> markdownCell(readable(c))).toList())).append(" |\n");
    }
    return out.toString();
  }

  String html() {
    StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
    for (String h : header) {
      out.append("<th>").append(Html.escape(h)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : rows) {
      out.append("<tr>");
      for (Object c : row) {
        out.append(c instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.escape(readable(c))).append("</td>");
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody>\n</table>\n").toString();
  }

  private List<List<Object>> columns() {
    List<List<Object>> columns = new ArrayList<>();
    for (int j = 0; j < header.size(); j++) {
      List<Object> column = new ArrayList<>();
      for (List<Object> row : rows) {
        column.add(row.get(j));
      }
      columns.add(column);
    }
    return columns;
  }

  private static boolean numeric(List<Object> column) {
    return !column.isEmpty() && column.stream().allMatch(c -> c == null || c instanceof Number);
  }

  /** Full precision: Double.toString round-trips to the same double. */
  static String exact(Object cell) {
    if (cell == null) {
      return "";
    }
    return cell.toString();
  }

  /** Four significant digits, plain notation for ordinary magnitudes. */
  static String readable(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      double v = ((Number) cell).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        return Double.toString(v);
      }
      if (v == 0) {
        return "0";
      }
      double magnitude = Math.abs(v);
      if (magnitude >= 1e-3 && magnitude < 1e5) {
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
      }
      return String.format(Locale.ROOT, "%.3e", v);
    }
    return cell.toString();
  }

  private static String csvCell(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String markdownCell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

package org.motorlearn.runtime.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric tables as comma-separated text with one header line: the simplest format a spreadsheet or
 * {@code numpy.loadtxt(f, delimiter=",", skiprows=1)} reads. No quoting; blank lines are skipped.
 */
public final class Csv {

  private Csv() {}

  /**
   * A parsed table.
   *
   * @param rows the values, one array per data row, each as long as the header
   * @param lines 1-based line number in the file of each row (for error messages)
   */
  public record Table(Path file, List<String> header, List<double[]> rows, int[] lines) {

    /** Index of a named column; an error naming the file and the columns it has if absent. */
    public int column(String name) {
      int index = header.indexOf(name);
      if (index < 0) {
        throw new CsvException(file + ": no column '" + name + "' (columns: " + String.join(",", header) + ")");
      }
      return index;
    }

    /** The value in row {@code row}, column {@code column}, required to be a whole number. */
    public int integer(int row, int column) {
      double v = rows.get(row)[column];
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
        throw new CsvException(file + ":" + lines[row] + ": column '" + header.get(column)
            + "' must be a whole number, got " + v);
      }
      return (int) v;
    }
  }

  /** Reads a table; if {@code expectedHeader} is not null the header must be exactly that. */
  public static Table read(Path file, List<String> expectedHeader) {
    List<double[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> header = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (header == null) {
          header = new ArrayList<>();
          for (String cell : cells) {
            header.add(cell.strip().replace("\uFEFF", ""));
          }
          if (expectedHeader != null && !header.equals(expectedHeader)) {
            throw new CsvException(file + ":" + number + ": the header is '" + String.join(",", header)
                + "' but must be '" + String.join(",", expectedHeader) + "'");
          }
          continue;
        }
        if (cells.length != header.size()) {
          throw new CsvException(file + ":" + number + ": " + cells.length + " values, but the header has "
              + header.size() + " columns");
        }
        double[] row = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
          try {
            row[c] = Double.parseDouble(cells[c].strip());
          } catch (NumberFormatException e) {
            throw new CsvException(file + ":" + number + ": column '" + header.get(c) + "' is '" + cells[c].strip()
                + "', not a number", e);
          }
        }
        rows.add(row);
        lines.add(number);
      }
    } catch (IOException e) {
      throw new CsvException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (header == null) {
      throw new CsvException(file + ": the file is empty; it needs a header line"
          + (expectedHeader == null ? "" : " '" + String.join(",", expectedHeader) + "'"));
    }
    return new Table(file, List.copyOf(header), rows, lines.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Writes a table; whole numbers are written without a decimal point, others with full precision. */
  public static void write(Path file, List<String> header, List<double[]> rows) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", header));
      out.newLine();
      for (double[] row : rows) {
        if (row.length != header.size()) {
          throw new IllegalArgumentException("a row of " + row.length + " values for " + header.size() + " columns");
        }
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            b.append(',');
          }
          b.append(format(row[c]));
        }
        out.write(b.toString());
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    }
  }

  /** Shortest text that parses back to the same double; integers without ".0". */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** A malformed table; the message names the file and line. */
  public static class CsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsvException(String message) {
      super(message);
    }

    public CsvException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

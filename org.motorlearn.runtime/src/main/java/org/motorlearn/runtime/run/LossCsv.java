package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * loss.csv: a header line and one row per update. Numbers are written with Java's shortest
 * round-trip representation, so reading a checkpoint's loss rows back gives the same doubles.
 */
public final class LossCsv {

  public static final String HEADER = "update,loss,mse,weight_penalty,rate_penalty,grad_norm,seconds";

  private LossCsv() {}

  public static String format(List<LossRow> rows) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (LossRow r : rows) {
      text.append(r.update()).append(',').append(r.loss()).append(',').append(r.mse()).append(',')
          .append(r.weightPenalty()).append(',').append(r.ratePenalty()).append(',').append(r.gradNorm()).append(',')
          .append(r.seconds()).append('\n');
    }
    return text.toString();
  }

  /** Writes the file into a folder that is published whole (see {@link Staging}). */
  public static void write(Path file, List<LossRow> rows) {
    Staging.string(file, format(rows));
  }

  public static List<LossRow> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new RunException(file + " is not a MotorLearn loss file (expected the header '" + HEADER + "')");
    }
    List<LossRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 7) {
        throw new RunException(file + " line " + (i + 1) + ": expected 7 columns, found " + f.length);
      }
      rows.add(new LossRow(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
    }
    return rows;
  }
}

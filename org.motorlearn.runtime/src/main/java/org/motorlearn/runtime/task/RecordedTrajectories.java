package org.motorlearn.runtime.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.motorlearn.runtime.io.Csv;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.io.NpyException;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.TaskSpec.Recorded;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recorded hand trajectories (cm, relative to the workspace centre) in one of two layouts
 * (docs/trajectory-format.md):
 * <ul>
 *   <li>{@code name.npy}: positions [trials, bins, 2] (float32 or float64), with the sidecar
 *       {@code name.trials.csv}: header {@code target,cue_bin,go_bin}, one row per trial in the same order;
 *   <li>{@code name.csv}: header {@code trial,bin,x,y,target,cue_bin,go_bin}, one row per trial and bin
 *       (any row order), trials numbered 0..n-1, bins 0..trialBins-1, the last three columns equal on
 *       every row of a trial.
 * </ul>
 * Target ids are 0-based (target c lies at 2 pi c / targets), 0 &lt;= cue_bin &lt; go_bin &lt; trialBins.
 * Inputs are synthesised from target, cue and go as for centre-out reaching ({@link Tasks}). The last
 * {@code testTrials} trials form the test set, the others the training set. A relative path is resolved
 * against the folder of the spec.
 */
public final class RecordedTrajectories {

  public static final List<String> SIDECAR_HEADER = List.of("target", "cue_bin", "go_bin");
  public static final List<String> CSV_HEADER = List.of("trial", "bin", "x", "y", "target", "cue_bin", "go_bin");

  private RecordedTrajectories() {}

  /** Loads, validates and splits the trials of a recorded task. */
  public static TaskData load(Recorded spec, Path specFolder, DataType type) {
    String where = "task " + spec.name() + ": ";
    Path file = spec.file().isAbsolute() || specFolder == null ? spec.file() : specFolder.resolve(spec.file());
    if (!Files.isRegularFile(file)) {
      throw new SpecException(where + "trajectories file " + file + " does not exist"
          + (spec.file().isAbsolute() ? "" : " (relative paths are resolved against the spec's folder " + specFolder + ")"));
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Loaded loaded;
    try {
      if (lower.endsWith(".npy")) {
        loaded = fromNpy(spec, file, where);
      } else if (lower.endsWith(".csv")) {
        loaded = fromCsv(spec, file, where);
      } else {
        throw new SpecException(where + "trajectories file " + file
            + " must end in .npy (with a .trials.csv sidecar) or .csv; see docs/trajectory-format.md");
      }
    } catch (NpyException | Csv.CsvException e) {
      throw new SpecException(where + e.getMessage());
    }
    int trials = loaded.ids.length;
    if (trials <= spec.testTrials()) {
      throw new SpecException(where + file + " holds " + trials + " trials, but " + spec.testTrials()
          + " are set aside for testing; lower the test trials so that some remain for training");
    }
    int train = trials - spec.testTrials();
    return new TaskData(split(spec, loaded, 0, train, type), split(spec, loaded, train, trials, type));
  }

  /** Writes trials in the .npy layout: positions to {@code file} and the trial table beside it. */
  public static void writeNpy(Path file, TrialSet trials) {
    Npy.write(file, trials.targets());
    List<double[]> rows = new ArrayList<>();
    for (int n = 0; n < trials.trials(); n++) {
      rows.add(new double[] {trials.targetIds()[n], trials.cueBins()[n], trials.goBins()[n]});
    }
    Csv.write(sidecar(file), SIDECAR_HEADER, rows);
  }

  /** Writes trials in the one-file CSV layout. */
  public static void writeCsv(Path file, TrialSet trials) {
    double[] xy = trials.targets().castTo(DataType.DOUBLE).dup('c').data().asDouble();
    int bins = trials.bins();
    List<double[]> rows = new ArrayList<>();
    for (int n = 0; n < trials.trials(); n++) {
      for (int t = 0; t < bins; t++) {
        int at = (n * bins + t) * 2;
        rows.add(new double[] {n, t, xy[at], xy[at + 1], trials.targetIds()[n], trials.cueBins()[n], trials.goBins()[n]});
      }
    }
    Csv.write(file, CSV_HEADER, rows);
  }

  /** {@code name.npy} -> {@code name.trials.csv}. */
  public static Path sidecar(Path npyFile) {
    String name = npyFile.getFileName().toString();
    return npyFile.resolveSibling(name.substring(0, name.length() - ".npy".length()) + ".trials.csv");
  }

  private record Loaded(double[] positions, int[] ids, int[] cues, int[] gos) {}

  private static Loaded fromNpy(Recorded spec, Path file, String where) {
    INDArray positions = Npy.read(file);
    long[] shape = positions.shape();
    if (shape.length != 3 || shape[2] != 2) {
      throw new SpecException(where + file + " has shape " + Arrays.toString(shape)
          + "; expected [trials, bins, 2] hand positions (x, y in cm)");
    }
    if (positions.dataType() != DataType.FLOAT && positions.dataType() != DataType.DOUBLE) {
      throw new SpecException(where + file + " holds " + positions.dataType() + " values; save positions as float32 or float64");
    }
    if (shape[1] != spec.trialBins()) {
      throw new SpecException(where + file + " has " + shape[1] + " bins per trial, but the task declares "
          + spec.trialBins() + "; set the trial length to " + shape[1] + " bins or resample the data");
    }
    int trials = (int) shape[0];
    Path table = sidecar(file);
    if (!Files.isRegularFile(table)) {
      throw new SpecException(where + "the trial table " + table + " is missing; beside " + file.getFileName()
          + " put a CSV with header " + String.join(",", SIDECAR_HEADER) + " and one row per trial");
    }
    Csv.Table rows = Csv.read(table, SIDECAR_HEADER);
    if (rows.rows().size() != trials) {
      throw new SpecException(where + table + " has " + rows.rows().size() + " trial rows, but " + file.getFileName()
          + " holds " + trials + " trials; give one row per trial, in the same order");
    }
    int[] ids = new int[trials];
    int[] cues = new int[trials];
    int[] gos = new int[trials];
    for (int n = 0; n < trials; n++) {
      ids[n] = rows.integer(n, 0);
      cues[n] = rows.integer(n, 1);
      gos[n] = rows.integer(n, 2);
      checkTrial(spec, where, table + ":" + rows.lines()[n] + " (trial " + n + ")", ids[n], cues[n], gos[n]);
    }
    double[] xy = positions.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    checkFinite(where, file, xy, spec.trialBins());
    return new Loaded(xy, ids, cues, gos);
  }

  private static Loaded fromCsv(Recorded spec, Path file, String where) {
    Csv.Table table = Csv.read(file, CSV_HEADER);
    int bins = spec.trialBins();
    int trials = 0;
    for (int r = 0; r < table.rows().size(); r++) {
      int trial = table.integer(r, 0);
      if (trial < 0) {
        throw new SpecException(where + file + ":" + table.lines()[r] + ": trial " + trial + " is negative; number trials from 0");
      }
      trials = Math.max(trials, trial + 1);
    }
    if (trials == 0) {
      throw new SpecException(where + file + " has a header but no trials");
    }
    double[] xy = new double[trials * bins * 2];
    int[] ids = new int[trials];
    int[] cues = new int[trials];
    int[] gos = new int[trials];
    int[] firstLine = new int[trials];
    boolean[] seen = new boolean[trials * bins];
    int[] binsSeen = new int[trials];
    for (int r = 0; r < table.rows().size(); r++) {
      String at = file + ":" + table.lines()[r];
      int n = table.integer(r, 0);
      int t = table.integer(r, 1);
      if (t < 0 || t >= bins) {
        throw new SpecException(where + at + ": bin " + t + " of trial " + n + " is outside 0.." + (bins - 1)
            + "; the task declares " + bins + " bins per trial");
      }
      if (seen[n * bins + t]) {
        throw new SpecException(where + at + ": trial " + n + ", bin " + t + " appears twice; give each bin once");
      }
      seen[n * bins + t] = true;
      binsSeen[n]++;
      double[] row = table.rows().get(r);
      xy[(n * bins + t) * 2] = row[2];
      xy[(n * bins + t) * 2 + 1] = row[3];
      int id = table.integer(r, 4);
      int cue = table.integer(r, 5);
      int go = table.integer(r, 6);
      if (firstLine[n] == 0) {
        firstLine[n] = table.lines()[r];
        ids[n] = id;
        cues[n] = cue;
        gos[n] = go;
        checkTrial(spec, where, at + " (trial " + n + ")", id, cue, go);
      } else if (ids[n] != id || cues[n] != cue || gos[n] != go) {
        throw new SpecException(where + at + ": trial " + n + " has target,cue_bin,go_bin = " + id + "," + cue + "," + go
            + " but line " + firstLine[n] + " says " + ids[n] + "," + cues[n] + "," + gos[n]
            + "; these columns must be equal on every row of a trial");
      }
    }
    for (int n = 0; n < trials; n++) {
      if (binsSeen[n] != bins) {
        int missing = 0;
        while (missing < bins && seen[n * bins + missing]) {
          missing++;
        }
        throw new SpecException(where + file + ": trial " + n + " has " + binsSeen[n] + " of " + bins
            + " bins (bin " + missing + " is missing); trials are numbered 0.." + (trials - 1)
            + " and each needs every bin 0.." + (bins - 1));
      }
    }
    checkFinite(where, file, xy, bins);
    return new Loaded(xy, ids, cues, gos);
  }

  private static void checkTrial(Recorded spec, String where, String at, int id, int cue, int go) {
    if (id < 0 || id >= spec.targets()) {
      throw new SpecException(where + at + ": target " + id + " is outside 0.." + (spec.targets() - 1)
          + "; target ids are 0-based and the task declares " + spec.targets() + " targets");
    }
    if (cue < 0 || cue >= go || go >= spec.trialBins()) {
      throw new SpecException(where + at + ": cue bin " + cue + " and go bin " + go + " must satisfy 0 <= cue < go < "
          + spec.trialBins() + " (the trial length)");
    }
  }

  private static void checkFinite(String where, Path file, double[] xy, int bins) {
    for (int i = 0; i < xy.length; i++) {
      if (!Double.isFinite(xy[i])) {
        throw new SpecException(where + file + ": trial " + i / 2 / bins + ", bin " + (i / 2) % bins
            + " has a non-finite position " + xy[i] + "; fill or drop that trial");
      }
    }
  }

  private static TrialSet split(Recorded spec, Loaded data, int from, int to, DataType type) {
    int bins = spec.trialBins();
    int count = to - from;
    double[] xy = Arrays.copyOfRange(data.positions, from * bins * 2, to * bins * 2);
    int[] ids = Arrays.copyOfRange(data.ids, from, to);
    int[] cues = Arrays.copyOfRange(data.cues, from, to);
    int[] gos = Arrays.copyOfRange(data.gos, from, to);
    return new TrialSet(
        Tasks.inputs(ids, cues, gos, bins, spec.targets(), spec.inputGain(), spec.holdValue(), type),
        Nd4j.create(xy, new long[] {count, bins, 2}, 'c').castTo(type),
        ids, cues, gos);
  }
}

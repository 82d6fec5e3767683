package org.motorlearn.dsl.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.run.Json;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a run folder's arrays and JSON as a Python user would (docs/run-format.md), and the formulas
 * of MODEL.md section 6 written out again in plain Java doubles, independent of the runtime's
 * analysis package, so a test can recompute what the runtime reported.
 */
final class RunArrays {

  private RunArrays() {
  }

  /** A C-order array as doubles with its shape. */
  record Array(int[] shape, double[] values) {
    double at(int... index) {
      int flat = 0;
      for (int d = 0; d < shape.length; d++) {
        flat = flat * shape[d] + index[d];
      }
      return values[flat];
    }
  }

  static Array read(Path npy) {
    INDArray array = Npy.read(npy);
    long[] shape = array.shape();
    return new Array(Arrays.stream(shape).mapToInt(Math::toIntExact).toArray(),
        array.castTo(DataType.DOUBLE).dup('c').data().asDouble());
  }

  static int[] readInts(Path npy) {
    return Npy.readInts(npy);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(Path file) {
    return (Map<String, Object>) Json.toPlain(Json.read(file));
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mean over trials, bins t >= fromBin and coordinates of (output - target)^2. */
  static double mse(Array output, Array target, int fromBin) {
    double sum = 0;
    long count = 0;
    for (int n = 0; n < output.shape()[0]; n++) {
      for (int t = fromBin; t < output.shape()[1]; t++) {
        for (int d = 0; d < output.shape()[2]; d++) {
          double e = output.at(n, t, d) - target.at(n, t, d);
          sum += e * e;
          count++;
        }
      }
    }
    return sum / count;
  }

  /** psi[c][t][i]: mean rate of unit i over the trials of target c at bin go + start + t, t < end - start. */
  static double[][][] psth(Array rates, int[] targetIds, int[] goBins, int start, int end, int targets) {
    int units = rates.shape()[2];
    int window = end - start;
    double[][][] psth = new double[targets][window][units];
    int[] count = new int[targets];
    for (int n = 0; n < targetIds.length; n++) {
      int c = targetIds[n];
      count[c]++;
      for (int t = 0; t < window; t++) {
        for (int i = 0; i < units; i++) {
          psth[c][t][i] += rates.at(n, goBins[n] + start + t, i);
        }
      }
    }
    for (int c = 0; c < targets; c++) {
      for (double[] row : psth[c]) {
        for (int i = 0; i < units; i++) {
          row[i] /= count[c];
        }
      }
    }
    return psth;
  }

  /** Median over (c, t, i) of |psi' - psi| / sigma_i * 100, sigma_i the population std over (c, t) of psi. */
  static double activityChangePercent(double[][][] before, double[][][] after) {
    int units = before[0][0].length;
    double[] sigma = new double[units];
    int samples = before.length * before[0].length;
    for (int i = 0; i < units; i++) {
      double mean = 0;
      for (double[][] c : before) {
        for (double[] row : c) {
          mean += row[i];
        }
      }
      mean /= samples;
      double variance = 0;
      for (double[][] c : before) {
        for (double[] row : c) {
          variance += (row[i] - mean) * (row[i] - mean);
        }
      }
      sigma[i] = Math.sqrt(variance / samples);
    }
    double[] changes = new double[samples * units];
    int k = 0;
    for (int c = 0; c < before.length; c++) {
      for (int t = 0; t < before[c].length; t++) {
        for (int i = 0; i < units; i++) {
          changes[k++] = Math.abs(after[c][t][i] - before[c][t][i]) / sigma[i] * 100;
        }
      }
    }
    return median(changes);
  }

  /** 1 - Pearson correlation of the entries of the sample covariances (ddof 1) of the stacked PSTHs. */
  static double covarianceChange(double[][][] before, double[][][] after) {
    return 1 - pearson(flatten(covariance(before)), flatten(covariance(after)));
  }

  private static double[][] covariance(double[][][] psth) {
    int units = psth[0][0].length;
    int rows = psth.length * psth[0].length;
    double[] mean = new double[units];
    for (double[][] c : psth) {
      for (double[] row : c) {
        for (int i = 0; i < units; i++) {
          mean[i] += row[i] / rows;
        }
      }
    }
    double[][] cov = new double[units][units];
    for (double[][] c : psth) {
      for (double[] row : c) {
        for (int i = 0; i < units; i++) {
          for (int j = 0; j < units; j++) {
            cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (rows - 1);
          }
        }
      }
    }
    return cov;
  }

  private static double[] flatten(double[][] matrix) {
    return Arrays.stream(matrix).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int k = 0; k < x.length; k++) {
      sxy += (x[k] - mx) * (y[k] - my);
      sxx += (x[k] - mx) * (x[k] - mx);
      syy += (y[k] - my) * (y[k] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Median over entries of |W' - W| / |W| * 100. */
  static double weightChangePercent(Array before, Array after) {
    double[] changes = new double[before.values().length];
    for (int k = 0; k < changes.length; k++) {
      changes[k] = Math.abs(after.values()[k] - before.values()[k]) / Math.abs(before.values()[k]) * 100;
    }
    return median(changes);
  }

  /** (sum s)^2 / sum s^2 over the singular values s of a matrix. */
  static double participationRatio(double[][] matrix) {
    double[] s = singularValues(matrix);
    double sum = 0;
    double squares = 0;
    for (double v : s) {
      sum += v;
      squares += v * v;
    }
    return sum * sum / squares;
  }

  static double[][] difference(Array before, Array after) {
    int rows = before.shape()[0];
    int columns = before.shape()[1];
    double[][] d = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        d[r][c] = after.at(r, c) - before.at(r, c);
      }
    }
    return d;
  }

  /**
   * Singular values by one-sided Jacobi rotations: columns are rotated pairwise until orthogonal;
   * their norms are then the singular values. Plenty accurate for the small matrices of a test.
   */
  static double[] singularValues(double[][] matrix) {
    int rows = matrix.length;
    int columns = matrix[0].length;
    boolean transpose = columns > rows;
    int m = transpose ? columns : rows;
    int n = transpose ? rows : columns;
    double[][] a = new double[m][n];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (transpose) {
          a[c][r] = matrix[r][c];
        } else {
          a[r][c] = matrix[r][c];
        }
      }
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double alpha = 0;
          double beta = 0;
          double gamma = 0;
          for (int r = 0; r < m; r++) {
            alpha += a[r][p] * a[r][p];
            beta += a[r][q] * a[r][q];
            gamma += a[r][p] * a[r][q];
          }
          if (gamma == 0) {
            continue;
          }
          off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
          double zeta = (beta - alpha) / (2 * gamma);
          double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
          if (zeta == 0) {
            t = 1;
          }
          double cos = 1 / Math.sqrt(1 + t * t);
          double sin = cos * t;
          for (int r = 0; r < m; r++) {
            double x = a[r][p];
            double y = a[r][q];
            a[r][p] = cos * x - sin * y;
            a[r][q] = sin * x + cos * y;
          }
        }
      }
      if (off < 1e-12) {
        break;
      }
    }
    double[] s = new double[n];
    for (int c = 0; c < n; c++) {
      double norm = 0;
      for (int r = 0; r < m; r++) {
        norm += a[r][c] * a[r][c];
      }
      s[c] = Math.sqrt(norm);
    }
    return s;
  }

  /** The median as numpy computes it (mean of the two middle values for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

package org.motorlearn.runtime.analysis;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between ND4J arrays and Java double arrays, and small statistics shared by the analyses. */
final class Values {

  private Values() {}

  /** All elements in C order, as doubles. */
  static double[] flat(INDArray a) {
    if (a.length() == 0) {
      return new double[0];
    }
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  static double[][] matrix(INDArray a, String what) {
    if (a.rank() == 1) {
      double[] v = flat(a);
      double[][] column = new double[v.length][1];
      for (int i = 0; i < v.length; i++) {
        column[i][0] = v[i];
      }
      return column;
    }
    if (a.rank() != 2) {
      throw new IllegalArgumentException(what + ": expected a matrix, got shape " + Arrays.toString(a.shape()));
    }
    int rows = (int) a.size(0);
    int cols = (int) a.size(1);
    double[] v = flat(a);
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = Arrays.copyOfRange(v, i * cols, (i + 1) * cols);
    }
    return m;
  }

  static double[][][] cube(INDArray a, String what) {
    if (a.rank() != 3) {
      throw new IllegalArgumentException(what + ": expected a [targets, bins, units] array, got shape " + Arrays.toString(a.shape()));
    }
    int d0 = (int) a.size(0);
    int d1 = (int) a.size(1);
    int d2 = (int) a.size(2);
    double[] v = flat(a);
    double[][][] c = new double[d0][d1][];
    for (int i = 0; i < d0; i++) {
      for (int j = 0; j < d1; j++) {
        int at = (i * d1 + j) * d2;
        c[i][j] = Arrays.copyOfRange(v, at, at + d2);
      }
    }
    return c;
  }

  static INDArray array(double[][][] c) {
    int d0 = c.length;
    int d1 = c[0].length;
    int d2 = c[0][0].length;
    double[] v = new double[d0 * d1 * d2];
    for (int i = 0; i < d0; i++) {
      for (int j = 0; j < d1; j++) {
        System.arraycopy(c[i][j], 0, v, (i * d1 + j) * d2, d2);
      }
    }
    return Nd4j.create(v, new long[] {d0, d1, d2}, 'c');
  }

  static INDArray array(double[][] m) {
    int rows = m.length;
    int cols = m[0].length;
    double[] v = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(m[i], 0, v, i * cols, cols);
    }
    return Nd4j.create(v, new long[] {rows, cols}, 'c');
  }

  /** The (targets*bins) x units matrix of concatenated PSTHs, rows target-major. */
  static double[][] concatenated(double[][][] psth) {
    double[][] x = new double[psth.length * psth[0].length][];
    int r = 0;
    for (double[][] target : psth) {
      for (double[] bin : target) {
        x[r++] = bin;
      }
    }
    return x;
  }

  /**
   * Median of the first {@code count} values (which it reorders): the middle value, or the mean of the
   * two middle values for an even count (NumPy's convention); NaN for no values.
   */
  static double median(double[] values, int count) {
    if (count == 0) {
      return Double.NaN;
    }
    double[] v = count == values.length ? values : Arrays.copyOf(values, count);
    Arrays.sort(v);
    int mid = count / 2;
    return count % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  static void requireSameShape(INDArray a, INDArray b, String what) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      throw new IllegalArgumentException(what + ": shapes differ, " + Arrays.toString(a.shape()) + " and "
          + Arrays.toString(b.shape()));
    }
  }
}

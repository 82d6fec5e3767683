package org.motorlearn.runtime.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Singular value decomposition by one-sided Jacobi rotations (Hestenes 1958; Demmel and Veselic 1992),
 * in pure Java double precision. Chosen over the Gram-matrix eigenvalue route because it resolves
 * small singular values to full relative accuracy (a rank-1 matrix gives exactly one singular value
 * well above 1e-15 of the largest), which the participation ratio needs; and over ND4J's native
 * routine so results do not depend on the thread layout or the native build.
 *
 * <p>The columns of A are rotated pairwise until all are mutually orthogonal to within 1e-15 of their
 * norms: A V = U S. The singular values are the final column norms, sorted descending.
 */
public final class Svd {

  private static final double TOLERANCE = 1e-15;
  private static final int MAX_SWEEPS = 80;

  /**
   * @param values singular values, descending
   * @param v right singular vectors as ROWS ({@code v[k]} belongs to {@code values[k]}), or null
   */
  public record Result(double[] values, double[][] v) {}

  private Svd() {}

  /** Singular values of an m x n matrix, descending (min(m, n) of them). */
  public static double[] values(double[][] a) {
    int m = a.length;
    int n = a[0].length;
    // orthogonalise the fewer, longer vectors: columns of A if n <= m, else columns of A^T
    double[][] columns = n <= m ? transpose(a) : copy(a);
    return run(columns, false).values;
  }

  /** Singular values and right singular vectors of an m x n matrix (all n of them; n should be <= m). */
  public static Result of(double[][] a) {
    return run(transpose(a), true);
  }

  private static Result run(double[][] cols, boolean vectors) {
    int n = cols.length;
    int m = cols[0].length;
    double[][] v = null;
    if (vectors) {
      v = new double[n][n];
      for (int i = 0; i < n; i++) {
        v[i][i] = 1;
      }
    }
    double[] norms = new double[n];
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      for (int j = 0; j < n; j++) {
        norms[j] = dot(cols[j], cols[j], m);
      }
      boolean rotated = false;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double alpha = norms[p];
          double beta = norms[q];
          if (alpha == 0 || beta == 0) {
            continue;
          }
          double gamma = dot(cols[p], cols[q], m);
          if (Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
          double c = 1 / Math.sqrt(1 + t * t);
          double s = c * t;
          rotate(cols[p], cols[q], c, s, m);
          if (vectors) {
            rotate(v[p], v[q], c, s, n);
          }
          norms[p] = alpha - t * gamma;
          norms[q] = beta + t * gamma;
        }
      }
      if (!rotated) {
        break;
      }
    }
    double[] s = new double[n];
    for (int j = 0; j < n; j++) {
      s[j] = Math.sqrt(dot(cols[j], cols[j], m));
    }
    int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(j -> -s[j])).mapToInt(Integer::intValue).toArray();
    double[] sorted = new double[n];
    double[][] rows = vectors ? new double[n][] : null;
    for (int k = 0; k < n; k++) {
      sorted[k] = s[order[k]];
      if (vectors) {
        rows[k] = v[order[k]];
      }
    }
    return new Result(sorted, rows);
  }

  private static double dot(double[] a, double[] b, int m) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** (a, b) := (c a - s b, s a + c b). */
  private static void rotate(double[] a, double[] b, double c, double s, int m) {
    for (int i = 0; i < m; i++) {
      double x = a[i];
      double y = b[i];
      a[i] = c * x - s * y;
      b[i] = s * x + c * y;
    }
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  private static double[][] copy(double[][] a) {
    return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
  }
}

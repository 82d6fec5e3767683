package org.motorlearn.runtime.analysis;

import java.util.Arrays;

/**
 * Principal angles between two k-dimensional subspaces of R^N, in degrees, ascending (0: a shared
 * direction, 90: orthogonal directions). With orthonormal bases Qa, Qb, the cosines are the singular
 * values of Qa^T Qb and the sines those of Qb - Qa Qa^T Qb; an angle is taken from its sine when
 * cos^2 >= 1/2 and from its cosine otherwise, so small and large angles are both accurate
 * (Bjorck and Golub 1973; Knyazev and Argentati 2002).
 */
public final class PrincipalAngles {

  private PrincipalAngles() {}

  /** Angles between the spans of the first k components of two PCA results. */
  public static double[] between(Pca.Result a, Pca.Result b, int k) {
    if (k > a.components().length || k > b.components().length) {
      throw new IllegalArgumentException("principal angles: " + k + " components requested, but the PCA kept "
          + Math.min(a.components().length, b.components().length));
    }
    return degrees(Arrays.copyOf(a.components(), k), Arrays.copyOf(b.components(), k));
  }

  /**
   * @param a basis of the first subspace as rows, [k][N] (need not be orthonormal, must be independent)
   * @param b basis of the second subspace as rows, [k][N]
   */
  public static double[] degrees(double[][] a, double[][] b) {
    if (a.length != b.length || a[0].length != b[0].length) {
      throw new IllegalArgumentException("principal angles: subspaces of " + a.length + " and " + b.length
          + " vectors of length " + a[0].length + " and " + b[0].length);
    }
    double[][] qa = orthonormal(a);
    double[][] qb = orthonormal(b);
    int k = qa.length;
    int n = qa[0].length;
    double[][] m = new double[k][k]; // m[i][j] = qa_i . qb_j
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = dot(qa[i], qb[j]);
      }
    }
    double[][] residual = new double[k][n]; // rows: qb_j - sum_i m[i][j] qa_i
    for (int j = 0; j < k; j++) {
      residual[j] = qb[j].clone();
      for (int i = 0; i < k; i++) {
        for (int x = 0; x < n; x++) {
          residual[j][x] -= m[i][j] * qa[i][x];
        }
      }
    }
    double[] cosines = Svd.values(m); // descending
    double[] sines = Svd.values(residual); // descending: reverse to pair with the cosines
    double[] angles = new double[k];
    for (int i = 0; i < k; i++) {
      double cos = Math.min(1, cosines[i]);
      double sin = Math.min(1, sines[k - 1 - i]);
      angles[i] = Math.toDegrees(cos * cos >= 0.5 ? Math.asin(sin) : Math.acos(cos));
    }
    return angles;
  }

  /** Modified Gram-Schmidt, applied twice ("twice is enough") for orthogonality to rounding level. */
  private static double[][] orthonormal(double[][] rows) {
    double[][] q = new double[rows.length][];
    for (int j = 0; j < rows.length; j++) {
      double[] v = rows[j].clone();
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < j; i++) {
          double d = dot(q[i], v);
          for (int x = 0; x < v.length; x++) {
            v[x] -= d * q[i][x];
          }
        }
      }
      double norm = Math.sqrt(dot(v, v));
      if (norm == 0) {
        throw new IllegalArgumentException("principal angles: basis vector " + j + " depends on the others");
      }
      for (int x = 0; x < v.length; x++) {
        v[x] /= norm;
      }
      q[j] = v;
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}

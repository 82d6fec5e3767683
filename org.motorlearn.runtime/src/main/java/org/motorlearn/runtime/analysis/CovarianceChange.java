package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Change in covariance, MODEL.md section 6: 1 - Pearson correlation of vec(C) and vec(C') over all N^2
 * entries, where C is the sample covariance (ddof 1) between units of the (targets*bins) x N matrix of
 * concatenated PSTHs. 0 for identical covariance structure, up to 2 for anti-correlated structure;
 * NaN if either covariance matrix is constant (e.g. a single unit).
 */
public final class CovarianceChange {

  private CovarianceChange() {}

  /** @param before baseline PSTH [targets, bins, units]; @param after adapted PSTH, same shape */
  public static double of(INDArray before, INDArray after) {
    Values.requireSameShape(before, after, "covariance change");
    return of(Values.cube(before, "covariance change"), Values.cube(after, "covariance change"));
  }

  static double of(double[][][] before, double[][][] after) {
    double[][] c = covariance(Values.concatenated(before));
    double[][] d = covariance(Values.concatenated(after));
    return 1 - pearson(c, d);
  }

  /** Sample covariance (ddof 1) between the columns of x (rows are observations). */
  static double[][] covariance(double[][] x) {
    int rows = x.length;
    int n = x[0].length;
    double[] mean = new double[n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        mean[i] += row[i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] /= rows;
    }
    double[][] c = new double[n][n];
    double[] centred = new double[n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        centred[i] = row[i] - mean[i];
      }
      for (int a = 0; a < n; a++) {
        double xa = centred[a];
        double[] ca = c[a];
        for (int b = a; b < n; b++) {
          ca[b] += xa * centred[b];
        }
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = a; b < n; b++) {
        c[a][b] /= rows - 1;
        c[b][a] = c[a][b];
      }
    }
    return c;
  }

  /** Pearson correlation of the entries of two equally shaped matrices. */
  static double pearson(double[][] a, double[][] b) {
    double count = 0;
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        meanA += a[i][j];
        meanB += b[i][j];
        count++;
      }
    }
    meanA /= count;
    meanB /= count;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        double da = a[i][j] - meanA;
        double db = b[i][j] - meanB;
        ab += da * db;
        aa += da * da;
        bb += db * db;
      }
    }
    return ab / Math.sqrt(aa * bb);
  }
}

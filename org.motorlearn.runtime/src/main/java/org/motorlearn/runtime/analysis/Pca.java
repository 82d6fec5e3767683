package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Principal components of population activity: the eigenvectors of the sample covariance (ddof 1)
 * between units of the (targets*bins) x N matrix of concatenated PSTHs, sorted by variance explained
 * (descending). Each component's sign is fixed so that its largest-magnitude entry is positive.
 * Projections are of the mean-centred PSTHs onto the kept components.
 */
public final class Pca {

  /**
   * @param variances all N eigenvalues of the covariance (variance along each component), descending
   * @param explained fraction of the total variance explained by each of the kept components
   * @param components kept components as rows, [k][N], orthonormal
   * @param projections centred PSTHs projected on the kept components, [targets, bins, k], DOUBLE
   */
  public record Result(double[] variances, double[] explained, double[][] components, INDArray projections) {}

  private Pca() {}

  /** @param psth [targets, bins, units]; @param k components to keep (at most the number of units) */
  public static Result of(INDArray psth, int k) {
    double[][][] cube = Values.cube(psth, "PCA");
    double[][] x = Values.concatenated(cube);
    int n = x[0].length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("PCA: cannot keep " + k + " components of " + n + " units");
    }
    Svd.Result eig = Svd.of(CovarianceChange.covariance(x));
    double total = 0;
    for (double v : eig.values()) {
      total += v;
    }
    double[] explained = new double[k];
    double[][] components = new double[k][];
    for (int j = 0; j < k; j++) {
      explained[j] = eig.values()[j] / total;
      double[] c = eig.v()[j].clone();
      int largest = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(c[i]) > Math.abs(c[largest])) {
          largest = i;
        }
      }
      if (c[largest] < 0) {
        for (int i = 0; i < n; i++) {
          c[i] = -c[i];
        }
      }
      components[j] = c;
    }
    double[] mean = new double[n];
    for (double[] row : x) {
      for (int i = 0; i < n; i++) {
        mean[i] += row[i] / x.length;
      }
    }
    double[][][] projections = new double[cube.length][cube[0].length][k];
    for (int c = 0; c < cube.length; c++) {
      for (int t = 0; t < cube[0].length; t++) {
        for (int j = 0; j < k; j++) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += (cube[c][t][i] - mean[i]) * components[j][i];
          }
          projections[c][t][j] = sum;
        }
      }
    }
    return new Result(eig.values(), explained, components, Values.array(projections));
  }
}

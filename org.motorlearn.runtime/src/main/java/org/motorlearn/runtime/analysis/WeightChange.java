package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight change (%), MODEL.md section 6: the median over entries of |W'_ij - W_ij| / |W_ij| * 100.
 * Entries with W_ij = 0 (absent synapses of a sparse matrix, or zero-initialised weights) have no
 * relative change and are left out; NaN if every entry is 0. Works for matrices and bias vectors.
 */
public final class WeightChange {

  private WeightChange() {}

  public static double percent(INDArray before, INDArray after) {
    Values.requireSameShape(before, after, "weight change");
    double[] w = Values.flat(before);
    double[] v = Values.flat(after);
    double[] relative = new double[w.length];
    int n = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        relative[n++] = Math.abs(v[i] - w[i]) / Math.abs(w[i]) * 100;
      }
    }
    return Values.median(relative, n);
  }
}

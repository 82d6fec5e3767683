package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dimensionality of a weight change, MODEL.md section 6: PR = (sum_k s_k)^2 / sum_k s_k^2 over the raw
 * (not squared) singular values s of dW. 1 for a rank-1 change, min(m, n) for equal singular values,
 * about 287 for an i.i.d. Gaussian 400 x 400 matrix. NaN for dW = 0. A vector (a bias) counts as one
 * column, so its PR is 1.
 */
public final class ParticipationRatio {

  private ParticipationRatio() {}

  public static double of(INDArray dW) {
    return of(Values.matrix(dW, "participation ratio"));
  }

  public static double of(double[][] dW) {
    return ofSingularValues(Svd.values(dW));
  }

  public static double ofSingularValues(double[] s) {
    double sum = 0;
    double squares = 0;
    for (double v : s) {
      sum += v;
      squares += v * v;
    }
    return sum * sum / squares;
  }
}

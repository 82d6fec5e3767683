package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Behavioural error on a set of trials (MODEL.md section 6), in double precision.
 * <ul>
 *   <li>MSE (cm^2): mean over trials, bins t &gt;= fromBin and both coordinates of (y - y*)^2; RMSE (cm)
 *       is its square root.
 *   <li>Angular endpoint error (degrees): per trial, the endpoint of a path is its mean position over the
 *       last {@link #ENDPOINT_BINS} bins of the trial (averaging makes it robust to jitter at the end);
 *       the error is the absolute angle between the produced and the instructed endpoint vectors (from
 *       the workspace centre), in [0, 180]; reported as the mean over trials. Trials whose instructed
 *       endpoint is the centre itself have no direction and are left out (NaN if all are).
 * </ul>
 * Learning curves are the per-update loss series, recorded by the run.
 */
public final class Behaviour {

  /** Bins averaged for the endpoint of a path. */
  public static final int ENDPOINT_BINS = 20;

  private Behaviour() {}

  /** @param outputs produced positions [trials, bins, dims]; @param targets instructed positions, same shape */
  public static double mse(INDArray outputs, INDArray targets, int fromBin) {
    Values.requireSameShape(outputs, targets, "behavioural error");
    int trials = (int) outputs.size(0);
    int bins = (int) outputs.size(1);
    int dims = (int) outputs.size(2);
    if (fromBin < 0 || fromBin >= bins) {
      throw new IllegalArgumentException("behavioural error: bin " + fromBin + " is outside the trial of " + bins + " bins");
    }
    double[] y = Values.flat(outputs);
    double[] z = Values.flat(targets);
    double sum = 0;
    for (int n = 0; n < trials; n++) {
      for (int i = (n * bins + fromBin) * dims; i < (n + 1) * bins * dims; i++) {
        double d = y[i] - z[i];
        sum += d * d;
      }
    }
    return sum / ((double) trials * (bins - fromBin) * dims);
  }

  public static double rmse(INDArray outputs, INDArray targets, int fromBin) {
    return Math.sqrt(mse(outputs, targets, fromBin));
  }

  /** Mean absolute angular endpoint error in degrees, as defined on the class. */
  public static double angularErrorDegrees(INDArray outputs, INDArray targets) {
    double[] errors = signedAngularErrors(outputs, targets);
    double sum = 0;
    int count = 0;
    for (double e : errors) {
      if (!Double.isNaN(e)) {
        sum += Math.abs(e);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * Per trial, the signed angle in degrees, in (-180, 180], from the instructed to the produced endpoint
   * (positive: the produced reach is turned counter-clockwise); NaN for an instructed endpoint at the centre.
   */
  public static double[] signedAngularErrors(INDArray outputs, INDArray targets) {
    Values.requireSameShape(outputs, targets, "angular error");
    if (outputs.rank() != 3 || outputs.size(2) != 2) {
      throw new IllegalArgumentException("angular error: needs 2-d positions [trials, bins, 2]");
    }
    int trials = (int) outputs.size(0);
    int bins = (int) outputs.size(1);
    double[] y = Values.flat(outputs);
    double[] z = Values.flat(targets);
    int from = Math.max(0, bins - ENDPOINT_BINS);
    double[] errors = new double[trials];
    for (int n = 0; n < trials; n++) {
      double px = 0;
      double py = 0;
      double tx = 0;
      double ty = 0;
      for (int t = from; t < bins; t++) {
        int at = (n * bins + t) * 2;
        px += y[at];
        py += y[at + 1];
        tx += z[at];
        ty += z[at + 1];
      }
      if (tx == 0 && ty == 0) {
        errors[n] = Double.NaN;
        continue;
      }
      // atan2 of cross and dot products: the angle between the vectors, exact near 0 and 180
      errors[n] = Math.toDegrees(Math.atan2(tx * py - ty * px, tx * px + ty * py));
    }
    return errors;
  }
}

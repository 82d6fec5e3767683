package org.motorlearn.runtime.spec;

/**
 * L = mean over bins t >= fromBin, trials and output dimensions of (y - y*)^2
 *   + weightPenalty * sum over weight matrices (not biases) of ||W|| (FROBENIUS) or ||W||^2 (SQUARED)
 *   + ratePenalty * sum over modules of mean r^2 (over ALL bins, trials and units).
 */
public record LossSpec(int fromBin, double weightPenalty, WeightNorm norm, double ratePenalty) {

  public enum WeightNorm {
    /** Unsquared Frobenius norm, as in the reference (gradient W / ||W||). */
    FROBENIUS,
    /** Squared Frobenius norm (classic L2, gradient 2W). */
    SQUARED
  }

  public LossSpec {
    SpecException.require(fromBin >= 0, "loss: the MSE window must start at bin >= 0, got " + fromBin);
    SpecException.require(weightPenalty >= 0, "loss: weight penalty must be >= 0, got " + weightPenalty);
    SpecException.require(ratePenalty >= 0, "loss: rate penalty must be >= 0, got " + ratePenalty);
    SpecException.require(norm != null, "loss: the weight norm is missing");
  }

  /** The reference loss: MSE from bin 50, 1e-3 unsquared Frobenius, 0.8 rate penalty. */
  public static LossSpec reference() {
    return new LossSpec(50, 1e-3, WeightNorm.FROBENIUS, 0.8);
  }
}

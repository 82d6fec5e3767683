package org.motorlearn.runtime.task;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A set of trials, trial-major (the layout saved to .npy, so NumPy users index trials first).
 *
 * @param inputs task input, [trials, bins, inputDimension]
 * @param targets instructed hand position, cm, [trials, bins, outputDimension]
 * @param targetIds which target (cue) each trial shows, [trials]
 * @param cueBins bin of the target cue per trial
 * @param goBins bin of the go cue per trial
 */
public record TrialSet(INDArray inputs, INDArray targets, int[] targetIds, int[] cueBins, int[] goBins) {

  public TrialSet {
    long trials = inputs.size(0);
    if (targets.size(0) != trials || targetIds.length != trials || cueBins.length != trials || goBins.length != trials
        || targets.size(1) != inputs.size(1)) {
      throw new IllegalArgumentException("trial set: inconsistent sizes (inputs " + inputs.shapeInfoToString()
          + ", targets " + targets.shapeInfoToString() + ", " + targetIds.length + " ids)");
    }
  }

  public int trials() {
    return (int) inputs.size(0);
  }

  public int bins() {
    return (int) inputs.size(1);
  }

  /** The same trials with inputs and targets of another floating-point type (FLOAT or DOUBLE). */
  public TrialSet castTo(DataType type) {
    return new TrialSet(inputs.castTo(type), targets.castTo(type), targetIds, cueBins, goBins);
  }
}

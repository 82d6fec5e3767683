package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.task.TrialSet;

/** A trial set's inputs and targets as trial-major double arrays, checked against the network. */
record TrialData(double[] inputs, double[] targets, int trials, int bins) {

  static TrialData of(TrialSet set, Layout layout) {
    long inputDim = set.inputs().rank() == 3 ? set.inputs().size(2) : -1;
    if (inputDim != layout.inputDimension) {
      throw new SpecException("network " + layout.network.name() + ": its inputs take " + layout.inputDimension
          + " channels (the inputs' dimensions in declaration order), but the task's trials have " + inputDim);
    }
    long outputDim = set.targets().rank() == 3 ? set.targets().size(2) : -1;
    if (outputDim != layout.outputDimension) {
      throw new SpecException("network " + layout.network.name() + ": its readouts produce " + layout.outputDimension
          + " dimensions (readout dimensions in declaration order), but the task's targets have " + outputDim);
    }
    return new TrialData(Precisions.values(set.inputs()), Precisions.values(set.targets()), set.trials(), set.bins());
  }
}

package org.motorlearn.runtime.engine;

import java.util.Map;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The behavioural error of MODEL.md section 6, as the training loss defines it. */
public final class Losses {

  private Losses() {}

  /**
   * Mean over bins t >= fromBin, trials and dimensions of (output - target)^2.
   *
   * @param outputs [trials, bins, dimension]
   * @param targets same shape
   */
  public static double mse(INDArray outputs, INDArray targets, int fromBin) {
    if (!java.util.Arrays.equals(outputs.shape(), targets.shape())) {
      throw new IllegalArgumentException("mse: outputs " + java.util.Arrays.toString(outputs.shape())
          + " and targets " + java.util.Arrays.toString(targets.shape()) + " differ in shape");
    }
    long trials = outputs.size(0);
    int bins = (int) outputs.size(1);
    int dim = (int) outputs.size(2);
    double[] y = Precisions.values(outputs);
    double[] target = Precisions.values(targets);
    double sum = 0;
    for (long i = 0; i < trials; i++) {
      for (int t = fromBin; t < bins; t++) {
        for (int d = 0; d < dim; d++) {
          int index = (int) ((i * bins + t) * dim + d);
          double e = y[index] - target[index];
          sum += e * e;
        }
      }
    }
    return sum / ((double) trials * (bins - fromBin) * dim);
  }

  /**
   * The MSE of all readouts of an activity against a trial set's targets (whose columns are the
   * readouts in declaration order): the mean over all of them, as in the training loss.
   */
  public static double mse(Network network, Activity activity, TrialSet trials, int fromBin) {
    double sum = 0;
    long count = 0;
    int column = 0;
    for (ReadoutSpec r : network.readouts()) {
      INDArray outputs = activity.outputs().get(r.name());
      INDArray targets = trials.targets().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.interval(column, column + r.dimension()));
      long n = outputs.size(0) * (outputs.size(1) - fromBin) * r.dimension();
      sum += mse(outputs, targets.castTo(outputs.dataType()), fromBin) * n;
      count += n;
      column += r.dimension();
    }
    return sum / count;
  }

  /** The MSE per readout name, for reports. */
  public static Map<String, Double> msePerReadout(Network network, Activity activity, TrialSet trials, int fromBin) {
    Map<String, Double> result = new java.util.LinkedHashMap<>();
    int column = 0;
    for (ReadoutSpec r : network.readouts()) {
      INDArray targets = trials.targets().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.all(),
          org.nd4j.linalg.indexing.NDArrayIndex.interval(column, column + r.dimension()));
      INDArray outputs = activity.outputs().get(r.name());
      result.put(r.name(), mse(outputs, targets.castTo(outputs.dataType()), fromBin));
      column += r.dimension();
    }
    return result;
  }
}

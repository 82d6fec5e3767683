package org.motorlearn.runtime.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.analysis.Behaviour;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.engine.Losses;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** metrics.json of a phase: behaviour on its test trials per readout, and how training ended. */
final class TestMetrics {

  private TestMetrics() {}

  static Map<String, Object> of(Experiment experiment, PhaseSpec phase, TrialSet test, Activity activity, List<LossRow> rows,
      double seconds) {
    int fromBin = experiment.loss().fromBin();
    Map<String, Double> mse = Losses.msePerReadout(experiment.network(), activity, test, fromBin);
    Map<String, Object> readouts = new LinkedHashMap<>();
    int column = 0;
    for (ReadoutSpec r : experiment.network().readouts()) {
      // the targets' columns are the readouts in declaration order
      INDArray targets = test.targets().get(NDArrayIndex.all(), NDArrayIndex.all(),
          NDArrayIndex.interval(column, column + r.dimension()));
      column += r.dimension();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mse", mse.get(r.name()));
      m.put("rmse", Math.sqrt(mse.get(r.name())));
      // an endpoint direction exists only for planar positions
      m.put("angularErrorDegrees", r.dimension() == 2
          ? finiteOrNull(Behaviour.angularErrorDegrees(activity.outputs().get(r.name()), targets)) : null);
      readouts.put(r.name(), m);
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("phase", phase.name());
    metrics.put("perturbation", phase.perturbation());
    metrics.put("updates", phase.evaluateOnly() ? 0 : phase.updates());
    metrics.put("testTrials", test.trials());
    metrics.put("fromBin", fromBin);
    metrics.put("test", readouts);
    LossRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
    metrics.put("finalLoss", last == null ? null : last.loss());
    metrics.put("finalMse", last == null ? null : last.mse());
    metrics.put("seconds", seconds);
    return metrics;
  }

  /** NaN (no trial with a direction) is written as null, like the analyses do. */
  private static Double finiteOrNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}

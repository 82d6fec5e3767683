package org.motorlearn.runtime.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.engine.OptimizerState;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a finished phase's folder: weights/, optimizer/ (training phases), loss.csv, test/ arrays
 * and metrics.json. Everything is written into a temporary folder that is renamed to
 * {@code phases/<name>} at the end, so a phase folder exists only when it is complete.
 */
final class PhaseOutputs {

  private PhaseOutputs() {}

  static void publish(Path target, Map<String, INDArray> weights, OptimizerState optimizer, List<LossRow> lossRows,
      TrialSet test, Activity activity, Map<String, Object> metrics) {
    Path building = AtomicFiles.temporaryFolderFor(target);
    ArrayFolder.write(building.resolve("weights"), weights);
    if (optimizer != null) {
      OptimizerFiles.write(building.resolve("optimizer"), optimizer);
    }
    LossCsv.write(building.resolve("loss.csv"), lossRows);
    writeTest(building.resolve("test"), test, activity);
    Staging.json(building.resolve("metrics.json"), metrics);
    AtomicFiles.replaceFolder(building, target);
  }

  /** The test trials (under the phase's perturbation) and what the network did on them. */
  static void writeTest(Path folder, TrialSet test, Activity activity) {
    Staging.npy(folder.resolve("inputs.npy"), test.inputs());
    Staging.npy(folder.resolve("targets.npy"), test.targets());
    Staging.npy(folder.resolve("target_ids.npy"), Nd4j.createFromArray(test.targetIds()));
    Staging.npy(folder.resolve("cue_bins.npy"), Nd4j.createFromArray(test.cueBins()));
    Staging.npy(folder.resolve("go_bins.npy"), Nd4j.createFromArray(test.goBins()));
    for (Map.Entry<String, INDArray> e : activity.initialStates().entrySet()) {
      Staging.npy(folder.resolve("initial_state_" + RunFolder.fileName(e.getKey()) + ".npy"), e.getValue());
    }
    for (Map.Entry<String, INDArray> e : activity.rates().entrySet()) {
      Staging.npy(folder.resolve("rates_" + RunFolder.fileName(e.getKey()) + ".npy"), e.getValue());
    }
    for (Map.Entry<String, INDArray> e : activity.outputs().entrySet()) {
      Staging.npy(folder.resolve("output_" + RunFolder.fileName(e.getKey()) + ".npy"), e.getValue());
    }
  }

  /** Flattens the numbers of a nested metrics tree into "a/b/c" keys (lists and strings are skipped). */
  static void flatten(String prefix, Object tree, Map<String, Object> into) {
    if (tree instanceof Number) {
      into.put(prefix, tree);
    } else if (tree instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "/" + e.getKey(), e.getValue(), into);
      }
    }
  }

  static Map<String, Object> flat(Map<String, Object> tree) {
    Map<String, Object> into = new LinkedHashMap<>();
    flatten("", tree, into);
    return into;
  }
}

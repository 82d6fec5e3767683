package org.motorlearn.runtime.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads back the activity a completed phase saved in its test/ folder (for analyses after a resume). */
final class ActivityFiles {

  private ActivityFiles() {}

  static Activity read(Path testFolder, Network network) {
    Map<String, INDArray> rates = new LinkedHashMap<>();
    Map<String, INDArray> initialStates = new LinkedHashMap<>();
    for (ModuleSpec m : network.modules()) {
      String file = RunFolder.fileName(m.name()) + ".npy";
      rates.put(m.name(), Npy.read(testFolder.resolve("rates_" + file)));
      initialStates.put(m.name(), Npy.read(testFolder.resolve("initial_state_" + file)));
    }
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    for (ReadoutSpec r : network.readouts()) {
      outputs.put(r.name(), Npy.read(testFolder.resolve("output_" + RunFolder.fileName(r.name()) + ".npy")));
    }
    return new Activity(rates, outputs, initialStates);
  }
}

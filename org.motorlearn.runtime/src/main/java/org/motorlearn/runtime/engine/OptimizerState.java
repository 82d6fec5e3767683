package org.motorlearn.runtime.engine;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An optimiser's state, for checkpoints and {@code continue optimizer}.
 *
 * @param kind "adam" or "sgd"
 * @param step updates taken so far
 * @param buffers Adam: "m/<param>" and "v/<param>"; SGD: "momentum/<param>" (absent before the first step)
 */
public record OptimizerState(String kind, long step, Map<String, INDArray> buffers) {

  public OptimizerState {
    buffers = Map.copyOf(buffers);
  }
}

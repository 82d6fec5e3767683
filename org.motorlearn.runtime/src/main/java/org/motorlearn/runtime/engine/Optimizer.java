package org.motorlearn.runtime.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.SpecException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A gradient-descent rule with torch.optim semantics, updating parameters in place. Only the
 * parameters given gradients are touched.
 */
abstract sealed class Optimizer {

  protected long step;
  protected final Map<String, INDArray> buffers = new LinkedHashMap<>();

  static Optimizer create(OptimizerSpec spec, OptimizerState continued, String phase) {
    return create(spec, continued, phase, java.util.Set.of());
  }

  /**
   * @param plastic the parameters the phase trains: a continued state must already hold their
   *     buffers (torch keeps a step count per parameter; a shared count would mis-correct new ones)
   */
  static Optimizer create(OptimizerSpec spec, OptimizerState continued, String phase, java.util.Set<String> plastic) {
    Optimizer optimizer;
    if (spec instanceof OptimizerSpec.Adam adam) {
      optimizer = new Adam(adam);
    } else {
      optimizer = new Sgd((OptimizerSpec.Sgd) spec);
    }
    if (continued != null) {
      if (!continued.kind().equals(optimizer.kind())) {
        throw new SpecException("phase " + phase + ": it continues a " + continued.kind() + " optimiser with "
            + optimizer.kind() + "; use the same optimiser or drop 'continue optimizer'");
      }
      String prefix = optimizer.kind().equals("adam") ? "m/" : "momentum/";
      for (String p : plastic) {
        if (continued.step() > 0 && !continued.buffers().containsKey(prefix + p)) {
          throw new SpecException("phase " + phase + ": 'continue optimizer', but '" + p + "' was not plastic in the phase "
              + "it continues, so its optimiser state is missing; make the same weights plastic or use a fresh optimiser");
        }
      }
      optimizer.step = continued.step();
      continued.buffers().forEach((k, v) -> optimizer.buffers.put(k, v.dup()));
    }
    return optimizer;
  }

  abstract String kind();

  /** One step on every parameter in {@code gradients}. */
  abstract void apply(Map<String, INDArray> parameters, Map<String, INDArray> gradients);

  OptimizerState state() {
    Map<String, INDArray> copy = new LinkedHashMap<>();
    buffers.forEach((k, v) -> copy.put(k, v.dup()));
    return new OptimizerState(kind(), step, copy);
  }

  /**
   * torch.optim.Adam: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
   * p -= (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps).
   */
  static final class Adam extends Optimizer {
    private final OptimizerSpec.Adam spec;

    Adam(OptimizerSpec.Adam spec) {
      this.spec = spec;
    }

    @Override
    String kind() {
      return "adam";
    }

    @Override
    void apply(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
      step++;
      double correction1 = 1 - Math.pow(spec.beta1(), step);
      double correction2 = Math.sqrt(1 - Math.pow(spec.beta2(), step));
      double stepSize = spec.learningRate() / correction1;
      for (Map.Entry<String, INDArray> e : gradients.entrySet()) {
        INDArray g = e.getValue();
        INDArray m = buffers.computeIfAbsent("m/" + e.getKey(), k -> g.ulike().assign(0));
        INDArray v = buffers.computeIfAbsent("v/" + e.getKey(), k -> g.ulike().assign(0));
        m.muli(spec.beta1()).addi(g.mul(1 - spec.beta1()));
        v.muli(spec.beta2()).addi(g.mul(g).muli(1 - spec.beta2()));
        INDArray denominator = Transforms.sqrt(v, true).divi(correction2).addi(spec.epsilon());
        parameters.get(e.getKey()).subi(m.div(denominator).muli(stepSize));
      }
    }
  }

  /** torch.optim.SGD with momentum mu (no dampening): b = g first, then b = mu b + g; p -= lr b. */
  static final class Sgd extends Optimizer {
    private final OptimizerSpec.Sgd spec;

    Sgd(OptimizerSpec.Sgd spec) {
      this.spec = spec;
    }

    @Override
    String kind() {
      return "sgd";
    }

    @Override
    void apply(Map<String, INDArray> parameters, Map<String, INDArray> gradients) {
      step++;
      for (Map.Entry<String, INDArray> e : gradients.entrySet()) {
        String key = "momentum/" + e.getKey();
        INDArray buffer = buffers.get(key);
        if (buffer == null) {
          buffer = e.getValue().dup();
          buffers.put(key, buffer);
        } else {
          buffer.muli(spec.momentum()).addi(e.getValue());
        }
        parameters.get(e.getKey()).subi(buffer.mul(spec.learningRate()));
      }
    }
  }
}

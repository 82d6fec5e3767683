package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Adam and SGD against torch.optim's update rules written out by hand. */
class OptimizerTest {

  private static final double[][] GRADIENTS = {
    {0.5, -1e-3, 2.0, 0.0, -7.0},
    {0.4, 2e-3, -1.0, 1e-9, -6.0},
    {-0.3, 1e-3, 0.5, -1e-9, 5.0},
  };

  @Test
  void adamFollowsTorchOverThreeSteps() {
    double lr = 1e-2;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    double[] p = {0.1, -0.2, 0.3, 0.4, -0.5};
    double[] m = new double[5];
    double[] v = new double[5];
    Optimizer adam = Optimizer.create(new OptimizerSpec.Adam(lr, b1, b2, eps), null, "test");
    Map<String, INDArray> params = Map.of("w", Nd4j.createFromArray(p.clone()));
    for (int step = 1; step <= 3; step++) {
      double[] g = GRADIENTS[step - 1];
      adam.apply(params, Map.of("w", Nd4j.createFromArray(g.clone())));
      for (int i = 0; i < 5; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, step)) + eps;
        p[i] -= lr / (1 - Math.pow(b1, step)) * m[i] / denominator;
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(p[i], params.get("w").getDouble(i), 1e-15, "step " + step + " entry " + i);
      }
    }
    assertEquals(3, adam.state().step());
    assertEquals(Map.of("m/w", 5L, "v/w", 5L), lengths(adam.state().buffers()));
  }

  @Test
  void adamFirstStepIsLrTimesSignDampedByEpsAfterTheSquareRoot() {
    // Step 1: m_hat = g, v_hat = g^2, so p moves by lr * g / (|g| + eps): eps is added after sqrt.
    double g = 1e-8;
    Optimizer adam = Optimizer.create(OptimizerSpec.adam(1e-3), null, "test");
    Map<String, INDArray> params = Map.of("w", Nd4j.createFromArray(new double[] {0.0}));
    adam.apply(params, Map.of("w", Nd4j.createFromArray(new double[] {g})));
    assertEquals(-1e-3 * g / (g + 1e-8), params.get("w").getDouble(0), 1e-18);
  }

  @Test
  void sgdWithMomentumFollowsTorch() {
    double lr = 0.1;
    double mu = 0.9;
    double[] p = {0.1, -0.2, 0.3, 0.4, -0.5};
    double[] buffer = null;
    Optimizer sgd = Optimizer.create(OptimizerSpec.sgd(lr, mu), null, "test");
    Map<String, INDArray> params = Map.of("w", Nd4j.createFromArray(p.clone()));
    for (double[] g : GRADIENTS) {
      sgd.apply(params, Map.of("w", Nd4j.createFromArray(g.clone())));
      if (buffer == null) {
        buffer = g.clone();
      } else {
        for (int i = 0; i < 5; i++) {
          buffer[i] = mu * buffer[i] + g[i];
        }
      }
      for (int i = 0; i < 5; i++) {
        p[i] -= lr * buffer[i];
        assertEquals(p[i], params.get("w").getDouble(i), 1e-15);
      }
    }
  }

  @Test
  void aContinuedOptimizerGoesOnExactlyWhereTheOldOneStopped() {
    Optimizer whole = Optimizer.create(OptimizerSpec.adam(1e-2), null, "test");
    Map<String, INDArray> a = Map.of("w", Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5}));
    Map<String, INDArray> b = Map.of("w", Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5}));
    for (double[] g : GRADIENTS) {
      whole.apply(a, Map.of("w", Nd4j.createFromArray(g.clone())));
    }
    Optimizer first = Optimizer.create(OptimizerSpec.adam(1e-2), null, "test");
    first.apply(b, Map.of("w", Nd4j.createFromArray(GRADIENTS[0].clone())));
    Optimizer second = Optimizer.create(OptimizerSpec.adam(1e-2), first.state(), "test");
    second.apply(b, Map.of("w", Nd4j.createFromArray(GRADIENTS[1].clone())));
    second.apply(b, Map.of("w", Nd4j.createFromArray(GRADIENTS[2].clone())));
    assertEquals(java.util.Arrays.toString(a.get("w").toDoubleVector()), java.util.Arrays.toString(b.get("w").toDoubleVector()));
  }

  private static Map<String, Long> lengths(Map<String, INDArray> buffers) {
    Map<String, Long> result = new LinkedHashMap<>();
    buffers.forEach((k, v) -> result.put(k, v.length()));
    return result;
  }
}

package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The float32 Java kernels of the time loop, alone and inside a training pass. */
class FloatKernelsTest {

  @Test
  void tanhIsWithin4e7RelativeErrorOfTheExactTanhEverywhere() {
    int n = 200_001;
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = -20f + 40f * i / (n - 1);
    }
    float[] got = tanh(values);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double exact = Math.tanh(values[i]);
      worst = Math.max(worst, Math.abs(got[i] - exact) / Math.max(Math.abs(exact), Float.MIN_NORMAL));
    }
    assertTrue(worst < 4e-7, "worst relative error " + worst);

    float[] special = {0f, -0f, 1e-30f, -3e-38f, 1e-6f, 9f, -9f, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN};
    float[] s = tanh(special);
    assertEquals(0f, s[0]);
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(s[1]), "tanh(-0) = -0");
    assertEquals(1e-30f, s[2], Math.ulp(1e-30f), "tiny arguments keep their precision");
    assertEquals(-3e-38f, s[3], Math.ulp(3e-38f));
    assertEquals(1e-6f, s[4], Math.ulp(1e-6f));
    assertEquals(1f, s[5]);
    assertEquals(-1f, s[6]);
    assertEquals(1f, s[7]);
    assertEquals(1f, s[8]);
    assertEquals(-1f, s[9]);
    assertTrue(Float.isNaN(s[10]), "NaN stays NaN, so a diverging run is still caught");
  }

  @Test
  void tanhOfABlockOfAWiderMatrixWritesOnlyThatBlock() {
    INDArray x = Nd4j.rand(DataType.FLOAT, 300, 50).subi(0.5).muli(8);
    INDArray r = Nd4j.valueArrayOf(new long[] {300, 50}, 7f, DataType.FLOAT);
    INDArray xBlock = x.get(interval(10, 290), interval(5, 17));
    INDArray rBlock = r.get(interval(10, 290), interval(5, 17));
    assertTrue(FloatKernels.applies(xBlock, rBlock));
    new FloatKernels().tanh(xBlock, rBlock);
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 50; j++) {
        boolean inside = i >= 10 && i < 290 && j >= 5 && j < 17;
        double want = inside ? Math.tanh(x.getFloat(i, j)) : 7;
        assertEquals(want, r.getFloat(i, j), 1e-6, "(" + i + ", " + j + ")");
      }
    }
  }

  @Test
  void backwardStepIsTheRecursionElementByElementWithOneDecayPerColumn() {
    int rows = 70;
    int width = 700; // 23 rows per chunk: three full chunks and a partial one
    INDArray g = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5);
    INDArray d = Nd4j.rand(DataType.FLOAT, rows, width);
    INDArray next = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5);
    float[] decay = new float[width];
    for (int j = 0; j < width; j++) {
      decay[j] = j < 400 ? 0.8f : 0.95f;
    }
    float[] gv = g.dup().data().asFloat();
    float[] dv = d.data().asFloat();
    float[] nv = next.data().asFloat();
    INDArray last = g.dup();
    FloatKernels kernels = new FloatKernels();
    kernels.backwardStep(g, d, next, decay);
    kernels.backwardStep(last, d, null, decay);
    float[] got = g.data().asFloat();
    float[] gotLast = last.data().asFloat();
    for (int i = 0; i < rows * width; i++) {
      // Bitwise: the same float operations in the same order as the ND4J path.
      assertEquals(dv[i] * gv[i] + decay[i % width] * nv[i], got[i], 0f, "entry " + i);
      assertEquals(dv[i] * gv[i], gotLast[i], 0f, "entry " + i + " of the last bin");
    }
  }

  @Test
  void tanhForTrainingAddsTheDriveAndTheInputProjectionAndSumsTheSquares() {
    int rows = 50;
    int width = 700; // 23 rows per chunk: two full chunks and a partial one
    // The operands are column blocks of wider matrices, as a team member's share is.
    INDArray wideX = Nd4j.rand(DataType.FLOAT, rows, width + 40).subi(0.5).muli(4);
    INDArray wideR = Nd4j.create(DataType.FLOAT, rows, width + 40);
    INDArray x = wideX.get(all(), interval(24, 24 + width));
    INDArray r = wideR.get(all(), interval(24, 24 + width));
    INDArray drive = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5);
    INDArray u = Nd4j.rand(DataType.FLOAT, rows, 3).subi(0.5);
    float[][] inputColumns = Nd4j.rand(DataType.FLOAT, 3, width).subi(0.5).toFloatMatrix();
    float[] x0 = x.dup().data().asFloat();
    float[] dv = drive.data().asFloat();
    float[] uv = u.data().asFloat();
    float[] added = new float[rows * width];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < width; j++) {
        float v = x0[i * width + j] + dv[i * width + j];
        for (int k = 0; k < 3; k++) {
          v += uv[i * 3 + k] * inputColumns[k][j];
        }
        added[i * width + j] = v;
      }
    }
    float[] leftOfX = wideX.get(all(), interval(0, 24)).dup().data().asFloat();
    FloatKernels kernels = new FloatKernels();
    kernels.resetSquareSums(width);
    kernels.tanhForTraining(x, drive, u, inputColumns, r);
    assertArrayEquals(added, x.dup().data().asFloat(), 0f, "x += drive + u W^T, in this order of float operations");
    assertArrayEquals(leftOfX, wideX.get(all(), interval(0, 24)).dup().data().asFloat(), 0f, "outside the block untouched");
    assertEquals(0, wideR.get(all(), interval(0, 24)).sumNumber().doubleValue(), "outside the block untouched");
    float[] plain = tanh(added);
    double[] want = new double[width];
    for (int j = 0; j < width; j++) {
      for (int i = 0; i < rows; i++) {
        float ri = r.getFloat(i, j);
        assertEquals(plain[i * width + j], ri, 0f, "the same tanh as the plain kernel");
        want[j] += 2 * ri * ri;
      }
    }
    float[] before = x.dup().data().asFloat();
    kernels.tanhForTraining(x, null, null, null, r); // a second step, of the same x: nothing added
    assertArrayEquals(before, x.dup().data().asFloat(), 0f, "no drive, no inputs: x unchanged");
    assertArrayEquals(want, kernels.squareSums(), 1e-4, "r^2 summed per column over both steps");
    kernels.resetSquareSums(width);
    assertArrayEquals(new double[width], kernels.squareSums(), "reset");
  }

  @Test
  void tanhBackwardStepComputesTheDerivativeFromTheRatesAndAddsThePenaltyTerm() {
    int rows = 70;
    int width = 700;
    INDArray g = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5);
    INDArray r = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5).muli(2);
    INDArray next = Nd4j.rand(DataType.FLOAT, rows, width).subi(0.5);
    float[] alpha = new float[width];
    float[] penalty = new float[width];
    float[] decay = new float[width];
    for (int j = 0; j < width; j++) {
      alpha[j] = j < 400 ? 0.2f : 0.05f;
      penalty[j] = j < 250 ? 1e-3f : 4e-3f;
      decay[j] = 1 - alpha[j];
    }
    float[] q = g.dup().data().asFloat();
    float[] rv = r.data().asFloat();
    float[] nv = next.data().asFloat();
    INDArray last = g.dup();
    FloatKernels kernels = new FloatKernels();
    kernels.tanhBackwardStep(g, r, next, alpha, penalty, decay);
    kernels.tanhBackwardStep(last, r, null, alpha, penalty, decay);
    float[] got = g.data().asFloat();
    float[] gotLast = last.data().asFloat();
    for (int i = 0; i < rows * width; i++) {
      int j = i % width;
      float local = alpha[j] * (1 - rv[i] * rv[i]) * (q[i] + penalty[j] * rv[i]);
      assertEquals(local + decay[j] * nv[i], got[i], 0f, "entry " + i);
      assertEquals(local, gotLast[i], 0f, "entry " + i + " of the last bin");
    }
  }

  @Test
  void onlyFloat32RowMajorOperandsOfOneShapeQualify() {
    assertTrue(FloatKernels.applies(Nd4j.create(DataType.FLOAT, 4, 3), Nd4j.create(DataType.FLOAT, 4, 3)));
    assertFalse(FloatKernels.applies(Nd4j.create(DataType.DOUBLE, 4, 3)));
    assertFalse(FloatKernels.applies(Nd4j.create(DataType.FLOAT, 4, 3), Nd4j.create(DataType.FLOAT, 3, 4)));
    assertFalse(FloatKernels.applies(Nd4j.create(DataType.FLOAT, 4, 3).transpose()), "column-major view");
  }

  /**
   * The fused float32 training pass (input projection, tanh and rate-penalty sums in the forward
   * kernel; a f'(x), the penalty's term and the input gradient in the backward loop; per-module taus;
   * process noise; feedback) against the general ND4J path, which float64 takes: same loss terms and
   * gradients up to float32 round-off, whether one thread runs the time loops or a team shares them.
   */
  @Test
  void fusedFloat32TrainingPassAgreesWithTheGeneralPathInFloat64() {
    Network network = Network.builder("fused")
        .module(new ModuleSpec("U", 6, Activation.TANH, 0.05, 0.2, InitialState.uniform(-0.2, 0.2)))
        .module(new ModuleSpec("PMd", 5, Activation.TANH, 0.1, 0.0, InitialState.uniform(-0.2, 0.2)))
        .module(new ModuleSpec("M1", 7, Activation.TANH, 0.2, 0.1, InitialState.uniform(-0.2, 0.2)))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1")).connect(ProjectionSpec.dense("M1", "PMd"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
    assertFusedAgrees(network, Set.of(), 1, 2, 3);
  }

  /**
   * Readouts of two modules (one of them also projecting onward), a module that nothing reads and
   * that projects nowhere (its gradient is zero), no noise, and only some weights plastic.
   */
  @Test
  void fusedPassHandlesReadoutsAnywhereSilentModulesAndPlasticSubsets() {
    Network network = Network.builder("shapes")
        .module(new ModuleSpec("U", 9, Activation.TANH, 0.05, 0.0, InitialState.uniform(-0.2, 0.2)))
        .module(new ModuleSpec("PMd", 20, Activation.TANH, 0.05, 0.0, InitialState.uniform(-0.2, 0.2)))
        .module(new ModuleSpec("Side", 4, Activation.TANH, 0.1, 0.0, InitialState.uniform(-0.2, 0.2)))
        .module(new ModuleSpec("M1", 7, Activation.TANH, 0.2, 0.0, InitialState.uniform(-0.2, 0.2)))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.recurrent("PMd")).connect(ProjectionSpec.dense("PMd", "M1"))
        .connect(ProjectionSpec.dense("PMd", "Side")).connect(ProjectionSpec.recurrent("M1"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .readout(ReadoutSpec.velocity("plan", 1, "PMd"))
        .build();
    assertFusedAgrees(network, Set.of(), 1, 2, 4);
    assertFusedAgrees(network, Set.of("u -> U", "u -> PMd"), 1, 3);
    assertFusedAgrees(network, Set.of("U.recurrent", "PMd.recurrent", "M1.recurrent", "U -> PMd", "PMd -> M1", "PMd -> Side"), 2);
  }

  private static void assertFusedAgrees(Network network, Set<String> plasticOnly, int... teamSizes) {
    LossSpec loss = new LossSpec(2, 1e-2, LossSpec.WeightNorm.FROBENIUS, 0.5);
    Pass dbl = new Pass(network, Precision.FLOAT64, loss, plasticOnly, 1);
    assertFalse(dbl.fused, "float64 takes the general path");
    for (int size : teamSizes) {
      Pass single = new Pass(network, Precision.FLOAT32, loss, plasticOnly, size);
      String team = " (team of " + size + ")";
      assertTrue(single.fused, "float32 takes the fused path");
      assertEquals(size, single.teamSize);
      assertEquals(dbl.terms.mse(), single.terms.mse(), 1e-5 * dbl.terms.mse(), "mse" + team);
      assertEquals(dbl.terms.ratePenalty(), single.terms.ratePenalty(), 1e-5 * dbl.terms.ratePenalty(), "rates" + team);
      assertEquals(dbl.gradients.keySet(), single.gradients.keySet());
      for (String name : dbl.gradients.keySet()) {
        INDArray want = dbl.gradients.get(name);
        INDArray got = single.gradients.get(name).castTo(DataType.DOUBLE);
        double scale = Math.max(want.norm2Number().doubleValue(), 1e-12);
        double relative = got.sub(want).norm2Number().doubleValue() / scale;
        assertTrue(relative < 1e-4, name + team + ": relative difference " + relative);
      }
    }
    for (Map.Entry<String, INDArray> g : dbl.gradients.entrySet()) {
      assertTrue(g.getValue().norm2Number().doubleValue() > 0, g.getKey() + ": a gradient that is not trivially zero");
    }
  }

  /** One forward pass, loss and backward pass of a batch of 4 trials. */
  private static final class Pass {
    final Bptt.LossTerms terms;
    final Map<String, INDArray> gradients;
    final boolean fused;
    final int teamSize;

    Pass(Network network, Precision precision, LossSpec loss, Set<String> plasticOnly, int teamSize) {
      Layout layout = new Layout(network);
      RandomStreams streams = new RandomStreams(3);
      Weights weights = Weights.initialise(network, streams, precision, null);
      weights.values().forEach((name, w) -> w.muli(name.endsWith(".bias") ? 1 : 3));
      TrialData data = TrialData.of(Fixtures.trials(network, 6, Fixtures.BINS, 4), layout);
      Batch batch = Batch.assemble(layout, data, new int[] {5, 1, 0, 3}, streams, "test", true);
      Bptt bptt = new Bptt(layout, Precisions.dataType(precision), 4, Fixtures.BINS, true, null, teamSize);
      Set<String> plastic = plasticOnly.isEmpty() ? Set.copyOf(weights.names()) : plasticOnly;
      // A first pass with other weights leaves its numbers in every buffer: the second must not see them.
      Weights other = Weights.initialise(network, new RandomStreams(4), precision, null);
      bptt.forward(other, batch);
      bptt.loss(other, batch.targets(), loss);
      bptt.backward(other, batch.targets(), loss, plastic);
      bptt.forward(weights, batch);
      fused = bptt.fused();
      this.teamSize = bptt.teamSize();
      terms = bptt.loss(weights, batch.targets(), loss);
      gradients = bptt.backward(weights, batch.targets(), loss, plastic);
    }
  }

  private static float[] tanh(float[] values) {
    INDArray x = Nd4j.createFromArray(values).reshape(1, values.length);
    INDArray r = Nd4j.create(DataType.FLOAT, 1, values.length);
    new FloatKernels().tanh(x, r);
    return r.data().asFloat();
  }
}

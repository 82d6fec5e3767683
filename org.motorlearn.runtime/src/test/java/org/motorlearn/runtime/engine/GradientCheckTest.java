package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hand-written BPTT against central finite differences in float64, for every parameter of every
 * weight group, every activation, both readout kinds, the output perturbation and each loss term.
 */
class GradientCheckTest {

  private static final double STEP = 1e-6;
  private static final double TOLERANCE = 1e-6;
  private static final LossSpec MSE_ONLY = new LossSpec(2, 0, LossSpec.WeightNorm.FROBENIUS, 0);

  @ParameterizedTest
  @EnumSource(Activation.class)
  void referenceArchitectureEveryActivation(Activation activation) {
    check(Fixtures.reference(4, activation), null, new LossSpec(2, 1e-2, LossSpec.WeightNorm.FROBENIUS, 0.5), t -> t.loss());
  }

  @Test
  void graphWithFeedbackSparseMixedActivationsAndBothReadouts() {
    check(Fixtures.graph(), null, MSE_ONLY, t -> t.loss());
  }

  @Test
  void processNoiseInTheForwardPass() {
    check(Fixtures.noisyGraph(), null, MSE_ONLY, t -> t.loss());
  }

  @Test
  void outputRotation() {
    Network g = Fixtures.graph();
    Network planar = new Network("planar", g.dt(), g.modules(), g.inputs(), g.projections(),
        g.readouts().stream().filter(r -> r.dimension() == 2).toList());
    check(planar, new Perturbation.Rotation("cursor", 30, Perturbation.AppliesTo.OUTPUT), MSE_ONLY, t -> t.loss());
  }

  @Test
  void outputGain() {
    check(Fixtures.reference(3, Activation.TANH), new Perturbation.Gain("g", 1.7, Perturbation.AppliesTo.OUTPUT),
        MSE_ONLY, t -> t.loss());
  }

  @Test
  void frobeniusWeightPenaltyAlone() {
    checkTerm(new LossSpec(2, 0.03, LossSpec.WeightNorm.FROBENIUS, 0), t -> t.weightPenalty(), BIASES);
  }

  @Test
  void squaredWeightPenaltyAlone() {
    checkTerm(new LossSpec(2, 0.03, LossSpec.WeightNorm.SQUARED, 0), t -> t.weightPenalty(), BIASES);
  }

  @Test
  void ratePenaltyAlone() {
    checkTerm(new LossSpec(2, 0, LossSpec.WeightNorm.FROBENIUS, 0.8), t -> t.ratePenalty(),
        Set.of("hand.weight", "hand.bias", "speed.weight", "speed.bias", "extra.weight"));
  }

  @Test
  void mseAlone() {
    checkTerm(new LossSpec(5, 0.03, LossSpec.WeightNorm.FROBENIUS, 0.8), t -> t.mse(), Set.of());
  }

  /**
   * One loss term: its analytic gradient is the gradient of the full loss minus that of the loss
   * without the term (for the MSE: minus the penalties' gradient), compared with finite differences
   * of the term's own value.
   */
  private static final Set<String> BIASES = Set.of("hand.bias", "speed.bias");

  private static void checkTerm(LossSpec loss, ToDoubleFunction<Bptt.LossTerms> term, Set<String> independent) {
    Network network = Fixtures.graph();
    Setup s = new Setup(network, null);
    Map<String, INDArray> full = s.gradients(loss);
    LossSpec withoutTerm;
    if (term.applyAsDouble(new Bptt.LossTerms(0, 1, 0, 0)) == 1) {
      withoutTerm = null;
    } else if (loss.ratePenalty() > 0) {
      withoutTerm = new LossSpec(loss.fromBin(), loss.weightPenalty(), loss.norm(), 0);
    } else {
      withoutTerm = new LossSpec(loss.fromBin(), 0, loss.norm(), loss.ratePenalty());
    }
    Map<String, INDArray> analytic = withoutTerm == null
        ? s.gradients(new LossSpec(loss.fromBin(), 0, loss.norm(), 0))
        : subtract(full, s.gradients(withoutTerm));
    s.compare(analytic, loss, term, independent);
  }

  private static Map<String, INDArray> subtract(Map<String, INDArray> a, Map<String, INDArray> b) {
    Map<String, INDArray> result = new java.util.LinkedHashMap<>();
    a.forEach((k, v) -> result.put(k, v.sub(b.get(k))));
    return result;
  }

  private static void check(Network network, Perturbation output, LossSpec loss, ToDoubleFunction<Bptt.LossTerms> term) {
    Setup s = new Setup(network, output);
    s.compare(s.gradients(loss), loss, term, Set.of());
  }

  /** A float64 engine, weights and one fixed batch of 3 trials. */
  private static final class Setup {
    final Layout layout;
    final Weights weights;
    final Bptt bptt;
    final Batch batch;

    Setup(Network network, Perturbation output) {
      layout = new Layout(network);
      RandomStreams streams = new RandomStreams(11);
      weights = Weights.initialise(network, streams, Precision.FLOAT64, null);
      // Larger weights than the default, so every path carries a gradient well above round-off.
      weights.values().forEach((name, w) -> w.muli(name.endsWith(".bias") ? 1 : 3));
      TrialData data = TrialData.of(Fixtures.trials(network, 5, Fixtures.BINS, 3), layout);
      batch = Batch.assemble(layout, data, new int[] {4, 0, 2}, streams, "test", true);
      bptt = new Bptt(layout, DataType.DOUBLE, 3, Fixtures.BINS, true, output);
    }

    Map<String, INDArray> gradients(LossSpec loss) {
      bptt.forward(weights, batch);
      return bptt.backward(weights, batch.targets(), loss, Set.copyOf(weights.names()));
    }

    double value(LossSpec loss, ToDoubleFunction<Bptt.LossTerms> term) {
      bptt.forward(weights, batch);
      return term.applyAsDouble(bptt.loss(weights, batch.targets(), loss));
    }

    /** {@code independent}: the parameters the term does not depend on (gradient exactly 0). */
    void compare(Map<String, INDArray> analytic, LossSpec loss, ToDoubleFunction<Bptt.LossTerms> term,
        Set<String> independent) {
      assertEquals(weights.names(), analytic.keySet(), "a gradient for every parameter");
      SplittableRandom pick = new RandomStreams(5).stream("test/entries");
      for (String name : weights.names()) {
        INDArray w = weights.get(name);
        INDArray g = analytic.get(name);
        INDArray mask = weights.mask(name);
        double diff = 0;
        double scale = 0;
        int checked = 0;
        for (int attempt = 0; attempt < 40 && checked < 5; attempt++) {
          long i = pick.nextInt((int) w.length());
          if (mask != null && mask.getDouble(i) == 0) {
            assertTrue(g.getDouble(i) == 0, "masked entry of " + name + " gets no gradient");
            continue;
          }
          double original = w.getDouble(i);
          w.putScalar(i, original + STEP);
          double plus = value(loss, term);
          w.putScalar(i, original - STEP);
          double minus = value(loss, term);
          w.putScalar(i, original);
          double numeric = (plus - minus) / (2 * STEP);
          diff += Math.pow(numeric - g.getDouble(i), 2);
          scale += Math.pow(numeric, 2) + Math.pow(g.getDouble(i), 2);
          checked++;
        }
        assertTrue(checked > 0, name);
        if (independent.contains(name)) {
          assertEquals(0.0, scale, name + " does not influence this term");
          continue;
        }
        assertTrue(scale > 1e-20, name + ": the gradient must not vanish in this test, got " + scale);
        double relative = Math.sqrt(diff / scale);
        assertTrue(relative < TOLERANCE, name + ": relative error " + relative);
      }
    }
  }
}

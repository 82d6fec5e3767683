package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {

  private static final LossSpec LOSS = new LossSpec(2, 1e-3, LossSpec.WeightNorm.FROBENIUS, 0.1);

  private static Trainer trainer(Network network, Precision precision, PhaseSpec phase, Weights weights, long seed) {
    Experiment e = Fixtures.experiment(network, precision, LOSS, phase);
    TrialSet train = Fixtures.trials(network, 20, Fixtures.BINS, 5);
    return new Trainer(e, phase, weights, train, new RandomStreams(seed), null);
  }

  private static Weights fresh(Network network, Precision precision, long seed) {
    return Weights.initialise(network, new RandomStreams(seed), precision, null);
  }

  @Test
  void frozenParametersKeepTheirBitsAndPlasticOnesChange() {
    Network network = Fixtures.reference(5, Activation.TANH);
    Plasticity local = Plasticity.of("PMd.input", "PMd.recurrent", "U -> PMd", "PMd -> M1", "M1.recurrent");
    PhaseSpec phase = PhaseSpec.train("Hlocal", local, OptimizerSpec.adam(1e-2), 3, 4).clip(0.2);
    Weights weights = fresh(network, Precision.FLOAT32, 1);
    Weights before = weights.copy();
    Trainer trainer = trainer(network, Precision.FLOAT32, phase, weights, 1);
    for (int k = 0; k < 3; k++) {
      trainer.update(k);
    }
    Set<String> plastic = local.resolve(network);
    for (String name : weights.names()) {
      float[] a = before.get(name).data().asFloat();
      float[] b = weights.get(name).data().asFloat();
      if (plastic.contains(name)) {
        assertFalse(java.util.Arrays.equals(a, b), name + " is plastic and must change");
      } else {
        assertArrayEquals(a, b, name + " is frozen and must keep its bits");
      }
    }
  }

  @Test
  void maskedEntriesOfSparseProjectionsStayExactlyZero() {
    Network network = Fixtures.graph();
    PhaseSpec phase = PhaseSpec.train("all", Plasticity.all(), OptimizerSpec.adam(5e-2), 4, 4);
    Weights weights = fresh(network, Precision.FLOAT32, 2);
    INDArray mask = weights.mask("C.recurrent").dup();
    Trainer trainer = trainer(network, Precision.FLOAT32, phase, weights, 2);
    for (int k = 0; k < 4; k++) {
      trainer.update(k);
    }
    double[] w = Precisions.values(weights.get("C.recurrent"));
    double[] m = Precisions.values(mask);
    int kept = 0;
    for (int i = 0; i < w.length; i++) {
      if (m[i] == 0) {
        assertTrue(w[i] == 0, "masked entry " + i + " is " + w[i]);
      } else {
        kept++;
        assertTrue(w[i] != 0);
      }
    }
    assertTrue(kept > 0 && kept < w.length, "the 0.5-density mask keeps some entries, got " + kept);
    assertEquals(mask, weights.mask("C.recurrent"));
  }

  @Test
  void sameSeedGivesBitwiseIdenticalTrainingAndAnotherSeedDoesNot() {
    Network network = Fixtures.graph();
    PhaseSpec phase = PhaseSpec.train("all", Plasticity.all(), OptimizerSpec.adam(1e-2), 3, 5).clip(1);
    float[][] runs = new float[3][];
    long[] seeds = {3, 3, 4};
    for (int r = 0; r < 3; r++) {
      Weights weights = fresh(network, Precision.FLOAT32, seeds[r]);
      Trainer trainer = trainer(network, Precision.FLOAT32, phase, weights, seeds[r]);
      for (int k = 0; k < 3; k++) {
        trainer.update(k);
      }
      runs[r] = concat(weights);
    }
    assertArrayEquals(runs[0], runs[1]);
    assertFalse(java.util.Arrays.equals(runs[0], runs[2]));
  }

  @Test
  void trainingReducesTheLossOnATinyTask() {
    Network network = Fixtures.reference(8, Activation.TANH);
    PhaseSpec phase = PhaseSpec.train("fit", Plasticity.all(), OptimizerSpec.adam(2e-2), 60, 5).clip(1);
    Experiment e = Fixtures.experiment(network, Precision.FLOAT64, LOSS, phase);
    Trainer trainer = new Trainer(e, phase, fresh(network, Precision.FLOAT64, 5),
        Fixtures.learnableTrials(network, 20, Fixtures.BINS, 5), new RandomStreams(5), null);
    double first = 0;
    double last = 0;
    for (int k = 0; k < 60; k++) {
      double mse = trainer.update(k).mse();
      if (k < 5) {
        first += mse;
      }
      if (k >= 55) {
        last += mse;
      }
    }
    assertTrue(last < 0.5 * first, "mse of the last 5 updates " + last / 5 + " vs first 5 " + first / 5);
  }

  @Test
  void clippingScalesTheWholeStepToTheBound() {
    Network network = Fixtures.reference(4, Activation.TANH);
    double[][] steps = new double[2][];
    double[] norms = new double[2];
    double[] bounds = {Double.POSITIVE_INFINITY, 1e-3};
    for (int r = 0; r < 2; r++) {
      PhaseSpec phase = PhaseSpec.train("sgd", Plasticity.all(), OptimizerSpec.sgd(1.0, 0.0), 1, 4).clip(bounds[r]);
      Weights weights = fresh(network, Precision.FLOAT64, 6);
      double[] before = concatDouble(weights);
      norms[r] = trainer(network, Precision.FLOAT64, phase, weights, 6).update(0).gradientNorm();
      double[] after = concatDouble(weights);
      steps[r] = new double[before.length];
      for (int i = 0; i < before.length; i++) {
        steps[r][i] = after[i] - before[i];
      }
    }
    assertEquals(norms[0], norms[1], 1e-12, "the reported norm is the norm before clipping");
    assertTrue(norms[0] > 1e-3, "the test needs a gradient above the bound");
    double scale = 1e-3 / (norms[0] + 1e-6);
    double length = 0;
    for (int i = 0; i < steps[0].length; i++) {
      assertEquals(steps[0][i] * scale, steps[1][i], 1e-15);
      length += steps[1][i] * steps[1][i];
    }
    assertEquals(1e-3 * norms[0] / (norms[0] + 1e-6), Math.sqrt(length), 1e-12);
  }

  @Test
  void aNonFiniteLossStopsTheUpdateAndNamesPhaseAndUpdate() {
    Network network = Fixtures.reference(4, Activation.TANH);
    PhaseSpec phase = PhaseSpec.train("adapt", Plasticity.all(), OptimizerSpec.adam(1e-2), 5, 4);
    Weights weights = fresh(network, Precision.FLOAT32, 7);
    Trainer trainer = trainer(network, Precision.FLOAT32, phase, weights, 7);
    trainer.update(0);
    weights.get("M1.recurrent").putScalar(0, Float.POSITIVE_INFINITY);
    float[] before = concat(weights);
    NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> trainer.update(1));
    assertTrue(e.getMessage().contains("phase adapt") && e.getMessage().contains("update 1"), e.getMessage());
    assertArrayEquals(before, concat(weights));
  }

  @Test
  void eachEpochUsesEveryTrialOnceAndDropsTheRemainder() {
    BatchSchedule schedule = new BatchSchedule("p", 10, 3, new RandomStreams(1));
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < 3; k++) {
      for (int trial : schedule.batch(k)) {
        assertTrue(seen.add(trial), "trial " + trial + " twice in epoch 0");
      }
    }
    assertEquals(9, seen.size());
    BatchSchedule other = new BatchSchedule("p", 10, 3, new RandomStreams(1));
    assertArrayEquals(schedule.batch(7), other.batch(7), "update 7's batch does not depend on earlier calls");
    assertFalse(java.util.Arrays.equals(schedule.batch(0), schedule.batch(3)), "epochs are reshuffled");
    assertThrows(SpecException.class, () -> new BatchSchedule("p", 2, 3, new RandomStreams(1)));
  }

  @Test
  void aTrainerContinuingTheOptimizerStateMatchesOneUninterruptedTrainer() {
    Network network = Fixtures.reference(4, Activation.TANH);
    PhaseSpec phase = PhaseSpec.train("p", Plasticity.all(), OptimizerSpec.adam(1e-2), 4, 4);
    Weights whole = fresh(network, Precision.FLOAT32, 8);
    Trainer a = trainer(network, Precision.FLOAT32, phase, whole, 8);
    for (int k = 0; k < 4; k++) {
      a.update(k);
    }
    Weights split = fresh(network, Precision.FLOAT32, 8);
    Trainer first = trainer(network, Precision.FLOAT32, phase, split, 8);
    first.update(0);
    first.update(1);
    Experiment e = Fixtures.experiment(network, Precision.FLOAT32, LOSS, phase);
    Trainer second = new Trainer(e, phase, split, Fixtures.trials(network, 20, Fixtures.BINS, 5), new RandomStreams(8),
        first.optimizerState());
    second.update(2);
    second.update(3);
    assertArrayEquals(concat(whole), concat(split));
  }

  @Test
  void continuingAnOptimizerThatNeverSawAPlasticWeightIsAnError() {
    Network network = Fixtures.reference(4, Activation.TANH);
    PhaseSpec input = PhaseSpec.train("Hinput", Plasticity.of("U.input"), OptimizerSpec.adam(1e-2), 1, 4);
    Weights weights = fresh(network, Precision.FLOAT32, 9);
    Trainer first = trainer(network, Precision.FLOAT32, input, weights, 9);
    first.update(0);
    PhaseSpec local = PhaseSpec.train("Hlocal", Plasticity.of("M1.recurrent"), OptimizerSpec.adam(1e-2), 1, 4);
    Experiment e = Fixtures.experiment(network, Precision.FLOAT32, LOSS, local);
    SpecException error = assertThrows(SpecException.class, () -> new Trainer(e, local, weights,
        Fixtures.trials(network, 20, Fixtures.BINS, 5), new RandomStreams(9), first.optimizerState()));
    assertTrue(error.getMessage().contains("'M1.recurrent'") && error.getMessage().contains("Hlocal"), error.getMessage());
  }

  static float[] concat(Weights weights) {
    return Precisions.create(concatDouble(weights), new long[] {concatDouble(weights).length},
        org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
  }

  static double[] concatDouble(Weights weights) {
    return weights.values().values().stream().map(Precisions::values).flatMapToDouble(java.util.Arrays::stream).toArray();
  }
}

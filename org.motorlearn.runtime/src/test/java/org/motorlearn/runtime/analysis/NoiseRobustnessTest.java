package org.motorlearn.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NoiseRobustnessTest {

  final RandomStreams streams = new RandomStreams(3);
  final INDArray w0 = FormulasTest.random("w0", 200, 200).castTo(DataType.FLOAT);
  final INDArray w1 = w0.add(FormulasTest.random("dw", 200, 200).mul(0.01).castTo(DataType.FLOAT));
  final INDArray frozen = FormulasTest.random("frozen", 3, 3);
  final Map<String, INDArray> before = Map.of("W", w0, "F", frozen);
  final Map<String, INDArray> after = Map.of("W", w1, "F", frozen);

  static double std(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return Math.sqrt(s / v.length);
  }

  @Test
  void noiseHasScaleTimesTheStdOfTheChange() {
    NoiseRobustness.Draw draw = NoiseRobustness.draw("Hlocal", 0, before, after, List.of("W"), Map.of(), 10, streams);
    double dwStd = std(Values.flat(w1.castTo(DataType.DOUBLE).sub(w0.castTo(DataType.DOUBLE))));
    assertEquals(10 * dwStd, draw.noiseStd().get("W"), 1e-12);
    double[] xi = Values.flat(draw.noise().get("W"));
    assertEquals(10 * dwStd, std(xi), 0.02 * 10 * dwStd);
    assertSame(frozen, draw.weights().get("F"));
    assertEquals(DataType.FLOAT, draw.weights().get("W").dataType());
    // W_noisy = W_after + xi (= W_before + dW + xi), rounded to float32
    assertEquals(w1.castTo(DataType.DOUBLE).add(draw.noise().get("W")).castTo(DataType.FLOAT), draw.weights().get("W"));
  }

  @Test
  void drawsAreReproducibleAndNamedByPhaseParameterAndRepeat() {
    INDArray a = NoiseRobustness.draw("Hlocal", 0, before, after, List.of("W"), Map.of(), 10, streams).noise().get("W");
    INDArray again = NoiseRobustness.draw("Hlocal", 0, before, after, List.of("W"), Map.of(), 10, streams).noise().get("W");
    INDArray repeat1 = NoiseRobustness.draw("Hlocal", 1, before, after, List.of("W"), Map.of(), 10, streams).noise().get("W");
    INDArray otherPhase = NoiseRobustness.draw("Hinput", 0, before, after, List.of("W"), Map.of(), 10, streams).noise().get("W");
    INDArray withFrozenToo = NoiseRobustness.draw("Hlocal", 0, before, after, List.of("F", "W"), Map.of(), 10, streams).noise().get("W");
    assertEquals(a, again);
    assertEquals(a, withFrozenToo);
    assertNotEquals(a, repeat1);
    assertNotEquals(a, otherPhase);
    assertEquals(0.0, NoiseRobustness.draw("Hlocal", 0, before, after, List.of("W"), Map.of(), 0, streams).noise().get("W")
        .norm2Number().doubleValue());
  }

  @Test
  void maskedEntriesGetNoNoiseAndDoNotEnterTheStd() {
    INDArray b = Nd4j.createFromArray(new double[][] {{1, 0}, {2, 3}});
    INDArray a = Nd4j.createFromArray(new double[][] {{2, 0}, {2, 5}});
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 0}, {1, 1}});
    NoiseRobustness.Draw draw = NoiseRobustness.draw("p", 0, Map.of("S", b), Map.of("S", a), List.of("S"), Map.of("S", mask), 1,
        streams);
    // dW over the mask: 1, 0, 2 -> mean 1, population std sqrt(2/3)
    assertEquals(Math.sqrt(2.0 / 3), draw.noiseStd().get("S"), 1e-15);
    assertEquals(0.0, draw.noise().get("S").getDouble(0, 1));
    assertEquals(0.0, draw.weights().get("S").getDouble(0, 1));
  }

  @Test
  void runComparesEachNoisyNetworkWithTheReference() {
    INDArray reference = FormulasTest.random("psth", 2, 5, 4);
    // a stand-in network whose error grows with the distance from the adapted weights and whose
    // activity is the reference scaled by (1 + that distance)
    NoiseRobustness.Evaluation evaluation = weights -> {
      double distance = weights.get("W").castTo(DataType.DOUBLE).sub(w1.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
      return new NoiseRobustness.Outcome(distance * distance, Map.of("M1", reference.mul(1 + distance)));
    };
    NoiseRobustness.Result result = NoiseRobustness.run("Hlocal", before, after, List.of("W"), Map.of(), 10, 2, streams,
        Map.of("M1", reference), evaluation);
    assertEquals(2, result.repeats().size());
    double sum = 0;
    for (int r = 0; r < 2; r++) {
      NoiseRobustness.Draw draw = NoiseRobustness.draw("Hlocal", r, before, after, List.of("W"), Map.of(), 10, streams);
      double distance = draw.weights().get("W").castTo(DataType.DOUBLE).sub(w1.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
      NoiseRobustness.Repeat repeat = result.repeats().get(r);
      assertEquals(distance, repeat.rmse(), 1e-9);
      assertEquals(ActivityChange.percent(reference, reference.mul(1 + distance)), repeat.activityChange().get("M1"), 1e-9);
      assertEquals(0.0, repeat.covarianceChange().get("M1"), 1e-12);
      sum += distance;
    }
    assertEquals(sum / 2, result.meanRmse(), 1e-9);
    double pr = result.meanNoiseParticipationRatio().get("W");
    assertTrue(pr > 0.6 * 200 && pr < 0.8 * 200, "PR of 200x200 Gaussian noise: " + pr);
  }
}

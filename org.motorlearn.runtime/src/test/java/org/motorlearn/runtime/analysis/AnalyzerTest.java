package org.motorlearn.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.AnalysisSpec.Metric;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AnalyzerTest {

  static final int TRIALS = 6;
  static final int BINS = 12;

  final INDArray targets = FormulasTest.random("targets", TRIALS, BINS, 2);
  final TrialSet trials = new TrialSet(Nd4j.zeros(DataType.DOUBLE, TRIALS, BINS, 3), targets, new int[] {0, 1, 0, 1, 0, 1},
      new int[] {2, 2, 2, 2, 2, 2}, new int[] {6, 6, 5, 7, 6, 6});
  final INDArray rates = FormulasTest.random("rates", TRIALS, BINS, 4).castTo(DataType.FLOAT);
  final INDArray w = FormulasTest.random("w", 4, 4);
  final INDArray u = FormulasTest.random("u", 4, 1);
  final INDArray v = FormulasTest.random("v", 1, 4);
  final INDArray wAdapted = w.add(u.mmul(v).mul(0.01));

  Activity activity(INDArray r, INDArray outputs) {
    return new Activity(Map.of("M1", r), Map.of("hand", outputs), Map.of());
  }

  @Test
  void identicalActivityGivesZeroChangesAndRankOneWeightsGivePrOne() {
    Map<String, INDArray> before = new LinkedHashMap<>();
    before.put("W", w);
    before.put("b", Nd4j.createFromArray(0.5, -0.5));
    Map<String, INDArray> after = new LinkedHashMap<>(before);
    after.put("W", wAdapted);
    AnalysisInput.Phase baseline = new AnalysisInput.Phase(trials, activity(rates, targets), before, before, Set.of(), Map.of());
    AnalysisInput.Phase adapted = new AnalysisInput.Phase(trials, activity(rates, targets.add(1)), before, after, Set.of("W"), null);
    AnalysisInput.Simulation simulation = (phase, weights) -> {
      double distance = weights.get("W").sub(wAdapted).norm2Number().doubleValue();
      return activity(rates.mul(1 + distance), targets.add(1));
    };
    AnalysisInput input = new AnalysisInput(2, 3, "hand", Map.of("trained", baseline, "Hlocal", adapted), new RandomStreams(4),
        simulation);
    AnalysisSpec spec = new AnalysisSpec("trained", List.of("Hlocal"), List.of("M1"), -2, 2, EnumSet.allOf(Metric.class), 10, 2, 3);

    Map<String, Object> result = Analyzer.run(spec, input);
    assertEquals("trained", result.get("baseline"));
    Map<?, ?> behaviour = (Map<?, ?>) result.get("behaviour");
    assertEquals(0.0, ((Map<?, ?>) behaviour.get("trained")).get("mse"));
    assertEquals(0.0, ((Map<?, ?>) behaviour.get("trained")).get("angularErrorDegrees"));
    assertEquals(1.0, (Double) ((Map<?, ?>) behaviour.get("Hlocal")).get("mse"), 1e-12);
    assertEquals(1.0, (Double) ((Map<?, ?>) behaviour.get("Hlocal")).get("rmse"), 1e-12);

    Map<?, ?> hlocal = (Map<?, ?>) ((Map<?, ?>) result.get("compared")).get("Hlocal");
    assertEquals(0.0, ((Map<?, ?>) hlocal.get("activityChangePercent")).get("M1"));
    assertEquals(0.0, (Double) ((Map<?, ?>) hlocal.get("covarianceChange")).get("M1"), 1e-12);
    assertEquals(Set.of("W"), ((Map<?, ?>) hlocal.get("participationRatio")).keySet());
    assertEquals(1.0, (Double) ((Map<?, ?>) hlocal.get("participationRatio")).get("W"), 1e-6);
    assertEquals(WeightChange.percent(w, wAdapted), ((Map<?, ?>) hlocal.get("weightChangePercent")).get("W"));
    List<?> angles = (List<?>) ((Map<?, ?>) hlocal.get("principalAnglesDegrees")).get("M1");
    assertEquals(3, angles.size());
    for (Object angle : angles) {
      assertEquals(0.0, (Double) angle, 1e-6);
    }
    Map<?, ?> pca = (Map<?, ?>) ((Map<?, ?>) hlocal.get("pca")).get("M1");
    assertEquals(pca.get("baselineExplained"), pca.get("comparedExplained"));

    Map<?, ?> noise = (Map<?, ?>) hlocal.get("noise");
    assertEquals(2, noise.get("repeats"));
    double expectedRmse = 0;
    for (int r = 0; r < 2; r++) {
      NoiseRobustness.Draw draw = NoiseRobustness.draw("Hlocal", r, before, after, List.of("W"), Map.of(), 10, new RandomStreams(4));
      assertEquals(draw.noiseStd().get("W"), ((Map<?, ?>) noise.get("noiseStd")).get("W"));
      expectedRmse += 1.0 / 2; // the stand-in network's outputs are always targets + 1
    }
    assertEquals(expectedRmse, (Double) noise.get("rmse"), 1e-12);
    assertTrue((Double) ((Map<?, ?>) noise.get("activityChangePercent")).get("M1") > 0);
  }

  @Test
  void undefinedValuesBecomeNull() {
    Map<String, INDArray> weights = Map.of("W", w);
    AnalysisInput.Phase baseline = new AnalysisInput.Phase(trials, activity(rates, targets), weights, weights, Set.of(), Map.of());
    // plastic but unchanged: the participation ratio of a zero change is undefined
    AnalysisInput.Phase unchanged = new AnalysisInput.Phase(trials, activity(rates, targets), weights, weights, Set.of("W"), Map.of());
    AnalysisInput input = new AnalysisInput(2, 0, "hand", Map.of("trained", baseline, "same", unchanged), new RandomStreams(4), null);
    AnalysisSpec spec = new AnalysisSpec("trained", List.of("same"), List.of("M1"), -2, 2, EnumSet.of(Metric.DIMENSIONALITY,
        Metric.WEIGHTS), 10, 1, 2);
    Map<?, ?> same = (Map<?, ?>) ((Map<?, ?>) Analyzer.run(spec, input).get("compared")).get("same");
    Map<?, ?> pr = (Map<?, ?>) same.get("participationRatio");
    assertTrue(pr.containsKey("W"));
    assertNull(pr.get("W"));
    assertEquals(0.0, ((Map<?, ?>) same.get("weightChangePercent")).get("W"));
  }
}

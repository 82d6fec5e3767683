package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DivergenceTest {

  private static List<LossRow> losses(double... values) {
    List<LossRow> rows = new ArrayList<>();
    for (int k = 0; k < values.length; k++) {
      rows.add(new LossRow(k, values[k], values[k], 0, 0, 1, k));
    }
    return rows;
  }

  @Test
  void aLossThatEndsTenTimesHigherThanItStartedIsDivergence() {
    assertEquals(Optional.of("phase initial: the loss grew from 10.91 at update 0 to 1.842e+08 at update 2, so training "
        + "diverged; lower the learning rate (lr) or clip the gradient norm (clip)"),
        Divergence.of("initial", losses(10.913, 5.4e7, 1.8417e8)));
  }

  @Test
  void longPhasesCompareTheirFirstAndLastTenth() {
    double[] values = new double[40];
    for (int k = 0; k < 40; k++) {
      values[k] = k < 4 ? 1 : k < 36 ? 5 : 20;
    }
    assertEquals(Optional.of("phase Hlocal: the loss grew from 1 over its first 4 updates to 20 over its last 4, so training "
        + "diverged; lower the learning rate (lr) or clip the gradient norm (clip)"), Divergence.of("Hlocal", losses(values)));
    values[39] = 1; // one good trial among the last four: the mean is 15.25, still above 10
    assertEquals(true, Divergence.of("Hlocal", losses(values)).isPresent());
  }

  @Test
  void learningNoisyLossesAndPhasesTooShortToTellAreNot() {
    assertEquals(Optional.empty(), Divergence.of("initial", losses(10, 5, 2, 1)));
    // batch-1 adaptation: single trials differ by a few times, which is no divergence
    assertEquals(Optional.empty(), Divergence.of("Hinput", losses(1, 4, 0.5, 6, 2, 8, 3, 9)));
    assertEquals(Optional.empty(), Divergence.of("initial", losses(1)));
    assertEquals(Optional.empty(), Divergence.of("initial", losses()));
    assertEquals(Optional.empty(), Divergence.of("initial", losses(0, 1)), "a loss of 0 at the start gives no ratio");
  }
}

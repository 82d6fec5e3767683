package org.motorlearn.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/** Sweeps, and every sweep point checked before anything runs. */
class SweepValidatorTest extends ValidationTestBase {

  private static String withSweeps(String sweeps) {
    return reference("  analysis {", sweeps + "\n  analysis {");
  }

  @Test
  void checkSweepParameters() {
    String spec = withSweeps("  sweep Cortex.PMd.unit in 1");
    validation.assertError(parse(spec), ML.getSweepAxis(), IssueCodes.UNKNOWN_PARAMETER,
        "unknown parameter 'Cortex.PMd.unit'; did you mean 'Cortex.PMd.units'? parameters of experiment Feulner2022: seed, Cortex.dt, ");
    assertError(withSweeps("  sweep seed 0..3\n  sweep seed in 7"), ML.getSweepAxis(), IssueCodes.SWEPT_TWICE,
        "seed is swept twice; sweep each parameter once (list all its values in one axis)");
    assertNoIssues(withSweeps("  sweep seed 0..9\n  sweep VR30.angle in 10 deg, 45 deg, 90 deg"));
  }

  @Test
  void checkZip() {
    assertError(withSweeps("  sweep zip { seed in 1, 2  VR30.angle in 10 deg, 20 deg, 30 deg }"), ML.getSweepAxis(),
        IssueCodes.ZIP_LENGTHS_DIFFER, "zip advances its axes together, but VR30.angle has 3 values and seed has 2; give every "
            + "axis of a zip the same number of values");
    assertNoIssues(withSweeps("  sweep zip { seed in 1, 2, 3  VR30.angle in 10 deg, 20 deg, 30 deg }"));
  }

  @Test
  void checkSweepRange() {
    assertError(withSweeps("  sweep seed 9..0"), ML.getSweepAxis(), IssueCodes.SWEEP_RANGE_EMPTY,
        "the sweep range 9..0 is empty; write the smaller end first");
    assertError(withSweeps("  sweep seed 0..9 step 0"), ML.getSweepAxis(), IssueCodes.SWEEP_RANGE_EMPTY,
        "the step of a sweep range must be positive");
    assertNoIssues(withSweeps("  sweep seed 0..9 step 3"));
  }

  @Test
  void checkSweepValues() {
    assertError(withSweeps("  sweep Cortex.M1.tau in 20, 50 ms").replace("module M1 { units 40 activation tanh tau 50 ms }",
        "module M1 { units 40 }"), ML.getQuantity(), IssueCodes.MISSING_UNIT,
        "Cortex.M1.tau = 20: missing unit: expected a time (ms, s or bins), e.g. 50 ms");
    assertError(withSweeps("  sweep initial.clip in 0.2 ms"), ML.getQuantity(), IssueCodes.WRONG_UNIT,
        "initial.clip = 0.2 ms: wrong unit 'ms': expected a number without unit, e.g. 0.8");
    // without a unit, a value takes the unit written at the setting (tau 50 ms)
    assertNoIssues(withSweeps("  sweep Cortex.M1.tau in 20, 0.05 s"));
    assertError(withSweeps("  sweep Cortex.M1.units in 20.5"), ML.getQuantity(), IssueCodes.NOT_WHOLE_NUMBER,
        "Cortex.M1.units = 20.5: must be a whole number, got 20.5");
    // a sweep value in bins needs dt; a wrongly written dt is reported at dt alone
    assertEquals(List.of("dt: missing unit: expected a time step (ms or s), e.g. 10 ms"),
        issues(withSweeps("  sweep CenterOut.movement in 100 bins, 120 bins").replace("dt 10 ms", "dt 10")).stream()
            .map(Issue::getMessage).toList());
  }

  @Test
  void checkSweepPoints() {
    assertError(withSweeps("  sweep Cortex.PMd.units in 100, 0"), ML.getSweepAxis(), IssueCodes.NOT_POSITIVE,
        "sweep point 1: Cortex.PMd.units = 0: units must be positive, e.g. units 400");
    assertNoIssues(withSweeps("  sweep Cortex.PMd.units in 100, 20"));
  }

  @Test
  void sweepPointsCombineParameters() {
    String spec = withSweeps("  sweep Cortex.dt in 10 ms, 40 ms\n  sweep Cortex.M1.tau in 50 ms, 30 ms");
    assertError(spec, ML.getSweepAxis(), IssueCodes.EULER_UNSTABLE, "sweep point 3: Cortex.dt = 40 ms, Cortex.M1.tau = 30 ms: "
        + "dt/tau = 1.333 (dt 40 ms, tau 30 ms) in module M1 is above 1: the Euler step overshoots and the dynamics are unstable; "
        + "make tau at least dt (the reference uses dt 10 ms, tau 50 ms: dt/tau = 0.2)");
    assertWarning(spec, ML.getSweepAxis(), IssueCodes.EULER_COARSE, "sweep point 2: Cortex.dt = 40 ms: dt/tau = 0.8 (dt 40 ms, "
        + "tau 50 ms) in module Upstream is above 0.5: the Euler step is too coarse to follow the continuous dynamics; use a "
        + "smaller dt or a larger tau (the reference uses dt/tau = 0.2)");
  }

  @Test
  void sweepPointsCheckTheTaskTiming() {
    assertError(withSweeps("  sweep CenterOut.go in bin 282, bin 170"), ML.getSweepAxis(), IssueCodes.CUE_AFTER_GO,
        "sweep point 1: CenterOut.go = bin 170: the cue (up to bin 180) comes after go (from bin 170): the target must be shown "
            + "before the go cue; move the cue earlier or go later");
    assertError(withSweeps("  sweep initial.batch in 80, 800"), ML.getSweepAxis(), IssueCodes.BATCH_LARGER_THAN_TRAINING_SET,
        "sweep point 1: initial.batch = 800: batch 800 is larger than the training set of task CenterOut (400 trials); batches "
            + "are drawn without replacement: use at most batch 400 or more train trials");
  }
}

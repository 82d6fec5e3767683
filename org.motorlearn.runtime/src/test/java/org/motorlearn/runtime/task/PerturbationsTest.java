package org.motorlearn.runtime.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Perturbation.AppliesTo;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.TaskSpec.Profile;
import org.nd4j.linalg.api.buffer.DataType;

class PerturbationsTest {

  final TrialSet trials = Tasks.generate(TasksTest.task(Profile.SIGMOID, 8, 40, 16), new RandomStreams(5), Path.of(".")).train();

  static double endpointAngle(TrialSet s, int n) {
    return Math.atan2(s.targets().getDouble(n, s.bins() - 1, 1), s.targets().getDouble(n, s.bins() - 1, 0));
  }

  static double endpointLength(TrialSet s, int n) {
    return Math.hypot(s.targets().getDouble(n, s.bins() - 1, 0), s.targets().getDouble(n, s.bins() - 1, 1));
  }

  static double angleDifference(double a, double b) {
    return Math.IEEEremainder(a - b, 2 * Math.PI);
  }

  @Test
  void rotationTurnsEveryPositionCounterClockwiseAndKeepsInputs() {
    TrialSet rotated = Perturbations.apply(Perturbation.rotation("VR", 30), trials, 8);
    assertSame(trials.inputs(), rotated.inputs());
    assertArrayEquals(trials.targetIds(), rotated.targetIds());
    assertArrayEquals(trials.goBins(), rotated.goBins());
    for (int n = 0; n < trials.trials(); n++) {
      assertEquals(Math.toRadians(30), angleDifference(endpointAngle(rotated, n), endpointAngle(trials, n)), 1e-12);
      assertEquals(endpointLength(trials, n), endpointLength(rotated, n), 1e-12);
      // a point mid-reach turns too: (x, y) -> (x cos - y sin, x sin + y cos)
      int t = trials.goBins()[n] + 20;
      double x = trials.targets().getDouble(n, t, 0);
      double y = trials.targets().getDouble(n, t, 1);
      double c = Math.cos(Math.PI / 6);
      double s = Math.sin(Math.PI / 6);
      assertEquals(x * c - y * s, rotated.targets().getDouble(n, t, 0), 1e-12);
      assertEquals(x * s + y * c, rotated.targets().getDouble(n, t, 1), 1e-12);
    }
  }

  @Test
  void gainScalesPositions() {
    TrialSet scaled = Perturbations.apply(Perturbation.gain("big", 1.5), trials, 8);
    assertEquals(trials.targets().mul(1.5), scaled.targets());
  }

  @Test
  void reassociationSendsEachCueToThePermutedTargetKeepingLengthAndTiming() {
    Integer[] permutation = {3, 0, 1, 2, 7, 4, 5, 6};
    TrialSet moved = Perturbations.apply(Perturbation.reassociation("swap", permutation), trials, 8);
    assertSame(trials.inputs(), moved.inputs());
    assertArrayEquals(trials.targetIds(), moved.targetIds());
    for (int n = 0; n < trials.trials(); n++) {
      int cue = trials.targetIds()[n];
      double turn = Tasks.targetAngle(permutation[cue], 8) - Tasks.targetAngle(cue, 8);
      assertEquals(0, angleDifference(endpointAngle(moved, n) - endpointAngle(trials, n), turn), 1e-12);
      assertEquals(endpointLength(trials, n), endpointLength(moved, n), 1e-12);
      // the reach now points at the permuted target (up to the trial's own direction jitter)
      double offset = Math.toDegrees(angleDifference(endpointAngle(moved, n), Tasks.targetAngle(permutation[cue], 8)));
      double ownOffset = Math.toDegrees(angleDifference(endpointAngle(trials, n), Tasks.targetAngle(cue, 8)));
      assertEquals(ownOffset, offset, 1e-9);
      for (int t = 0; t <= trials.goBins()[n]; t++) {
        assertEquals(0.0, moved.targets().getDouble(n, t, 0), 0.0);
      }
    }
  }

  @Test
  void identityReassociationChangesNothing() {
    TrialSet same = Perturbations.apply(Perturbation.reassociation("id", 0, 1, 2, 3, 4, 5, 6, 7), trials, 8);
    assertEquals(trials.targets(), same.targets());
  }

  @Test
  void outputPerturbationsLeaveTheTrialsAndGiveAMatrix() {
    Perturbation cursor = new Perturbation.Rotation("cursor", 90, AppliesTo.OUTPUT);
    assertSame(trials, Perturbations.apply(cursor, trials, 8));
    assertSame(trials, Perturbations.apply(null, trials, 8));
    double[][] m = Perturbations.outputMatrix(cursor);
    assertEquals(0, m[0][0], 1e-15);
    assertEquals(-1, m[0][1], 1e-15);
    assertEquals(1, m[1][0], 1e-15);
    assertEquals(0, m[1][1], 1e-15);
    assertArrayEquals(new double[] {2, 0}, Perturbations.outputMatrix(new Perturbation.Gain("g", 2, AppliesTo.OUTPUT))[0]);
    SpecException e = assertThrows(SpecException.class,
        () -> Perturbations.outputMatrix(Perturbation.reassociation("swap", 1, 0)));
    assertEquals("perturbation swap: a target re-association changes which movement a cue asks for, so it can only"
        + " apply to the targets, not to the output; remove 'output' from it", e.getMessage());
  }

  @Test
  void aPermutationOfTheWrongSizeIsASpecError() {
    SpecException e = assertThrows(SpecException.class,
        () -> Perturbations.apply(Perturbation.reassociation("swap", 1, 0), trials, 8));
    assertEquals("perturbation swap: a permutation of 2 targets, but the task has 8", e.getMessage());
  }

  @Test
  void singlePrecisionStaysSinglePrecision() {
    TrialSet single = Tasks.generate(TasksTest.task(Profile.SIGMOID, 8, 8, 8), new RandomStreams(5), Path.of("."),
        Precision.FLOAT32).train();
    assertEquals(DataType.FLOAT, Perturbations.apply(Perturbation.rotation("VR", 30), single, 8).targets().dataType());
  }
}

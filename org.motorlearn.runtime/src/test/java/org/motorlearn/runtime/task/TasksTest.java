package org.motorlearn.runtime.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.TaskSpec.CenterOut;
import org.motorlearn.runtime.spec.TaskSpec.Profile;
import org.nd4j.linalg.api.buffer.DataType;

class TasksTest {

  static final int TARGETS = 8;

  static CenterOut task(Profile profile, double directionJitter, int trainTrials, int testTrials) {
    return new CenterOut("reach", TARGETS, 7, 10, 120, 20, 30, 50, 60, 40, profile, directionJitter, 3, trainTrials,
        testTrials, 2, 1.5);
  }

  static TaskData generate(CenterOut task, long seed) {
    return Tasks.generate(task, new RandomStreams(seed), Path.of("."));
  }

  @Test
  void handRestsUntilGoThenReachesWithinTheReachRange() {
    for (Profile profile : Profile.values()) {
      TaskData data = generate(task(profile, 5, 64, 24), 1);
      for (TrialSet set : new TrialSet[] {data.train(), data.test()}) {
        for (int n = 0; n < set.trials(); n++) {
          int go = set.goBins()[n];
          assertTrue(go >= 50 && go <= 60 && set.cueBins()[n] >= 20 && set.cueBins()[n] <= 30);
          double previous = 0;
          for (int t = 0; t < set.bins(); t++) {
            double x = set.targets().getDouble(n, t, 0);
            double y = set.targets().getDouble(n, t, 1);
            double r = Math.hypot(x, y);
            if (t <= go) {
              assertEquals(0.0, r, "hand moves before go in trial " + n + " bin " + t);
            }
            assertTrue(r >= previous - 1e-12, "the reach moves back towards the centre at bin " + t);
            previous = r;
          }
          assertTrue(previous >= 7 - 1e-12 && previous <= 10 + 1e-12, "endpoint distance " + previous);
          double x = set.targets().getDouble(n, set.bins() - 1, 0);
          double y = set.targets().getDouble(n, set.bins() - 1, 1);
          double target = Tasks.targetAngle(set.targetIds()[n], TARGETS);
          double offset = Math.toDegrees(Math.IEEEremainder(Math.atan2(y, x) - target, 2 * Math.PI));
          assertTrue(Math.abs(offset) < 5 * 5, "direction jitter of " + offset + " degrees for a 5-degree std");
        }
      }
    }
  }

  @Test
  void withoutJitterEndpointsPointExactlyAtTheTargets() {
    CenterOut exact = new CenterOut("reach", TARGETS, 8, 8, 120, 20, 20, 50, 50, 40, Profile.MINIMUM_JERK, 0, 0, 16, 8, 2, 2);
    TrialSet test = generate(exact, 3).test();
    for (int n = 0; n < test.trials(); n++) {
      double angle = Tasks.targetAngle(n % TARGETS, TARGETS);
      // minimum jerk reaches the endpoint at go + 40 exactly and stays there
      for (int t = 90; t < 120; t++) {
        assertEquals(8 * Math.cos(angle), test.targets().getDouble(n, t, 0), 1e-12);
        assertEquals(8 * Math.sin(angle), test.targets().getDouble(n, t, 1), 1e-12);
      }
      // half-way through the movement a minimum-jerk reach has covered half the distance
      assertEquals(4.0, Math.hypot(test.targets().getDouble(n, 70, 0), test.targets().getDouble(n, 70, 1)), 1e-12);
      assertTrue(Math.hypot(test.targets().getDouble(n, 89, 0), test.targets().getDouble(n, 89, 1)) < 8);
    }
  }

  @Test
  void targetChannelsFollowTheCueAndHoldEndsAtGo() {
    TaskData data = generate(task(Profile.SIGMOID, 10, 40, 16), 7);
    TrialSet set = data.train();
    for (int n = 0; n < set.trials(); n++) {
      double angle = Tasks.targetAngle(set.targetIds()[n], TARGETS);
      for (int t = 0; t < set.bins(); t++) {
        boolean cued = t >= set.cueBins()[n];
        assertEquals(cued ? 2 * Math.cos(angle) : 0, set.inputs().getDouble(n, t, 0), 1e-12);
        assertEquals(cued ? 2 * Math.sin(angle) : 0, set.inputs().getDouble(n, t, 1), 1e-12);
        assertEquals(t < set.goBins()[n] ? 1.5 : 0, set.inputs().getDouble(n, t, 2));
      }
    }
  }

  @Test
  void testTargetsAreBalancedAndTrainTargetsCoverAll() {
    TaskData data = generate(task(Profile.SIGMOID, 0, 200, 20), 11);
    for (int i = 0; i < 20; i++) {
      assertEquals(i % TARGETS, data.test().targetIds()[i]);
    }
    int[] counts = new int[TARGETS];
    for (int id : data.train().targetIds()) {
      counts[id]++;
    }
    for (int c : counts) {
      assertTrue(c > 0 && c < 60, "a target drawn " + c + " times of 200");
    }
  }

  @Test
  void sameSeedSameTrialsAndTrainTestStreamsAreIndependent() {
    TaskData a = generate(task(Profile.SIGMOID, 5, 32, 16), 42);
    TaskData b = generate(task(Profile.SIGMOID, 5, 32, 16), 42);
    assertEquals(a.train().targets(), b.train().targets());
    assertEquals(a.train().inputs(), b.train().inputs());
    assertEquals(a.test().targets(), b.test().targets());
    assertArrayEquals(a.train().goBins(), b.train().goBins());

    TaskData otherSeed = generate(task(Profile.SIGMOID, 5, 32, 16), 43);
    assertNotEquals(a.train().targets(), otherSeed.train().targets());

    // more test trials leave the training set untouched, and vice versa
    TaskData moreTest = generate(task(Profile.SIGMOID, 5, 32, 40), 42);
    assertEquals(a.train().targets(), moreTest.train().targets());
    TaskData moreTrain = generate(task(Profile.SIGMOID, 5, 64, 16), 42);
    assertEquals(a.test().targets(), moreTrain.test().targets());
    assertArrayEquals(a.test().cueBins(), moreTrain.test().cueBins());
    // the two sets come from different streams: not the same draws
    assertNotEquals(a.train().targets().getDouble(0, 119, 0), a.test().targets().getDouble(0, 119, 0));
  }

  @Test
  void precisionChoosesTheArrayType() {
    TaskData single = Tasks.generate(task(Profile.SIGMOID, 5, 8, 8), new RandomStreams(1), Path.of("."), Precision.FLOAT32);
    TaskData dbl = Tasks.generate(task(Profile.SIGMOID, 5, 8, 8), new RandomStreams(1), Path.of("."));
    assertEquals(DataType.FLOAT, single.train().inputs().dataType());
    assertEquals(DataType.FLOAT, single.test().targets().dataType());
    assertEquals(DataType.DOUBLE, dbl.train().targets().dataType());
    assertEquals(dbl.train().targets().castTo(DataType.FLOAT), single.train().targets());
  }

  @Test
  void profilesRunFromZeroToExactlyOne() {
    for (Profile p : Profile.values()) {
      assertEquals(0.0, ReachProfile.fraction(p, 0));
      assertEquals(1.0, ReachProfile.fraction(p, 1));
      assertEquals(0.5, ReachProfile.fraction(p, 0.5), 1e-15);
      assertEquals(1.0 - ReachProfile.fraction(p, 0.3), ReachProfile.fraction(p, 0.7), 1e-15);
    }
    double k = ReachProfile.SIGMOID_STEEPNESS;
    double sig = 1 / (1 + Math.exp(-k * (0.25 - 0.5)));
    double low = 1 / (1 + Math.exp(k / 2));
    assertEquals((sig - low) / (1 - 2 * low), ReachProfile.fraction(Profile.SIGMOID, 0.25), 1e-15);
    assertEquals(10 * 0.001 - 15 * 0.0001 + 6 * 0.00001, ReachProfile.fraction(Profile.MINIMUM_JERK, 0.1), 1e-15);
  }

  @Test
  void aReachThatCannotEndInsideTheTrialIsASpecError() {
    CenterOut tooLong = new CenterOut("short", TARGETS, 7, 10, 100, 20, 30, 50, 70, 40, Profile.SIGMOID, 0, 0, 8, 8, 2, 2);
    SpecException e = assertThrows(SpecException.class, () -> generate(tooLong, 1));
    assertEquals("task short: a reach of 40 bins starting at go (up to bin 70) ends after the last bin 99;"
        + " lengthen the trial to at least 111 bins or shorten the movement", e.getMessage());
  }
}

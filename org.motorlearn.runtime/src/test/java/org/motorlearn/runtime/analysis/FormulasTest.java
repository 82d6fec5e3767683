package org.motorlearn.runtime.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.rng.RandomStreams;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each formula of MODEL.md section 6 on small hand-computed cases and invariants. */
class FormulasTest {

  static INDArray cube(double[][][] v) {
    return Values.array(v);
  }

  static INDArray random(String stream, long... shape) {
    SplittableRandom r = new RandomStreams(1).stream(stream);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = RandomStreams.gaussian(r);
    }
    return Nd4j.create(v, shape, 'c');
  }

  @Test
  void psthAveragesTrialsOfEachTargetAlignedOnTheirOwnGo() {
    // 3 trials, 5 bins, 1 unit: rate = 10 * trial + bin
    double[] r = new double[15];
    for (int n = 0; n < 3; n++) {
      for (int t = 0; t < 5; t++) {
        r[n * 5 + t] = 10 * n + t;
      }
    }
    INDArray rates = Nd4j.create(r, new long[] {3, 5, 1}, 'c').castTo(DataType.FLOAT);
    INDArray psth = Psth.compute(rates, new int[] {0, 1, 0}, new int[] {2, 3, 3}, -1, 1, 2);
    assertArrayEquals(new long[] {2, 2, 1}, psth.shape());
    // target 0: trial 0 bins 1,2 -> 1,2; trial 2 bins 2,3 -> 22,23; mean 11.5, 12.5
    assertEquals(11.5, psth.getDouble(0, 0, 0));
    assertEquals(12.5, psth.getDouble(0, 1, 0));
    // target 1: trial 1 bins 2,3 -> 12, 13
    assertEquals(12.0, psth.getDouble(1, 0, 0));
    assertEquals(13.0, psth.getDouble(1, 1, 0));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Psth.compute(rates, new int[] {0, 1, 0}, new int[] {2, 3, 3}, -1, 3, 2));
    assertEquals("analysis window: trial 1 has its go cue at bin 3, so the window go-1..go+3 covers bins 2..5,"
        + " outside the trial's bins 0..4; narrow the window", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Psth.compute(rates, new int[] {0, 0, 0}, new int[] {2, 3, 3}, -1, 1, 2));
    assertTrue(e.getMessage().contains("no test trial shows target 1"), e.getMessage());
  }

  @Test
  void activityChangeHandComputed() {
    // one unit, psi = [[0, 1], [2, 3]]: mean 1.5, population variance 1.25
    INDArray before = cube(new double[][][] {{{0}, {1}}, {{2}, {3}}});
    INDArray after = cube(new double[][][] {{{1}, {1}}, {{2}, {5}}});
    // ratios 1/s, 0, 0, 2/s (x100); median of an even count = mean of the middle two = (0 + 100/s) / 2
    assertEquals(50 / Math.sqrt(1.25), ActivityChange.percent(before, after), 1e-12);
    assertEquals(0.0, ActivityChange.percent(before, before));
  }

  @Test
  void activityChangeLeavesOutConstantUnits() {
    // unit 0: [0, 2] (sigma 1); unit 1 constant 0.1 -> excluded even though it changes
    INDArray before = cube(new double[][][] {{{0, 0.1}, {2, 0.1}}});
    INDArray after = cube(new double[][][] {{{1, 7}, {2, 9}}});
    assertEquals(50.0, ActivityChange.percent(before, after), 1e-12);
    assertEquals(1, ActivityChange.constantUnits(before));
    assertTrue(Double.isNaN(ActivityChange.percent(cube(new double[][][] {{{1}, {1}}}), cube(new double[][][] {{{2}, {3}}}))));
  }

  @Test
  void activityChangeIsInvariantToUnitOrderAndCommonScale() {
    INDArray before = random("a", 3, 10, 6);
    INDArray after = before.add(random("b", 3, 10, 6).mul(0.1));
    double change = ActivityChange.percent(before, after);
    int[] permutation = {4, 2, 0, 5, 1, 3};
    assertEquals(change, ActivityChange.percent(permuteUnits(before, permutation), permuteUnits(after, permutation)), 1e-12);
    assertEquals(change, ActivityChange.percent(before.mul(3), after.mul(3)), 1e-9);
    assertTrue(change > 0);
  }

  @Test
  void covarianceChangeHandComputed() {
    // one target, 3 bins, 2 units
    INDArray before = cube(new double[][][] {{{1, 0}, {2, 1}, {3, 5}}});
    INDArray after = cube(new double[][][] {{{0, 0}, {0, 1}, {3, 2}}});
    // C = [[1, 2.5], [2.5, 7]], C' = [[3, 1.5], [1.5, 1]] (ddof 1, computed by hand)
    double[] c = {1, 2.5, 2.5, 7};
    double[] d = {3, 1.5, 1.5, 1};
    double mc = (1 + 2.5 + 2.5 + 7) / 4;
    double md = (3 + 1.5 + 1.5 + 1) / 4;
    double cd = 0;
    double cc = 0;
    double dd = 0;
    for (int i = 0; i < 4; i++) {
      cd += (c[i] - mc) * (d[i] - md);
      cc += (c[i] - mc) * (c[i] - mc);
      dd += (d[i] - md) * (d[i] - md);
    }
    assertEquals(1 - cd / Math.sqrt(cc * dd), CovarianceChange.of(before, after), 1e-12);
    assertEquals(0.0, CovarianceChange.of(before, before), 1e-12);
  }

  @Test
  void covarianceChangeIgnoresCommonScaleAndOffsetButSeesUnitOrder() {
    INDArray before = random("c", 2, 20, 5);
    assertEquals(0.0, CovarianceChange.of(before, before.mul(2).add(5)), 1e-12);
    INDArray swapped = permuteUnits(before, new int[] {1, 0, 2, 3, 4});
    assertTrue(CovarianceChange.of(before, swapped) > 1e-3);
  }

  @Test
  void weightChangeHandComputedSkipsZeroEntries() {
    INDArray before = Nd4j.createFromArray(new double[][] {{1, -2}, {0, 4}});
    INDArray after = Nd4j.createFromArray(new double[][] {{1.1, -2}, {5, 3}});
    // 10%, 0%, 25% (the 0 entry is left out): median 10
    assertEquals(10.0, WeightChange.percent(before, after), 1e-12);
    assertEquals(0.0, WeightChange.percent(before, before));
    assertEquals(25.0, WeightChange.percent(Nd4j.createFromArray(4.0f, 0f), Nd4j.createFromArray(5.0f, 1f)), 1e-6);
  }

  @Test
  void singularValuesReconstructTheMatrix() {
    assertArrayEquals(new double[] {4, 3}, Svd.values(new double[][] {{3, 0}, {0, 4}, {0, 0}}), 1e-15);
    assertArrayEquals(new double[] {4, 3}, Svd.values(new double[][] {{3, 0, 0}, {0, 4, 0}}), 1e-15);
    double[][] a = Values.matrix(random("svd", 7, 5), "a");
    Svd.Result r = Svd.of(a);
    double frobenius = 0;
    for (double[] row : a) {
      for (double x : row) {
        frobenius += x * x;
      }
    }
    double squares = 0;
    for (double s : r.values()) {
      squares += s * s;
    }
    assertEquals(frobenius, squares, 1e-12);
    // A v_k has length s_k, the images are mutually orthogonal, and V is orthonormal
    for (int k = 0; k < 5; k++) {
      double[] image = times(a, r.v()[k]);
      assertEquals(r.values()[k], Math.sqrt(dot(image, image)), 1e-12);
      for (int j = 0; j < 5; j++) {
        assertEquals(j == k ? 1 : 0, dot(r.v()[j], r.v()[k]), 1e-12);
        if (j != k) {
          assertEquals(0, dot(image, times(a, r.v()[j])), 1e-12);
        }
      }
    }
    for (int k = 1; k < 5; k++) {
      assertTrue(r.values()[k] <= r.values()[k - 1]);
    }
  }

  @Test
  void participationRatioOfKnownSpectra() {
    assertEquals(16.0 / 10.0, ParticipationRatio.of(new double[][] {{3, 0}, {0, 1}}), 1e-12);
    assertEquals(3.0, ParticipationRatio.of(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}}), 1e-12);
    INDArray u = random("u", 400, 1);
    INDArray v = random("v", 1, 300);
    assertEquals(1.0, ParticipationRatio.of(u.mmul(v)), 1e-6);
    assertEquals(1.0, ParticipationRatio.of(Nd4j.createFromArray(1.0, -2.0, 3.0)), 1e-12);
  }

  @Test
  void participationRatioOfAGaussianMatrixIsAbout287() {
    long start = System.nanoTime();
    double pr = ParticipationRatio.of(random("gauss", 400, 400));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("PR of an i.i.d. Gaussian 400x400 matrix: %.2f (%.2f s)%n", pr, seconds);
    assertEquals(287, pr, 0.03 * 287);
  }

  @Test
  void principalAnglesOfKnownSubspaces() {
    double[][] a = {{1, 0, 0, 0}, {0, 1, 0, 0}};
    assertArrayEquals(new double[] {0, 0}, PrincipalAngles.degrees(a, a), 1e-6);
    assertArrayEquals(new double[] {0, 0}, PrincipalAngles.degrees(a, new double[][] {{1, 1, 0, 0}, {1, -1, 0, 0}}), 1e-6);
    assertArrayEquals(new double[] {90, 90}, PrincipalAngles.degrees(a, new double[][] {{0, 0, 1, 0}, {0, 0, 0, 1}}), 1e-9);
    assertArrayEquals(new double[] {0, 90}, PrincipalAngles.degrees(a, new double[][] {{0, 3, 0, 0}, {0, 0, 0, 1}}), 1e-6);
    double c = Math.cos(Math.toRadians(30));
    double s = Math.sin(Math.toRadians(30));
    assertArrayEquals(new double[] {30}, PrincipalAngles.degrees(new double[][] {{1, 0, 0}}, new double[][] {{c, s, 0}}), 1e-9);
    assertArrayEquals(new double[] {1e-4}, PrincipalAngles.degrees(new double[][] {{1, 0}},
        new double[][] {{Math.cos(Math.toRadians(1e-4)), Math.sin(Math.toRadians(1e-4))}}), 1e-12);
  }

  @Test
  void pcaFindsTheDominantDirectionsAndReconstructs() {
    // 2 targets x 50 bins in 3 units: big variance along (1, 1, 0)/sqrt 2, small along (0, 0, 1)
    // cos and sin over a full period: zero mean and exactly uncorrelated
    double[][][] psth = new double[2][50][3];
    for (int c = 0; c < 2; c++) {
      for (int t = 0; t < 50; t++) {
        double[] bin = psth[c][t];
        double phase = 2 * Math.PI * (c * 50 + t) / 100;
        double big = 5 * Math.cos(phase);
        double small = 0.5 * Math.sin(phase);
        bin[0] = big / Math.sqrt(2) + 1;
        bin[1] = big / Math.sqrt(2) - 2;
        bin[2] = small;
      }
    }
    Pca.Result pca = Pca.of(cube(psth), 3);
    assertEquals(1 / Math.sqrt(2), pca.components()[0][0], 1e-9);
    assertEquals(1 / Math.sqrt(2), pca.components()[0][1], 1e-9);
    assertEquals(1.0, Math.abs(pca.components()[1][2]), 1e-9);
    assertEquals(1.0, pca.explained()[0] + pca.explained()[1] + pca.explained()[2], 1e-12);
    assertTrue(pca.explained()[0] > 0.9 && pca.explained()[2] < 1e-12);
    // projections times components plus the mean give back the PSTH
    double[] mean = new double[3];
    for (double[][] target : psth) {
      for (double[] bin : target) {
        for (int i = 0; i < 3; i++) {
          mean[i] += bin[i] / 100;
        }
      }
    }
    for (int c = 0; c < 2; c++) {
      for (int t = 0; t < 50; t++) {
        for (int i = 0; i < 3; i++) {
          double back = mean[i];
          for (int k = 0; k < 3; k++) {
            back += pca.projections().getDouble(c, t, k) * pca.components()[k][i];
          }
          assertEquals(psth[c][t][i], back, 1e-9);
        }
      }
    }
  }

  @Test
  void behaviourHandComputed() {
    // 1 trial, 3 bins, 2 coordinates
    INDArray y = Nd4j.create(new double[] {0, 0, 1, 1, 3, 0}, new long[] {1, 3, 2}, 'c');
    INDArray z = Nd4j.create(new double[] {5, 5, 0, 1, 1, 0}, new long[] {1, 3, 2}, 'c');
    // from bin 1: (1-0)^2 + 0 + (3-1)^2 + 0 = 5 over 4 values
    assertEquals(1.25, Behaviour.mse(y, z, 1), 1e-15);
    assertEquals(Math.sqrt(1.25), Behaviour.rmse(y, z, 1), 1e-15);
  }

  @Test
  void angularErrorMeasuresTheEndpointDirection() {
    int bins = 40;
    double[] produced = new double[2 * bins * 2];
    double[] instructed = new double[2 * bins * 2];
    double[] turn = {30, -100};
    for (int n = 0; n < 2; n++) {
      double angle = Math.toRadians(45 * n);
      for (int t = 0; t < bins; t++) {
        int at = (n * bins + t) * 2;
        instructed[at] = 8 * Math.cos(angle);
        instructed[at + 1] = 8 * Math.sin(angle);
        // the produced reach is shorter and turned; only its last 20 bins count
        double p = t < bins - Behaviour.ENDPOINT_BINS ? 0 : 5;
        produced[at] = p * Math.cos(angle + Math.toRadians(turn[n]));
        produced[at + 1] = p * Math.sin(angle + Math.toRadians(turn[n]));
      }
    }
    INDArray y = Nd4j.create(produced, new long[] {2, bins, 2}, 'c');
    INDArray z = Nd4j.create(instructed, new long[] {2, bins, 2}, 'c');
    assertArrayEquals(new double[] {30, -100}, Behaviour.signedAngularErrors(y, z), 1e-9);
    assertEquals(65.0, Behaviour.angularErrorDegrees(y, z), 1e-9);
    assertEquals(0.0, Behaviour.angularErrorDegrees(z, z), 1e-12);
  }

  static INDArray permuteUnits(INDArray psth, int[] permutation) {
    double[][][] v = Values.cube(psth, "test");
    double[][][] p = new double[v.length][v[0].length][permutation.length];
    for (int c = 0; c < v.length; c++) {
      for (int t = 0; t < v[0].length; t++) {
        for (int i = 0; i < permutation.length; i++) {
          p[c][t][i] = v[c][t][permutation[i]];
        }
      }
    }
    return Values.array(p);
  }

  static double[] times(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = dot(a[i], x);
    }
    return y;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

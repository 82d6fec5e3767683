package org.motorlearn.dsl.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The test's own formulas, on cases small enough to compute by hand. */
public class RunArraysTest {

  @Test
  public void singularValuesOfKnownMatrices() {
    double[] diagonal = RunArrays.singularValues(new double[][] {{3, 0}, {0, -4}});
    Arrays.sort(diagonal);
    assertArrayEquals(new double[] {3, 4}, diagonal, 1e-12);
    // [[1, 1], [0, 1]]: singular values sqrt((3 +- sqrt(5)) / 2), the golden ratio and its inverse
    double[] shear = RunArrays.singularValues(new double[][] {{1, 1}, {0, 1}});
    Arrays.sort(shear);
    double phi = (1 + Math.sqrt(5)) / 2;
    assertArrayEquals(new double[] {1 / phi, phi}, shear, 1e-12);
    // a wide matrix is handled through its transpose: [[3, 4, 0]] has the single value 5
    assertArrayEquals(new double[] {5}, RunArrays.singularValues(new double[][] {{3, 4, 0}}), 1e-12);
  }

  @Test
  public void participationRatioOfRankOneAndIdentity() {
    assertEquals(1, RunArrays.participationRatio(new double[][] {{1, 2, 3}, {2, 4, 6}, {-1, -2, -3}}), 1e-9);
    assertEquals(5, RunArrays.participationRatio(identity(5)), 1e-12);
  }

  @Test
  public void medianAsNumpy() {
    assertEquals(2, RunArrays.median(new double[] {3, 1, 2}));
    assertEquals(2.5, RunArrays.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  public void identicalActivityHasNoChange() {
    double[][][] psth = {{{0.1, 0.5}, {0.2, 0.1}}, {{-0.3, 0.2}, {0.4, 0.0}}};
    assertEquals(0, RunArrays.activityChangePercent(psth, psth));
    assertEquals(0, RunArrays.covarianceChange(psth, psth), 1e-15);
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }
}

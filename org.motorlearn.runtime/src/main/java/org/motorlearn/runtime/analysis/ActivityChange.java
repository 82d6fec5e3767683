package org.motorlearn.runtime.analysis;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Change in activity (%), MODEL.md section 6: the median over all (c, t, i) of
 * |psi'[c,t,i] - psi[c,t,i]| / sigma_i * 100, where sigma_i is the population standard deviation
 * (ddof 0) over (c, t) of the BASELINE psi[., ., i].
 *
 * <p>A unit whose baseline PSTH is the same value at every (c, t) has sigma_i = 0; its change cannot be
 * normalised, so all of its entries are left out of the median. If every unit is constant the result
 * is NaN. The median of an even count is the mean of the two middle values.
 */
public final class ActivityChange {

  private ActivityChange() {}

  /** @param before baseline PSTH [targets, bins, units]; @param after adapted PSTH, same shape */
  public static double percent(INDArray before, INDArray after) {
    Values.requireSameShape(before, after, "activity change");
    return percent(Values.cube(before, "activity change"), Values.cube(after, "activity change"));
  }

  static double percent(double[][][] before, double[][][] after) {
    int targets = before.length;
    int bins = before[0].length;
    int units = before[0][0].length;
    double[] sigma = new double[units];
    boolean[] constant = new boolean[units];
    int kept = 0;
    for (int i = 0; i < units; i++) {
      double first = before[0][0][i];
      boolean same = true;
      double mean = 0;
      for (double[][] target : before) {
        for (double[] bin : target) {
          mean += bin[i];
          same &= bin[i] == first;
        }
      }
      mean /= targets * bins;
      double squares = 0;
      for (double[][] target : before) {
        for (double[] bin : target) {
          squares += (bin[i] - mean) * (bin[i] - mean);
        }
      }
      sigma[i] = Math.sqrt(squares / (targets * bins));
      constant[i] = same;
      if (!same) {
        kept++;
      }
    }
    double[] ratios = new double[kept * targets * bins];
    int n = 0;
    for (int c = 0; c < targets; c++) {
      for (int t = 0; t < bins; t++) {
        for (int i = 0; i < units; i++) {
          if (!constant[i]) {
            ratios[n++] = Math.abs(after[c][t][i] - before[c][t][i]) / sigma[i] * 100;
          }
        }
      }
    }
    return Values.median(ratios, n);
  }

  /** Number of units left out because their baseline PSTH is constant (sigma_i = 0). */
  public static int constantUnits(INDArray before) {
    double[][][] psth = Values.cube(before, "activity change");
    int count = 0;
    for (int i = 0; i < psth[0][0].length; i++) {
      double first = psth[0][0][i];
      boolean same = true;
      for (double[][] target : psth) {
        for (double[] bin : target) {
          same &= bin[i] == first;
        }
      }
      count += same ? 1 : 0;
    }
    return count;
  }
}

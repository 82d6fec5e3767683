package org.motorlearn.runtime.analysis;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Peri-stimulus time histograms (MODEL.md section 6): psi[c, t, i] = mean over the trials of target c of
 * r[trial, go + windowStart + t, i], t = 0 .. windowEnd - windowStart - 1, each trial aligned on its own
 * go bin. Computed in double precision whatever the type of the rates.
 */
public final class Psth {

  private Psth() {}

  /**
   * @param rates [trials, bins, units]
   * @param windowStart first bin relative to go (e.g. -60)
   * @param windowEnd end relative to go, exclusive (e.g. +60)
   * @return [targets, windowEnd - windowStart, units], DOUBLE
   * @throws IllegalArgumentException if the window leaves a trial or a target has no trial
   */
  public static INDArray compute(INDArray rates, int[] targetIds, int[] goBins, int windowStart, int windowEnd, int targets) {
    return Values.array(means(rates, targetIds, goBins, windowStart, windowEnd, targets));
  }

  static double[][][] means(INDArray rates, int[] targetIds, int[] goBins, int windowStart, int windowEnd, int targets) {
    if (rates.rank() != 3) {
      throw new IllegalArgumentException("PSTH: rates must be [trials, bins, units], got " + Arrays.toString(rates.shape()));
    }
    int trials = (int) rates.size(0);
    int bins = (int) rates.size(1);
    int units = (int) rates.size(2);
    if (targetIds.length != trials || goBins.length != trials) {
      throw new IllegalArgumentException("PSTH: " + trials + " trials of rates but " + targetIds.length + " target ids and "
          + goBins.length + " go bins");
    }
    if (windowStart >= windowEnd) {
      throw new IllegalArgumentException("PSTH: the window " + windowStart + ".." + windowEnd + " around go is empty");
    }
    int width = windowEnd - windowStart;
    double[][][] sum = new double[targets][width][units];
    int[] count = new int[targets];
    for (int n = 0; n < trials; n++) {
      int c = targetIds[n];
      if (c < 0 || c >= targets) {
        throw new IllegalArgumentException("PSTH: trial " + n + " shows target " + c + ", outside 0.." + (targets - 1));
      }
      int from = goBins[n] + windowStart;
      int to = goBins[n] + windowEnd;
      if (from < 0 || to > bins) {
        throw new IllegalArgumentException("analysis window: trial " + n + " has its go cue at bin " + goBins[n]
            + ", so the window go" + signed(windowStart) + "..go" + signed(windowEnd) + " covers bins " + from + ".." + (to - 1)
            + ", outside the trial's bins 0.." + (bins - 1) + "; narrow the window");
      }
      double[] r = Values.flat(rates.get(NDArrayIndex.point(n), NDArrayIndex.interval(from, to), NDArrayIndex.all()));
      for (int t = 0; t < width; t++) {
        double[] target = sum[c][t];
        for (int i = 0; i < units; i++) {
          target[i] += r[t * units + i];
        }
      }
      count[c]++;
    }
    for (int c = 0; c < targets; c++) {
      if (count[c] == 0) {
        throw new IllegalArgumentException("PSTH: no test trial shows target " + c + "; use at least " + targets
            + " test trials so that every target appears");
      }
      for (double[] bin : sum[c]) {
        for (int i = 0; i < units; i++) {
          bin[i] /= count[c];
        }
      }
    }
    return sum;
  }

  private static String signed(int v) {
    return v < 0 ? Integer.toString(v) : "+" + v;
  }
}

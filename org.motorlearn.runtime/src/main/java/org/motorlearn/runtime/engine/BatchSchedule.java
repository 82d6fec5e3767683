package org.motorlearn.runtime.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.SpecException;

/**
 * Which training trials update k uses. Epoch e is a Fisher-Yates shuffle of all trials drawn from
 * stream {@code "phase/<name>/epoch/<e>"}; its floor(trials / batch) consecutive slices are the
 * batches of updates e * perEpoch ... (e + 1) * perEpoch - 1. When the batch does not divide the set,
 * the remainder of each shuffle is dropped (every batch is full and no trial repeats within an
 * epoch). The batch of any k is computed directly, so resuming needs no state.
 */
final class BatchSchedule {

  private final String phase;
  private final int trials;
  private final int batch;
  private final RandomStreams streams;
  private int cachedEpoch = -1;
  private int[] cachedOrder;

  BatchSchedule(String phase, int trials, int batch, RandomStreams streams) {
    if (batch > trials) {
      throw new SpecException("phase " + phase + ": batch " + batch + " is larger than the " + trials
          + " training trials; lower the batch or add trials");
    }
    this.phase = phase;
    this.trials = trials;
    this.batch = batch;
    this.streams = streams;
  }

  int[] batch(int update) {
    int perEpoch = trials / batch;
    int epoch = update / perEpoch;
    int slot = update % perEpoch;
    if (epoch != cachedEpoch) {
      cachedOrder = shuffle(streams.stream("phase/" + phase + "/epoch/" + epoch));
      cachedEpoch = epoch;
    }
    return Arrays.copyOfRange(cachedOrder, slot * batch, (slot + 1) * batch);
  }

  private int[] shuffle(SplittableRandom random) {
    int[] order = new int[trials];
    for (int i = 0; i < trials; i++) {
      order[i] = i;
    }
    for (int i = trials - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}

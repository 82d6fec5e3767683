package org.motorlearn.runtime.engine;

import java.util.SplittableRandom;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.ModuleSpec;

/**
 * The trials of one forward pass in the engine's time-major order (row t * batch + b), with the
 * random numbers they need. Module m's initial states come from stream {@code <name>/x0/<module>}
 * (trial-major, then unit) and its process noise xi ~ N(0, 1) from {@code <name>/noise/<module>}
 * (trial, then bin, then unit), so neither depends on other modules or on thread count.
 *
 * @param inputs [bins * batch * inputDimension]
 * @param targets [bins * batch * outputDimension], or null when only simulating
 * @param initialStates per module, x0 as [batch * units]
 * @param noise per module, xi as [bins * batch * units], or null for a noiseless module
 */
record Batch(double[] inputs, double[] targets, double[][] initialStates, double[][] noise) {

  static Batch assemble(Layout layout, TrialData data, int[] trials, RandomStreams streams, String streamName,
      boolean withTargets) {
    int batch = trials.length;
    int bins = data.bins();
    double[] inputs = timeMajor(data.inputs(), trials, bins, layout.inputDimension);
    double[] targets = withTargets ? timeMajor(data.targets(), trials, bins, layout.outputDimension) : null;
    double[][] x0 = new double[layout.modules][];
    double[][] noise = new double[layout.modules][];
    for (int m = 0; m < layout.modules; m++) {
      ModuleSpec spec = layout.network.modules().get(m);
      x0[m] = initialStates(spec.initialState(), batch * spec.units(), streams.stream(streamName + "/x0/" + spec.name()));
      if (spec.noise() > 0) {
        noise[m] = noise(batch, bins, spec.units(), streams.stream(streamName + "/noise/" + spec.name()));
      }
    }
    return new Batch(inputs, targets, x0, noise);
  }

  /** Trials [from, to) of this batch of {@code batch} trials, with their inputs, x0 and noise. */
  Batch chunk(int from, int to, int batch, int bins) {
    return new Batch(rows(inputs, from, to, batch, bins), targets == null ? null : rows(targets, from, to, batch, bins),
        slice(initialStates, from, to, batch, 1), slice(noise, from, to, batch, bins));
  }

  private static double[][] slice(double[][] perModule, int from, int to, int batch, int bins) {
    double[][] result = new double[perModule.length][];
    for (int m = 0; m < perModule.length; m++) {
      result[m] = perModule[m] == null ? null : rows(perModule[m], from, to, batch, bins);
    }
    return result;
  }

  /** Rows of trials [from, to) of each of {@code bins} time blocks of a time-major array. */
  private static double[] rows(double[] timeMajor, int from, int to, int batch, int bins) {
    int width = timeMajor.length / (batch * bins);
    int count = to - from;
    double[] out = new double[bins * count * width];
    for (int t = 0; t < bins; t++) {
      System.arraycopy(timeMajor, (t * batch + from) * width, out, t * count * width, count * width);
    }
    return out;
  }

  private static double[] timeMajor(double[] trialMajor, int[] trials, int bins, int dim) {
    int batch = trials.length;
    double[] out = new double[bins * batch * dim];
    for (int b = 0; b < batch; b++) {
      int source = trials[b] * bins * dim;
      for (int t = 0; t < bins; t++) {
        System.arraycopy(trialMajor, source + t * dim, out, (t * batch + b) * dim, dim);
      }
    }
    return out;
  }

  private static double[] initialStates(InitialState state, int count, SplittableRandom random) {
    double[] x0 = new double[count];
    for (int i = 0; i < count; i++) {
      x0[i] = switch (state.kind()) {
        case UNIFORM -> state.a() + (state.b() - state.a()) * random.nextDouble();
        case NORMAL -> state.a() + state.b() * RandomStreams.gaussian(random);
        case ZEROS -> 0;
      };
    }
    return x0;
  }

  private static double[] noise(int batch, int bins, int units, SplittableRandom random) {
    double[] xi = new double[bins * batch * units];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < bins; t++) {
        int row = (t * batch + b) * units;
        for (int j = 0; j < units; j++) {
          xi[row + j] = RandomStreams.gaussian(random);
        }
      }
    }
    return xi;
  }
}

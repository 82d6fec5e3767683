package org.motorlearn.runtime.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.SpecException;

/**
 * Draws the initial values of one parameter in Java, from its own stream, in row-major order, so
 * the values are bitwise reproducible whatever the thread count.
 */
final class WeightInit {

  private WeightInit() {}

  /**
   * @param defaultFan n of the default U(-1/sqrt(n), 1/sqrt(n)): receiving units for input and
   *     projection matrices, source units for readouts
   * @param fanIn the number of columns feeding each output unit, for {@link Init.Gain}
   * @param file for {@link Init.FromFile}, the file to load (already chosen for weight or bias)
   */
  static double[] draw(String parameter, int[] shape, Init init, int defaultFan, int fanIn, SplittableRandom random,
      Path file) {
    int count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
    double[] values = new double[count];
    if (init instanceof Init.FromFile) {
      return load(parameter, shape, file);
    } else if (init instanceof Init.Default) {
      double bound = 1.0 / Math.sqrt(defaultFan);
      for (int i = 0; i < count; i++) {
        values[i] = -bound + 2 * bound * random.nextDouble();
      }
    } else if (init instanceof Init.Uniform u) {
      for (int i = 0; i < count; i++) {
        values[i] = u.low() + (u.high() - u.low()) * random.nextDouble();
      }
    } else if (init instanceof Init.Normal n) {
      for (int i = 0; i < count; i++) {
        values[i] = n.mean() + n.std() * RandomStreams.gaussian(random);
      }
    } else if (init instanceof Init.Gain g) {
      double std = g.gain() / Math.sqrt(fanIn);
      for (int i = 0; i < count; i++) {
        values[i] = std * RandomStreams.gaussian(random);
      }
    }
    return values;
  }

  private static double[] load(String parameter, int[] shape, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SpecException("init of '" + parameter + "': file " + file + " does not exist");
    }
    var array = Npy.read(file);
    long[] expected = Arrays.stream(shape).asLongStream().toArray();
    if (!Arrays.equals(array.shape(), expected)) {
      throw new SpecException("init of '" + parameter + "': " + file + " holds an array of shape "
          + Arrays.toString(array.shape()) + ", but '" + parameter + "' has shape " + Arrays.toString(expected)
          + "; save a matrix of that shape (rows = receiving units)");
    }
    return Precisions.values(array);
  }
}

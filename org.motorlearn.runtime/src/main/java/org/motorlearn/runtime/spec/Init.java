package org.motorlearn.runtime.spec;

import java.nio.file.Path;

/**
 * How one weight matrix (or bias) is initialised. Each matrix draws from its own random stream,
 * derived from the run seed and the matrix name, so adding a module never changes the others.
 */
public sealed interface Init {

  /** PyTorch's RNN default used by the reference code: U(-1/sqrt(n), 1/sqrt(n)), n = units of the
   *  receiving module (for a readout: the units of its source module). */
  record Default() implements Init {}

  /** U(low, high). */
  record Uniform(double low, double high) implements Init {
    public Uniform {
      SpecException.require(low <= high, "uniform(" + low + ", " + high + "): low must not exceed high");
    }
  }

  /** N(mean, std^2). */
  record Normal(double mean, double std) implements Init {
    public Normal {
      SpecException.require(std >= 0, "normal(" + mean + ", " + std + "): std must be >= 0");
    }
  }

  /** N(0, (gain / sqrt(fanIn))^2): the classic random-network scaling, spectral radius about gain. */
  record Gain(double gain) implements Init {}

  /** All zeros. */
  record Zeros() implements Init {}

  /** Loaded from a NumPy .npy file; its shape must equal the matrix shape. */
  record FromFile(Path file) implements Init {
    public FromFile {
      SpecException.require(file != null, "from file: the path is missing");
    }
  }

  static Init defaults() {
    return new Default();
  }

  static Init uniform(double low, double high) {
    return new Uniform(low, high);
  }

  static Init normal(double mean, double std) {
    return new Normal(mean, std);
  }

  static Init gain(double gain) {
    return new Gain(gain);
  }

  static Init zeros() {
    return new Zeros();
  }

  static Init fromFile(String path) {
    return new FromFile(Path.of(path));
  }
}

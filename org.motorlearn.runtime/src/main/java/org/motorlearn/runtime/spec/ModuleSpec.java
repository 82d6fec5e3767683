package org.motorlearn.runtime.spec;

/**
 * A population of rate units with Euler dynamics
 * {@code x += (dt/tau) * (-x + sum of inputs + noise * xi)}, {@code r = f(x)}.
 *
 * @param name unique within the network
 * @param units number of units
 * @param activation rate nonlinearity
 * @param tau time constant in seconds
 * @param noise standard deviation of the process noise added to the input current per step
 *     (0: deterministic, as in the reference model)
 * @param initialState distribution of x0 per trial
 */
public record ModuleSpec(
    String name, int units, Activation activation, double tau, double noise, InitialState initialState) {

  public ModuleSpec {
    SpecException.require(name != null && !name.isBlank(), "module: the name is missing");
    SpecException.require(units > 0, "module " + name + ": units must be positive, got " + units);
    SpecException.require(activation != null, "module " + name + ": activation is missing");
    SpecException.require(tau > 0, "module " + name + ": tau must be positive, got " + tau + " s");
    SpecException.require(noise >= 0, "module " + name + ": noise must be >= 0, got " + noise);
    SpecException.require(initialState != null, "module " + name + ": initial state is missing");
  }

  /** A tanh module of the reference model: tau 50 ms, no noise, x0 ~ U(-0.1, 0.1). */
  public static ModuleSpec of(String name, int units) {
    return new ModuleSpec(name, units, Activation.TANH, 0.05, 0.0, InitialState.reference());
  }

  public ModuleSpec withActivation(Activation value) {
    return new ModuleSpec(name, units, value, tau, noise, initialState);
  }

  public ModuleSpec withTau(double seconds) {
    return new ModuleSpec(name, units, activation, seconds, noise, initialState);
  }

  public ModuleSpec withNoise(double sigma) {
    return new ModuleSpec(name, units, activation, tau, sigma, initialState);
  }

  public ModuleSpec withInitialState(InitialState value) {
    return new ModuleSpec(name, units, activation, tau, noise, value);
  }
}

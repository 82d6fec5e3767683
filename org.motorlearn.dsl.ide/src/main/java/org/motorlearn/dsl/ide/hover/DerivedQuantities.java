package org.motorlearn.dsl.ide.hover;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Precision;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.units.SpecQuantities.Conversion;
import org.motorlearn.dsl.units.SpecQuantities.Kind;
import org.motorlearn.dsl.util.Experiments;

/**
 * Quantities derived from a spec while it is being written, for hovers: the Euler factor a = dt/tau of
 * a module, the parameter count of a network and the training memory of a phase.
 *
 * <p>Computed from the AST with the reference defaults of docs/language.md (dt 10 ms, tau 50 ms, trial
 * 400 bins, batch 80). The parameter count follows the runtime's {@code Network.parameterShapes()}:
 * every input-to-module, module-to-module (recurrence included unless {@code no recurrence}) and
 * readout matrix, plus readout biases. Each method returns null when a size it needs is missing or
 * wrongly written (the validator reports that).
 */
public final class DerivedQuantities {

  /** Reference defaults of docs/language.md for settings a spec leaves out. */
  static final double DEFAULT_TAU_SECONDS = 0.05;
  static final long DEFAULT_TRIAL_BINS = 400;
  static final long DEFAULT_BATCH = 80;

  /**
   * Arrays kept per unit, bin and trial by backpropagation through time (drive, rate, derivative and
   * their gradients), and copies of every parameter (value, gradient, two Adam moments): the same
   * estimate the validator's memory check uses.
   */
  static final int STATE_ARRAYS = 6;
  static final int PARAMETER_COPIES = 4;

  private DerivedQuantities() {
  }

  /** The Euler factor of a module. */
  public record EulerStep(double dtSeconds, double tauSeconds, boolean tauDefaulted) {
    public double a() {
      return dtSeconds / tauSeconds;
    }

    /** "a = dt/tau = 10 ms / 50 ms = 0.2". */
    public String describe() {
      return "a = dt/tau = " + milliseconds(dtSeconds) + " / " + milliseconds(tauSeconds)
          + (tauDefaulted ? " (default tau)" : "") + " = " + number(a());
    }
  }

  /** a = dt/tau of the module, dt from its network; null if dt or tau is wrongly written. */
  public static EulerStep eulerStep(Module module) {
    Network network = (Network) module.eContainer();
    Double dt = SpecQuantities.dtSeconds(network);
    if (dt == null) {
      return null;
    }
    if (module.getTau() == null) {
      return new EulerStep(dt, DEFAULT_TAU_SECONDS, true);
    }
    Conversion tau = SpecQuantities.convert(module.getTau(), Kind.TIME, dt);
    if (!tau.ok() || tau.value() <= 0) {
      return null;
    }
    return new EulerStep(dt, tau.value(), false);
  }

  /** The number of trainable scalars of a network (the reference network has 803,202), or null. */
  public static Long parameterCount(Network network) {
    long count = 0;
    for (Module module : network.getModules()) {
      Long units = units(module);
      if (units == null) {
        return null;
      }
      if (!module.isNoRecurrence()) {
        count += units * units;
      }
    }
    for (Input input : network.getInputs()) {
      Long size = count(input.getSize());
      if (size == null) {
        return null;
      }
      for (Module target : input.getTargets()) {
        Long units = units(target);
        if (units == null) {
          return null;
        }
        count += size * units;
      }
    }
    for (Connection connection : network.getConnections()) {
      Long from = units(connection.getSource());
      Long to = units(connection.getTarget());
      if (from == null || to == null) {
        return null;
      }
      count += from * to;
    }
    for (Readout readout : network.getReadouts()) {
      Long size = count(readout.getSize());
      Long units = units(readout.getSource());
      if (size == null || units == null) {
        return null;
      }
      count += size * units + (readout.isNoBias() ? 0 : size);
    }
    return count;
  }

  /** The memory estimate of one training phase and how it was computed. */
  public record TrainingMemory(long bytes, long bins, long batch, long units, long parameters, int bytesPerNumber) {
    /** "0.4 GB (400 bins x batch 80 x 1200 units x 6 arrays x 4 bytes, plus 803,202 parameters x 4 copies x 4 bytes)". */
    public String describe() {
      return String.format(Locale.ROOT, "%.2f GB (%d bins x batch %d x %,d units x %d arrays x %d bytes, "
          + "plus %,d parameters x %d copies x %d bytes)", bytes / 1e9, bins, batch, units, STATE_ARRAYS,
          bytesPerNumber, parameters, PARAMETER_COPIES, bytesPerNumber);
    }
  }

  /** Training memory of a phase; null for an {@code evaluate only} phase or when sizes are missing. */
  public static TrainingMemory trainingMemory(Phase phase) {
    Experiment experiment = Experiments.experimentOf(phase);
    Network network = experiment == null ? null : Experiments.network(experiment);
    if (phase.isEvaluateOnly() || network == null) {
      return null;
    }
    Long parameters = parameterCount(network);
    if (parameters == null) {
      return null;
    }
    long units = 0;
    for (Module module : network.getModules()) {
      units += units(module);
    }
    Double dt = SpecQuantities.dtSeconds(network);
    Task task = Experiments.task(experiment);
    long bins = DEFAULT_TRIAL_BINS;
    if (task != null && task.getTrial() != null) {
      if (dt == null) {
        return null;
      }
      Conversion trial = SpecQuantities.bins(task.getTrial(), dt);
      if (!trial.ok()) {
        return null;
      }
      bins = Math.round(trial.value());
    }
    long batch = DEFAULT_BATCH;
    if (phase.getBatch() != null) {
      Conversion written = SpecQuantities.convert(phase.getBatch(), Kind.TRIALS, dt);
      if (!written.ok()) {
        return null;
      }
      batch = Math.round(written.value());
    }
    int bytes = experiment.getPrecision() == Precision.FLOAT64 ? 8 : 4;
    double total = (double) bins * batch * units * STATE_ARRAYS * bytes + (double) parameters * PARAMETER_COPIES * bytes;
    return new TrainingMemory((long) Math.min(total, Long.MAX_VALUE), bins, batch, units, parameters, bytes);
  }

  private static Long units(Module module) {
    return module == null || module.eIsProxy() ? null : count(module.getUnits());
  }

  private static Long count(Quantity quantity) {
    if (quantity == null) {
      return null;
    }
    Conversion conversion = SpecQuantities.convert(quantity, Kind.COUNT, null);
    return conversion.ok() && conversion.value() >= 0 ? Math.round(conversion.value()) : null;
  }

  private static String milliseconds(double seconds) {
    return number(seconds * 1000) + " ms";
  }

  /** Shortest plain decimal, at most 6 significant digits: 0.2, 10, 0.0333333. */
  static String number(double value) {
    BigDecimal decimal = new BigDecimal(value).round(new java.math.MathContext(6, RoundingMode.HALF_EVEN));
    return decimal.stripTrailingZeros().toPlainString();
  }
}

package org.motorlearn.dsl.validation;

import java.util.Locale;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Precision;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.validation.EffectiveSettings.Value;

/**
 * Memory a training phase needs, estimated from the spec before anything runs (the one place this
 * estimate lives on the language side; docs/validation.md explains it):
 *
 * <pre>
 *   BPTT state  = bins x batch x total units x 6 arrays (drive, rate, derivative, their gradients) x bytes per number
 *   parameters  = weights x 4 (the weights, their gradient, Adam's two moment buffers) x bytes per number
 * </pre>
 * The largest training phase counts. It leaves out the JVM itself and ND4J's native libraries.
 */
public final class MemoryEstimate {

  /** The biggest phase, its estimate in bytes and how it was computed. */
  public record Result(String phase, double bytes, String explanation) {
  }

  static final int STATE_ARRAYS = 6;
  static final int PARAMETER_COPIES = 4;

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  private MemoryEstimate() {
  }

  /** The estimate for the experiment's largest training phase, or null if it has none or sizes are missing. */
  public static Result of(Experiment experiment, Network network, Task task, EffectiveSettings settings) {
    long units = 0;
    for (Module module : network.getModules()) {
      Value value = settings.value(module, ML.getModule_Units());
      if (value == null || value.value() <= 0) {
        return null;
      }
      units += (long) value.value();
    }
    long weights = weights(network, settings);
    Value trial = settings.bins(settings.value(task, ML.getTask_Trial()), network);
    long bins = trial == null ? (long) NumericRules.DEFAULT_TRIAL_BINS : (long) trial.value();
    int bytes = experiment.getPrecision() == Precision.FLOAT64 ? 8 : 4;
    Result largest = null;
    for (Phase phase : experiment.getPhases()) {
      if (phase.isEvaluateOnly()) {
        continue;
      }
      Value batchValue = settings.value(phase, ML.getPhase_Batch());
      long batch = batchValue == null ? (long) NumericRules.DEFAULT_BATCH : (long) batchValue.value();
      double estimate = (double) bins * batch * units * STATE_ARRAYS * bytes + (double) weights * PARAMETER_COPIES * bytes;
      if (largest == null || estimate > largest.bytes()) {
        largest = new Result(phase.getName(), estimate, bins + " bins x batch " + batch + " x " + units + " units x "
            + STATE_ARRAYS + " arrays x " + bytes + " bytes, plus " + weights + " weights x " + PARAMETER_COPIES);
      }
    }
    return largest;
  }

  /**
   * The number of weights (and biases) of a network; Long.MAX_VALUE when it is larger (absurd sizes
   * must not overflow into a small number).
   */
  static long weights(Network network, EffectiveSettings settings) {
    try {
      long count = 0;
      for (Module module : network.getModules()) {
        long units = units(module, settings);
        if (!module.isNoRecurrence()) {
          count = Math.addExact(count, Math.multiplyExact(units, units));
        }
      }
      for (Input input : network.getInputs()) {
        long size = size(settings.value(input, ML.getInput_Size()));
        for (Module target : input.getTargets()) {
          count = Math.addExact(count, Math.multiplyExact(size, units(target, settings)));
        }
      }
      for (var connection : network.getConnections()) {
        count = Math.addExact(count, Math.multiplyExact(units(connection.getSource(), settings),
            units(connection.getTarget(), settings)));
      }
      for (Readout readout : network.getReadouts()) {
        long size = size(settings.value(readout, ML.getReadout_Size()));
        count = Math.addExact(count, Math.addExact(Math.multiplyExact(size, units(readout.getSource(), settings)),
            readout.isNoBias() ? 0 : size));
      }
      return count;
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /** "3.2 GB". */
  public static String gigabytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  private static long units(Module module, EffectiveSettings settings) {
    if (module == null || module.eIsProxy()) {
      return 0;
    }
    return size(settings.value(module, ML.getModule_Units()));
  }

  private static long size(Value value) {
    return value == null || value.value() < 0 ? 0 : (long) value.value();
  }
}

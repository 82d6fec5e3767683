package org.motorlearn.dsl.model;

import org.motorlearn.runtime.spec.SpecException;

/**
 * The unit of a parameter's value and how it becomes the runtime's value. Parameter values are in
 * the unit written at the setting (docs/language.md): for {@code tau 50 ms} the parameter
 * {@code Cortex.PMd.tau} is 50 (ms) and the runtime gets 0.05 s; {@code --set Cortex.PMd.tau=20} means
 * 20 ms. Times that the runtime counts in bins are converted with the network's dt as evaluated (so
 * {@code trial 4 s} follows an overridden dt). The generated code does the same arithmetic in Java
 * ({@link #javaExpression}); the {@link ExperimentBuilder} uses {@link #toRuntime}.
 */
public enum ParameterUnit {
  /** A whole number without unit. */
  COUNT("", true),
  /** A number without unit. */
  NUMBER("", false),
  /** A fraction written as a percentage: 20 (%) is 0.2. */
  PERCENT("%", false),
  /** Seconds, for the runtime's seconds. */
  SECONDS("s", false),
  /** Milliseconds, for the runtime's seconds. */
  MILLISECONDS("ms", false),
  /** Bins, for the runtime's seconds (times dt). */
  BINS_AS_SECONDS("bins", true),
  /** Bins, for the runtime's bins. */
  BINS("bins", true),
  /** Seconds, for the runtime's bins (a whole number of bins of dt). */
  SECONDS_AS_BINS("s", false),
  /** Milliseconds, for the runtime's bins (a whole number of bins of dt). */
  MILLISECONDS_AS_BINS("ms", false),
  CENTIMETRES("cm", false),
  /** Millimetres, for the runtime's centimetres. */
  MILLIMETRES("mm", false),
  DEGREES("deg", false),
  /** Radians, for the runtime's degrees. */
  RADIANS("rad", false);

  private final String symbol;
  private final boolean integer;

  ParameterUnit(String symbol, boolean integer) {
    this.symbol = symbol;
    this.integer = integer;
  }

  /** The unit as written ("ms", "bins", "" for none). */
  public String symbol() {
    return symbol;
  }

  /** Whether the parameter is a whole number (asked with {@code Parameters.integer}). */
  public boolean isInteger() {
    return integer;
  }

  /** Whether the runtime's value is a number of bins (and must be whole). */
  public boolean isBins() {
    return this == BINS || this == SECONDS_AS_BINS || this == MILLISECONDS_AS_BINS;
  }

  /** The runtime's value of a parameter value; times in bins need dt (seconds). */
  public double toRuntime(String parameter, double value, double dtSeconds) {
    switch (this) {
      case PERCENT:
        return value / 100;
      case MILLISECONDS:
        return value / 1000;
      case BINS_AS_SECONDS:
        return value * dtSeconds;
      case SECONDS_AS_BINS:
        return bins(parameter, value, dtSeconds);
      case MILLISECONDS_AS_BINS:
        return bins(parameter, value / 1000, dtSeconds);
      case MILLIMETRES:
        return value / 10;
      case RADIANS:
        return Math.toDegrees(value);
      default:
        return value;
    }
  }

  /** The parameter value of a runtime value (for sweep values written in another unit). */
  public double fromRuntime(double runtime, double dtSeconds) {
    switch (this) {
      case PERCENT:
        return runtime * 100;
      case MILLISECONDS:
        return runtime * 1000;
      case SECONDS_AS_BINS:
        return runtime * dtSeconds;
      case MILLISECONDS_AS_BINS:
        return runtime * dtSeconds * 1000;
      case BINS_AS_SECONDS:
        return runtime / dtSeconds;
      case MILLIMETRES:
        return runtime * 10;
      case RADIANS:
        return Math.toRadians(runtime);
      default:
        return runtime;
    }
  }

  /**
   * The Java expression of the runtime value, given the expression {@code asked} of the parameter
   * value, a variable {@code dt} (seconds) and the generated helper {@code bins(name, seconds, dt)}.
   */
  public String javaExpression(String asked, String parameterLiteral) {
    switch (this) {
      case PERCENT:
        return asked + " / 100";
      case MILLISECONDS:
        return asked + " / 1000";
      case BINS_AS_SECONDS:
        return asked + " * dt";
      case SECONDS_AS_BINS:
        return "bins(" + parameterLiteral + ", " + asked + ", dt)";
      case MILLISECONDS_AS_BINS:
        return "bins(" + parameterLiteral + ", " + asked + " / 1000, dt)";
      case MILLIMETRES:
        return asked + " / 10";
      case RADIANS:
        return "Math.toDegrees(" + asked + ")";
      default:
        return asked;
    }
  }

  /**
   * A time in seconds as a whole number of bins of dt. The generated classes carry the same method,
   * with the same message.
   */
  public static int bins(String parameter, double seconds, double dt) {
    double bins = seconds / dt;
    long rounded = Math.round(bins);
    if (Math.abs(bins - rounded) > 1e-9 * Math.max(1, Math.abs(bins))) {
      throw new SpecException("parameter " + parameter + ": " + seconds + " s is not a whole number of bins of "
          + dt + " s (it is " + bins + " bins)");
    }
    return (int) rounded;
  }
}

package org.motorlearn.dsl.model;

import java.math.BigDecimal;
import java.math.MathContext;
import org.motorlearn.dsl.motorLearn.Quantity;

/**
 * The one place where written quantities become the runtime's units: seconds for time constants,
 * bins for trial times, centimetres, degrees, plain fractions. A quantity that cannot be converted is
 * a {@link SpecBuildException} at the quantity, saying what was expected.
 */
public final class Quantities {

  /** What a setting expects, i.e. how a written value (also a swept one) is converted. */
  public enum Kind {
    /** ms or s, converted to seconds. */
    SECONDS("a time (ms or s)", "50 ms"),
    /** A time in bins of the network's dt: {@code bin 282}, {@code 282 bins}, {@code 2.82 s}. */
    BINS("a time (bins, ms or s)", "282 bins"),
    /** cm or mm, converted to cm. */
    CENTIMETRES("a length (cm or mm)", "7 cm"),
    /** deg or rad, converted to degrees. */
    DEGREES("an angle (deg or rad)", "30 deg"),
    /** A plain number or a percentage (20 % is 0.2). */
    FRACTION("a fraction (a number, or a percentage with %)", "0.2"),
    /** A whole number, without unit or with {@code trials}. */
    COUNT("a whole number", "400"),
    /** A plain number without unit. */
    NUMBER("a number without unit", "0.8");

    private final String description;
    private final String example;

    Kind(String description, String example) {
      this.description = description;
      this.example = example;
    }

    /** Whether the runtime value is a whole number (asked for with {@code Parameters.integer}). */
    public boolean isInteger() {
      return this == BINS || this == COUNT;
    }
  }

  private static final MathContext MC = MathContext.DECIMAL64;

  private Quantities() {
  }

  /** The value of a written quantity in the runtime unit of {@code kind}; bins need the network's dt. */
  public static double convert(Quantity quantity, Kind kind, double dtSeconds) {
    if (quantity == null || quantity.getValue() == null) {
      throw new SpecBuildException(quantity, "a number is missing: expected " + kind.description + ", e.g. " + kind.example);
    }
    return convert(quantity.getValue(), quantity.getUnit(), kind, dtSeconds, quantity);
  }

  /**
   * The value of a number with a unit (the unit may come from the other end of a range) in the runtime
   * unit of {@code kind}; problems are reported at {@code at}.
   */
  public static double convert(BigDecimal value, String writtenUnit, Kind kind, double dtSeconds, Quantity at) {
    String unit = "bin".equals(writtenUnit) ? "bins" : writtenUnit;
    String text = written(value, writtenUnit);
    switch (kind) {
      case SECONDS:
        if ("s".equals(unit)) {
          return value.doubleValue();
        }
        if ("ms".equals(unit)) {
          return value.divide(BigDecimal.valueOf(1000), MC).doubleValue();
        }
        throw wrongUnit(at, text, unit, kind);
      case BINS:
        if ("bins".equals(unit)) {
          return whole(at, text, value.doubleValue());
        }
        if ("s".equals(unit) || "ms".equals(unit)) {
          double bins = convert(value, unit, Kind.SECONDS, dtSeconds, at) / dtSeconds;
          double rounded = Math.rint(bins);
          if (Math.abs(bins - rounded) > 1e-9 * Math.max(1, Math.abs(bins))) {
            throw new SpecBuildException(at, text + " is not a whole number of bins of " + dtSeconds + " s (it is "
                + bins + " bins)");
          }
          return rounded;
        }
        throw wrongUnit(at, text, unit, kind);
      case CENTIMETRES:
        if ("cm".equals(unit)) {
          return value.doubleValue();
        }
        if ("mm".equals(unit)) {
          return value.divide(BigDecimal.TEN, MC).doubleValue();
        }
        throw wrongUnit(at, text, unit, kind);
      case DEGREES:
        if ("deg".equals(unit)) {
          return value.doubleValue();
        }
        if ("rad".equals(unit)) {
          return Math.toDegrees(value.doubleValue());
        }
        throw wrongUnit(at, text, unit, kind);
      case FRACTION:
        if (unit == null) {
          return value.doubleValue();
        }
        if ("%".equals(unit)) {
          return value.divide(BigDecimal.valueOf(100), MC).doubleValue();
        }
        throw wrongUnit(at, text, unit, kind);
      case COUNT:
        if (unit == null || "trials".equals(unit)) {
          return whole(at, text, value.doubleValue());
        }
        throw wrongUnit(at, text, unit, kind);
      case NUMBER:
      default:
        if (unit == null) {
          return value.doubleValue();
        }
        throw wrongUnit(at, text, unit, kind);
    }
  }

  /** The quantity as written in the spec: "50 ms", "bin 282", "10 %", "0.2". */
  public static String written(Quantity quantity) {
    if (quantity == null || quantity.getValue() == null) {
      return "?";
    }
    return written(quantity.getValue(), quantity.getUnit());
  }

  /** A number and unit as they would be written: "50 ms", "bin 282", "10 %", "0.2". */
  public static String written(BigDecimal value, String unit) {
    String number = value.toString();
    if (unit == null) {
      return number;
    }
    if ("bin".equals(unit)) {
      return "bin " + number;
    }
    return "%".equals(unit) ? number + " %" : number + " " + unit;
  }

  private static double whole(Quantity at, String text, double value) {
    if (value != Math.rint(value)) {
      throw new SpecBuildException(at, text + " must be a whole number");
    }
    return value;
  }

  private static SpecBuildException wrongUnit(Quantity at, String text, String unit, Kind kind) {
    String problem = unit == null ? "missing unit" : "wrong unit '" + unit + "'";
    return new SpecBuildException(at, text + ": " + problem + ": expected " + kind.description + ", e.g. " + kind.example);
  }
}

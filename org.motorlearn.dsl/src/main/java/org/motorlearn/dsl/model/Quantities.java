package org.motorlearn.dsl.model;

import java.math.BigDecimal;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.runtime.spec.SpecException;

/**
 * Written quantities as parameters: which {@link ParameterUnit} a quantity has for a setting of a
 * given kind, checked with the language's unit rules ({@link SpecQuantities}); a quantity that does not
 * fit is a {@link SpecBuildException} at the quantity, saying what was expected.
 */
public final class Quantities {

  /** What the runtime expects of a setting. */
  public enum Kind {
    /** seconds (written ms, s or bins) */
    SECONDS(SpecQuantities.Kind.TIME, ParameterUnit.MILLISECONDS),
    /** dt in seconds (written ms or s) */
    TIME_STEP(SpecQuantities.Kind.TIME_STEP, ParameterUnit.MILLISECONDS),
    /** whole bins (written bins, ms or s) */
    BINS(SpecQuantities.Kind.TIME, ParameterUnit.BINS),
    /** centimetres (written cm or mm) */
    CENTIMETRES(SpecQuantities.Kind.LENGTH, ParameterUnit.CENTIMETRES),
    /** degrees (written deg or rad) */
    DEGREES(SpecQuantities.Kind.ANGLE, ParameterUnit.DEGREES),
    /** a fraction (written as a number or with %) */
    FRACTION(SpecQuantities.Kind.FRACTION, ParameterUnit.NUMBER),
    /** a whole number without unit */
    COUNT(SpecQuantities.Kind.COUNT, ParameterUnit.COUNT),
    /** a number of trials (optionally written with the unit trials) */
    TRIALS(SpecQuantities.Kind.TRIALS, ParameterUnit.COUNT),
    /** a number without unit */
    NUMBER(SpecQuantities.Kind.NUMBER, ParameterUnit.NUMBER);

    private final SpecQuantities.Kind language;
    private final ParameterUnit defaultUnit;

    Kind(SpecQuantities.Kind language, ParameterUnit defaultUnit) {
      this.language = language;
      this.defaultUnit = defaultUnit;
    }

    /** The unit of a default value of this kind (ReferenceDefaults are given in it). */
    public ParameterUnit defaultUnit() {
      return defaultUnit;
    }
  }

  private Quantities() {
  }

  /**
   * The parameter unit of a number written with {@code unit} (the unit may come from the other end
   * of a range) for a setting of {@code kind}; problems are reported at {@code at}.
   */
  public static ParameterUnit unitOf(BigDecimal value, String unit, Kind kind, double dtSeconds, Quantity at) {
    SpecQuantities.Conversion check = SpecQuantities.convert(value, unit, kind.language, dtSeconds);
    if (!check.ok()) {
      throw new SpecBuildException(at, written(value, unit) + ": " + check.problem());
    }
    String u = "bin".equals(unit) ? "bins" : unit;
    ParameterUnit result;
    switch (kind) {
      case SECONDS:
      case TIME_STEP:
        result = "s".equals(u) ? ParameterUnit.SECONDS : "ms".equals(u) ? ParameterUnit.MILLISECONDS : ParameterUnit.BINS_AS_SECONDS;
        break;
      case BINS:
        result = "s".equals(u) ? ParameterUnit.SECONDS_AS_BINS : "ms".equals(u) ? ParameterUnit.MILLISECONDS_AS_BINS : ParameterUnit.BINS;
        break;
      case CENTIMETRES:
        result = "mm".equals(u) ? ParameterUnit.MILLIMETRES : ParameterUnit.CENTIMETRES;
        break;
      case DEGREES:
        result = "rad".equals(u) ? ParameterUnit.RADIANS : ParameterUnit.DEGREES;
        break;
      case FRACTION:
        result = "%".equals(u) ? ParameterUnit.PERCENT : ParameterUnit.NUMBER;
        break;
      case COUNT:
      case TRIALS:
        result = ParameterUnit.COUNT;
        break;
      default:
        result = ParameterUnit.NUMBER;
    }
    try {
      result.toRuntime("", value.doubleValue(), dtSeconds);
    } catch (SpecException e) {
      throw new SpecBuildException(at, written(value, unit) + " is not a whole number of bins of " + dtSeconds + " s");
    }
    return result;
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
}

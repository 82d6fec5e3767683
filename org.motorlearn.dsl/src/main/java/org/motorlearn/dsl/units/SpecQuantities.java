package org.motorlearn.dsl.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;

/**
 * Units of the language, independent of any UI: what kind of quantity each setting expects, and
 * conversion of a written {@link Quantity} into the runtime's base units (seconds, bins, centimetres,
 * degrees, plain fractions). A conversion either has a value or a problem message that says what is
 * wrong and how to write it; the validator reports the message at the quantity, the generator uses
 * the value.
 *
 * <p>Units: {@code ms s bins} (time; {@code bin 282} is the same as {@code 282 bins}), {@code cm mm}
 * (length), {@code deg rad} (angle), {@code %} (fraction), {@code trials} (trial counts).
 */
public final class SpecQuantities {

  /** What a setting expects. */
  public enum Kind {
    /** A time: ms, s or bins (bins need the network's dt). Base unit: seconds (or bins, see {@link #bins}). */
    TIME("a time (ms, s or bins)", "50 ms"),
    /** A time step: ms or s (not bins: dt defines the bin). */
    TIME_STEP("a time step (ms or s)", "10 ms"),
    /** A length: cm or mm. Base unit: cm. */
    LENGTH("a length (cm or mm)", "7 cm"),
    /** An angle: deg or rad. Base unit: degrees. */
    ANGLE("an angle (deg or rad)", "30 deg"),
    /** A fraction: a plain number or a percentage. Base unit: 1 (20 % is 0.2). */
    FRACTION("a fraction (a number, or a percentage with %)", "0.2"),
    /** A whole number without unit. */
    COUNT("a whole number without unit", "400"),
    /** A number of trials: a whole number, optionally with the unit trials. */
    TRIALS("a number of trials", "80 trials"),
    /** A plain number without unit. */
    NUMBER("a number without unit", "0.8");

    private final String description;
    private final String example;

    Kind(String description, String example) {
      this.description = description;
      this.example = example;
    }

    /** For messages: "a time (ms, s or bins)". */
    public String description() {
      return description;
    }

    /** For messages: "50 ms". */
    public String example() {
      return example;
    }
  }

  /** The result of a conversion: a value in base units, or a problem (never both). */
  public record Conversion(Double value, String problem) {
    public static Conversion of(double value) {
      return new Conversion(value, null);
    }

    public static Conversion problem(String message) {
      return new Conversion(null, message);
    }

    public boolean ok() {
      return problem == null;
    }

    /**
     * Whether the only problem is a time in bins while the network's dt is itself wrongly written: the
     * error on dt is the one to fix, and this time converts once it is.
     */
    public boolean lacksDt() {
      return NO_DT.equals(problem);
    }
  }

  private static final String NO_DT = "a time in bins needs the network's dt";

  /** The two ends of a range, converted; a single value gives the same conversion twice. */
  public record RangeConversion(Conversion min, Conversion max) {
    public boolean ok() {
      return min.ok() && max.ok();
    }
  }

  /** The reference time step (MODEL.md): used when a network does not say {@code dt}. */
  public static final double DEFAULT_DT_SECONDS = 0.01;

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final Map<EStructuralFeature, Kind> KINDS = new LinkedHashMap<>();

  static {
    MotorLearnPackage p = MotorLearnPackage.eINSTANCE;
    KINDS.put(p.getExperiment_Seed(), Kind.COUNT);
    KINDS.put(p.getExperiment_CheckpointEvery(), Kind.COUNT);
    KINDS.put(p.getNetwork_Dt(), Kind.TIME_STEP);
    KINDS.put(p.getModule_Units(), Kind.COUNT);
    KINDS.put(p.getModule_Tau(), Kind.TIME);
    KINDS.put(p.getModule_Noise(), Kind.NUMBER);
    KINDS.put(p.getInput_Size(), Kind.COUNT);
    KINDS.put(p.getConnection_Density(), Kind.FRACTION);
    KINDS.put(p.getReadout_Size(), Kind.COUNT);
    KINDS.put(p.getUniformInit_Low(), Kind.NUMBER);
    KINDS.put(p.getUniformInit_High(), Kind.NUMBER);
    KINDS.put(p.getNormalInit_Mean(), Kind.NUMBER);
    KINDS.put(p.getNormalInit_Std(), Kind.NUMBER);
    KINDS.put(p.getGainInit_Gain(), Kind.NUMBER);
    KINDS.put(p.getTask_Targets(), Kind.COUNT);
    KINDS.put(p.getTask_Reach(), Kind.LENGTH);
    KINDS.put(p.getTask_Trial(), Kind.TIME);
    KINDS.put(p.getTask_Cue(), Kind.TIME);
    KINDS.put(p.getTask_Go(), Kind.TIME);
    KINDS.put(p.getTask_Movement(), Kind.TIME);
    KINDS.put(p.getTask_Train(), Kind.TRIALS);
    KINDS.put(p.getTask_Test(), Kind.TRIALS);
    KINDS.put(p.getTask_InputGain(), Kind.NUMBER);
    KINDS.put(p.getTask_Hold(), Kind.NUMBER);
    KINDS.put(p.getJitter_Direction(), Kind.ANGLE);
    KINDS.put(p.getJitter_Duration(), Kind.TIME);
    KINDS.put(p.getRotation_Angle(), Kind.ANGLE);
    KINDS.put(p.getGain_Factor(), Kind.NUMBER);
    KINDS.put(p.getLoss_MseFrom(), Kind.TIME);
    KINDS.put(p.getLoss_MseWindow(), Kind.TIME);
    KINDS.put(p.getLoss_WeightPenalty(), Kind.NUMBER);
    KINDS.put(p.getLoss_RatePenalty(), Kind.NUMBER);
    KINDS.put(p.getPhase_Updates(), Kind.COUNT);
    KINDS.put(p.getPhase_Batch(), Kind.TRIALS);
    KINDS.put(p.getPhase_Clip(), Kind.NUMBER);
    KINDS.put(p.getOptimizer_Lr(), Kind.NUMBER);
    KINDS.put(p.getOptimizer_Beta1(), Kind.NUMBER);
    KINDS.put(p.getOptimizer_Beta2(), Kind.NUMBER);
    KINDS.put(p.getOptimizer_Eps(), Kind.NUMBER);
    KINDS.put(p.getOptimizer_Momentum(), Kind.NUMBER);
    KINDS.put(p.getAnalysis_Window(), Kind.TIME);
    KINDS.put(p.getAnalysis_NoiseScale(), Kind.NUMBER);
    KINDS.put(p.getAnalysis_NoiseRepeats(), Kind.COUNT);
    KINDS.put(p.getAnalysis_Components(), Kind.COUNT);
  }

  private SpecQuantities() {
  }

  /**
   * The kind of quantity a setting (a {@code Quantity}- or {@code Range}-valued feature) expects,
   * or null for a feature that holds no quantity. Sweep values take the kind of the swept setting.
   */
  public static Kind kindOf(EStructuralFeature feature) {
    return KINDS.get(feature);
  }

  /** Every quantity-valued feature of the language with its kind, in grammar order. */
  public static Map<EStructuralFeature, Kind> kinds() {
    return java.util.Collections.unmodifiableMap(KINDS);
  }

  /** The network's dt in seconds: its {@code dt} setting, or the reference 10 ms; null if dt is wrongly written. */
  public static Double dtSeconds(Network network) {
    if (network == null || network.getDt() == null) {
      return DEFAULT_DT_SECONDS;
    }
    Conversion dt = convert(network.getDt(), Kind.TIME_STEP, null);
    return dt.ok() ? dt.value() : null;
  }

  /** Normalised unit of a quantity: "bin" is "bins", no unit is null. */
  public static String unitOf(Quantity quantity) {
    if (quantity == null || quantity.getUnit() == null) {
      return null;
    }
    return "bin".equals(quantity.getUnit()) ? "bins" : quantity.getUnit();
  }

  /** Converts a quantity into the base unit of its kind (TIME in seconds). */
  public static Conversion convert(Quantity quantity, Kind kind, Double dtSeconds) {
    if (quantity == null || quantity.getValue() == null) {
      return Conversion.problem("a number is missing");
    }
    return convert(quantity.getValue(), unitOf(quantity), kind, dtSeconds);
  }

  /**
   * Converts a number with an optional unit into the base unit of the kind; TIME to seconds.
   *
   * @param dtSeconds the network's dt, needed only for times given in bins (may be null otherwise)
   */
  public static Conversion convert(BigDecimal value, String unit, Kind kind, Double dtSeconds) {
    if (value == null) {
      return Conversion.problem("a number is missing");
    }
    if (Double.isInfinite(value.doubleValue())) {
      return Conversion.problem("too large: " + written(value) + " is beyond the largest number a double holds (about 1.8e308)");
    }
    String u = "bin".equals(unit) ? "bins" : unit;
    switch (kind) {
      case TIME:
      case TIME_STEP:
        if (u == null) {
          return missing(kind);
        }
        switch (u) {
          case "s":
            return Conversion.of(value.doubleValue());
          case "ms":
            return Conversion.of(value.divide(BigDecimal.valueOf(1000), MC).doubleValue());
          case "bins":
            if (kind == Kind.TIME_STEP) {
              return wrong(kind, u);
            }
            if (dtSeconds == null) {
              return Conversion.problem(NO_DT);
            }
            return Conversion.of(value.doubleValue() * dtSeconds);
          default:
            return wrong(kind, u);
        }
      case LENGTH:
        if (u == null) {
          return missing(kind);
        }
        switch (u) {
          case "cm":
            return Conversion.of(value.doubleValue());
          case "mm":
            return Conversion.of(value.divide(BigDecimal.TEN, MC).doubleValue());
          default:
            return wrong(kind, u);
        }
      case ANGLE:
        if (u == null) {
          return missing(kind);
        }
        switch (u) {
          case "deg":
            return Conversion.of(value.doubleValue());
          case "rad":
            return Conversion.of(Math.toDegrees(value.doubleValue()));
          default:
            return wrong(kind, u);
        }
      case FRACTION:
        if (u == null) {
          return Conversion.of(value.doubleValue());
        }
        if ("%".equals(u)) {
          return Conversion.of(value.divide(BigDecimal.valueOf(100), MC).doubleValue());
        }
        return wrong(kind, u);
      case TRIALS:
        if (u != null && !"trials".equals(u)) {
          return wrong(kind, u);
        }
        return whole(value);
      case COUNT:
        if (u != null) {
          return wrong(kind, u);
        }
        return whole(value);
      case NUMBER:
      default:
        if (u != null) {
          return wrong(kind, u);
        }
        return Conversion.of(value.doubleValue());
    }
  }

  /** A time in seconds. */
  public static Conversion seconds(Quantity quantity, Double dtSeconds) {
    return convert(quantity, Kind.TIME, dtSeconds);
  }

  /** A time as a whole number of bins of the given dt ({@code 2.82 s} at 10 ms is bin 282). */
  public static Conversion bins(Quantity quantity, double dtSeconds) {
    if (quantity != null && "bins".equals(unitOf(quantity))) {
      return whole(quantity.getValue());
    }
    Conversion seconds = convert(quantity, Kind.TIME, dtSeconds);
    if (!seconds.ok()) {
      return seconds;
    }
    double bins = seconds.value() / dtSeconds;
    double rounded = Math.rint(bins);
    if (Math.abs(bins - rounded) > 1e-9 * Math.max(1, Math.abs(bins))) {
      return Conversion.problem(format(quantity) + " is not a whole number of bins of " + formatSeconds(dtSeconds)
          + " (it is " + bins + " bins)");
    }
    return Conversion.of(rounded);
  }

  /** A length in centimetres. */
  public static Conversion centimetres(Quantity quantity) {
    return convert(quantity, Kind.LENGTH, null);
  }

  /** An angle in degrees. */
  public static Conversion degrees(Quantity quantity) {
    return convert(quantity, Kind.ANGLE, null);
  }

  /** A fraction (20 % is 0.2). */
  public static Conversion fraction(Quantity quantity) {
    return convert(quantity, Kind.FRACTION, null);
  }

  /** A whole number without unit. */
  public static Conversion count(Quantity quantity) {
    return convert(quantity, Kind.COUNT, null);
  }

  /**
   * Converts both ends of a range. A unit written on only one end applies to both
   * ({@code 7..10 cm}, {@code bin 150..180}); a single value gives the same conversion twice.
   */
  public static RangeConversion convert(Range range, Kind kind, Double dtSeconds) {
    Quantity min = range.getMin();
    Quantity max = range.getMax() == null ? min : range.getMax();
    String minUnit = unitOf(min);
    String maxUnit = unitOf(max);
    String shared = minUnit != null ? minUnit : maxUnit;
    Conversion low = convert(min == null ? null : min.getValue(), minUnit != null ? minUnit : shared, kind, dtSeconds);
    Conversion high = convert(max == null ? null : max.getValue(), maxUnit != null ? maxUnit : shared, kind, dtSeconds);
    return new RangeConversion(low, high);
  }

  /** As written, for messages: "50 ms", "bin 282", "0.2". */
  public static String format(Quantity quantity) {
    if (quantity == null || quantity.getValue() == null) {
      return "?";
    }
    // BigDecimal writes 1e400 as 1E+400
    String value = quantity.getValue().toString().contains("E") ? written(quantity.getValue()) : quantity.getValue().toString();
    if ("bin".equals(quantity.getUnit())) {
      return "bin " + value;
    }
    return quantity.getUnit() == null ? value : "%".equals(quantity.getUnit()) ? value + "%" : value + " " + quantity.getUnit();
  }

  private static String formatSeconds(double seconds) {
    double ms = seconds * 1000;
    return ms == Math.rint(ms) ? (long) ms + " ms" : seconds + " s";
  }

  /** A number for a message: 0.0001 or 3000000000 as such, 1e-40 or 1e10 as the user would write them, not 41 digits. */
  private static String written(BigDecimal value) {
    String plain = value.stripTrailingZeros().toPlainString();
    return plain.length() <= 12 ? plain : value.stripTrailingZeros().toString().toLowerCase().replace("e+", "e");
  }

  private static Conversion whole(BigDecimal value) {
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      return Conversion.problem("must be a whole number, got " + written(value));
    }
    if (value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      // counts become Java ints (sizes, indices, the seed): a larger one could not even be compiled
      return Conversion.problem("must be at most " + Integer.MAX_VALUE + ", got " + written(value));
    }
    return Conversion.of(value.doubleValue());
  }

  private static Conversion missing(Kind kind) {
    return Conversion.problem("missing unit: expected " + kind.description() + ", e.g. " + kind.example());
  }

  private static Conversion wrong(Kind kind, String unit) {
    return Conversion.problem("wrong unit '" + unit + "': expected " + kind.description() + ", e.g. " + kind.example());
  }
}

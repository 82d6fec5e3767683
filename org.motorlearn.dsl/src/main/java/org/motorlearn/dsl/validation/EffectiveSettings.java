package org.motorlearn.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.units.SpecQuantities.Conversion;
import org.motorlearn.dsl.units.SpecQuantities.Kind;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.validation.SweepableSettings.End;
import org.motorlearn.dsl.validation.SweepableSettings.Parameter;

/**
 * The value each setting has in one run of an experiment: what the spec writes, unless a parameter
 * assignment (a sweep point, {@code --set}) overrides it. The numeric checks read settings only through
 * this view, so the same rule checks the spec as written and every sweep point.
 *
 * <p>Values are in base units (seconds, centimetres, degrees, plain numbers). It also remembers which
 * overridden parameters a check read since {@link #mark()}, so a problem can name the sweep values
 * that caused it.
 */
public final class EffectiveSettings {

  /** A parameter's value as the sweep or command line writes it: a number with an optional unit. */
  public record Assignment(BigDecimal value, String unit) {
    /** "0", "20 ms", "bin 250". */
    public String text() {
      if (unit == null) {
        return value.toPlainString();
      }
      return "bin".equals(unit) ? "bin " + value.toPlainString() : "%".equals(unit) ? value.toPlainString() + "%"
          : value.toPlainString() + " " + unit;
    }
  }

  /** An effective value in base units, with how it reads ("bin 282", "0", "20 ms"). */
  public record Value(double value, String text) {
  }

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  private final Experiment experiment;
  private final Map<String, Parameter> parameters;
  private final Map<String, Assignment> assignments;
  private final Set<String> read = new LinkedHashSet<>();

  private EffectiveSettings(Experiment experiment, Map<String, Parameter> parameters, Map<String, Assignment> assignments) {
    this.experiment = experiment;
    this.parameters = parameters;
    this.assignments = assignments;
  }

  /** The settings as written, in the context of the element's experiment (if it has one). */
  public static EffectiveSettings asWritten(EObject element) {
    Experiment experiment = Experiments.experimentOf(element);
    return new EffectiveSettings(experiment, experiment == null ? Map.of() : SweepableSettings.of(experiment), Map.of());
  }

  /** The settings of an experiment under a parameter assignment (names as in {@link SweepableSettings}). */
  public static EffectiveSettings under(Experiment experiment, Map<String, Parameter> parameters,
      Map<String, Assignment> assignments) {
    return new EffectiveSettings(experiment, parameters, assignments);
  }

  /**
   * The settings of an experiment with command-line overrides ({@code --set name=value}: a plain
   * number in the unit written at the setting). Names that no written setting has are left to the
   * runtime's checks.
   */
  public static EffectiveSettings withOverrides(Experiment experiment, Map<String, Double> overrides) {
    Map<String, Parameter> parameters = SweepableSettings.of(experiment);
    Map<String, Assignment> assignments = new java.util.LinkedHashMap<>();
    overrides.forEach((name, value) -> {
      if (parameters.containsKey(name) && Double.isFinite(value)) {
        assignments.put(name, new Assignment(BigDecimal.valueOf(value), null));
      }
    });
    return under(experiment, parameters, assignments);
  }

  public Experiment experiment() {
    return experiment;
  }

  public boolean hasAssignments() {
    return !assignments.isEmpty();
  }

  /** Starts recording which assigned parameters are read. */
  public void mark() {
    read.clear();
  }

  /** The assigned parameters read since {@link #mark()}, in the order read. */
  public List<String> readSinceMark() {
    return new ArrayList<>(read);
  }

  /** The assignment of a parameter in this view, or null. */
  public Assignment assignment(String name) {
    return assignments.get(name);
  }

  /** A Quantity-valued setting; null when neither written nor assigned, or when written with a wrong unit. */
  public Value value(EObject owner, EStructuralFeature feature) {
    return value(owner, feature, End.BOTH, owner == null ? null : (Quantity) owner.eGet(feature));
  }

  /** The lower end of a Range-valued setting (a single value is both ends). */
  public Value min(EObject owner, EStructuralFeature feature) {
    Range range = owner == null ? null : (Range) owner.eGet(feature);
    return value(owner, feature, End.MIN, range == null ? null : range.getMin());
  }

  /** The upper end of a Range-valued setting. */
  public Value max(EObject owner, EStructuralFeature feature) {
    Range range = owner == null ? null : (Range) owner.eGet(feature);
    Quantity max = range == null ? null : range.getMax() == null ? range.getMin() : range.getMax();
    return value(owner, feature, End.MAX, max);
  }

  /** A time setting in whole bins of the network's effective dt; null when absent or not convertible. */
  public Value bins(Value seconds, Network network) {
    Double dt = dtSeconds(network);
    if (seconds == null || dt == null) {
      return null;
    }
    return new Value(Math.rint(seconds.value() / dt), seconds.text());
  }

  /** The network's effective dt in seconds (the reference 10 ms when it does not say). */
  public Double dtSeconds(Network network) {
    if (network == null) {
      return SpecQuantities.DEFAULT_DT_SECONDS;
    }
    Value dt = value(network, ML.getNetwork_Dt());
    return dt == null ? (network.getDt() == null ? SpecQuantities.DEFAULT_DT_SECONDS : null) : dt.value();
  }

  private Value value(EObject owner, EStructuralFeature feature, End end, Quantity written) {
    Kind kind = SpecQuantities.kindOf(feature);
    Assignment assigned = assigned(owner, feature, end);
    Double dt = kind == Kind.TIME ? dtFor(owner) : null;
    String unit = writtenUnit(owner, feature, written);
    if (assigned != null) {
      // docs/language.md: a value without a unit takes the unit written at the setting
      Assignment effective = assigned.unit() == null && unit != null ? new Assignment(assigned.value(), unit) : assigned;
      Conversion conversion = SpecQuantities.convert(effective.value(), effective.unit(), kind, dt);
      return conversion.ok() ? new Value(conversion.value(), effective.text()) : null;
    }
    if (written == null || written.getValue() == null) {
      return null;
    }
    Conversion conversion = SpecQuantities.convert(written.getValue(), unit, kind, dt);
    return conversion.ok() ? new Value(conversion.value(), new Assignment(written.getValue(), written.getUnit() == null ? unit
        : written.getUnit()).text()) : null;
  }

  /** The unit written at a setting; for a range, a unit written at either end applies to both ("7..10 cm"). */
  static String writtenUnit(EObject owner, EStructuralFeature feature, Quantity written) {
    String unit = SpecQuantities.unitOf(written);
    if (unit == null && owner != null && owner.eGet(feature) instanceof Range range) {
      unit = SpecQuantities.unitOf(range.getMin()) != null ? SpecQuantities.unitOf(range.getMin()) : SpecQuantities.unitOf(range.getMax());
    }
    return unit;
  }

  private Assignment assigned(EObject owner, EStructuralFeature feature, End end) {
    if (assignments.isEmpty()) {
      return null;
    }
    for (Parameter parameter : parameters.values()) {
      if (parameter.owner() == owner && parameter.feature() == feature
          && (parameter.end() == end || parameter.end() == End.BOTH) && assignments.containsKey(parameter.name())) {
        read.add(parameter.name());
        return assignments.get(parameter.name());
      }
    }
    return null;
  }

  /** Times in bins are converted with the dt of the experiment's (or the enclosing) network. */
  private Double dtFor(EObject owner) {
    Network network = org.eclipse.xtext.EcoreUtil2.getContainerOfType(owner, Network.class);
    if (network == null && experiment != null) {
      network = Experiments.network(experiment);
    }
    return dtSeconds(network);
  }
}

package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.units.SpecQuantities.Conversion;
import org.motorlearn.dsl.units.SpecQuantities.Kind;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.validation.EffectiveSettings.Assignment;
import org.motorlearn.dsl.validation.SweepableSettings.Parameter;
import org.motorlearn.dsl.validation.SweepPoints.Point;
import org.motorlearn.dsl.validation.SweepPoints.Source;

/** Sweeps: known parameters, well-formed axes, and every sweep point checked by the numeric rules before anything runs. */
public class SweepValidator extends MotorLearnCheckBase {

  private final long memoryLimitBytes = Runtime.getRuntime().maxMemory();

  @Check
  public void checkSweepParameters(Experiment experiment) {
    Map<String, Parameter> parameters = SweepableSettings.of(experiment);
    Set<String> swept = new HashSet<>();
    for (Sweep sweep : experiment.getSweeps()) {
      for (SweepAxis axis : sweep.getAxes()) {
        String name = axis.getParameter();
        if (name == null) {
          continue;
        }
        if (!parameters.containsKey(name)) {
          error("unknown parameter '" + name + "'; " + Suggestions.didYouMean(name, parameters.keySet())
              + "parameters of experiment " + experiment.getName() + ": " + String.join(", ", parameters.keySet()), axis,
              ML.getSweepAxis_Parameter(), IssueCodes.UNKNOWN_PARAMETER);
        } else if (!swept.add(name)) {
          error(name + " is swept twice; sweep each parameter once (list all its values in one axis)", axis,
              ML.getSweepAxis_Parameter(), IssueCodes.SWEPT_TWICE);
        }
      }
    }
  }

  @Check
  public void checkZip(Sweep sweep) {
    if (!sweep.isZip() || sweep.getAxes().isEmpty()) {
      return;
    }
    int first = SweepPoints.values(sweep.getAxes().get(0)).size();
    for (int i = 1; i < sweep.getAxes().size(); i++) {
      SweepAxis axis = sweep.getAxes().get(i);
      int length = SweepPoints.values(axis).size();
      if (length != first) {
        error("zip advances its axes together, but " + axis.getParameter() + " has " + length + " values and "
            + sweep.getAxes().get(0).getParameter() + " has " + first + "; give every axis of a zip the same number of values",
            axis, ML.getSweepAxis_Parameter(), IssueCodes.ZIP_LENGTHS_DIFFER);
      }
    }
  }

  @Check
  public void checkSweepRange(SweepAxis axis) {
    if (axis.getFrom() == null || axis.getTo() == null || axis.getFrom().getValue() == null || axis.getTo().getValue() == null) {
      return;
    }
    if (axis.getStep() != null && axis.getStep().getValue() != null && axis.getStep().getValue().signum() <= 0) {
      error("the step of a sweep range must be positive", axis, ML.getSweepAxis_Step(), IssueCodes.SWEEP_RANGE_EMPTY);
    } else if (axis.getFrom().getValue().compareTo(axis.getTo().getValue()) > 0) {
      error("the sweep range " + axis.getFrom().getValue().toPlainString() + ".." + axis.getTo().getValue().toPlainString()
          + " is empty; write the smaller end first", axis, ML.getSweepAxis_To(), IssueCodes.SWEEP_RANGE_EMPTY);
    }
  }

  @Check
  public void checkSweepValues(SweepAxis axis) {
    Experiment experiment = Experiments.experimentOf(axis);
    Parameter parameter = experiment == null ? null : SweepableSettings.of(experiment).get(axis.getParameter());
    Kind kind = parameter == null ? null : SpecQuantities.kindOf(parameter.feature());
    if (kind == null) {
      return;
    }
    Network network = Experiments.network(experiment);
    Double dt = SpecQuantities.dtSeconds(network);
    List<Quantity> written = new ArrayList<>(axis.getValues());
    EStructuralFeature feature = ML.getSweepAxis_Values();
    if (written.isEmpty()) {
      written.add(axis.getFrom());
      written.add(axis.getTo());
    }
    for (int i = 0; i < written.size(); i++) {
      Quantity quantity = written.get(i);
      if (quantity == null || quantity.getValue() == null) {
        continue;
      }
      String unit = quantity.getUnit();
      if (unit == null && axis.getValues().isEmpty()) {
        unit = axis.getFrom().getUnit() != null ? axis.getFrom().getUnit() : axis.getTo().getUnit();
      }
      if (unit == null) {
        // docs/language.md: a value without a unit takes the unit written at the setting
        Object setting = parameter.owner().eGet(parameter.feature());
        Quantity atSetting = setting instanceof Quantity q ? q : setting instanceof org.motorlearn.dsl.motorLearn.Range r ? r.getMin() : null;
        unit = EffectiveSettings.writtenUnit(parameter.owner(), parameter.feature(), atSetting);
      }
      Conversion conversion = SpecQuantities.convert(quantity.getValue(), unit, kind, dt);
      if (!conversion.ok() && !conversion.lacksDt()) { // a wrongly written dt is reported at dt
        error(axis.getParameter() + " = " + SpecQuantities.format(quantity) + ": " + conversion.problem(), quantity, null,
            SettingsValidator.codeOf(conversion.problem()));
      }
    }
  }

  @Check
  public void checkSweepPoints(Experiment experiment) {
    if (experiment.getSweeps().isEmpty()) {
      return;
    }
    Map<String, Parameter> parameters = SweepableSettings.of(experiment);
    Set<String> reported = new HashSet<>();
    for (Point point : SweepPoints.of(experiment)) {
      Map<String, EffectiveSettings.Assignment> known = new HashMap<>();
      point.assignments().forEach((name, value) -> {
        if (parameters.containsKey(name)) {
          known.put(name, value);
        }
      });
      EffectiveSettings settings = EffectiveSettings.under(experiment, parameters, known);
      for (Finding finding : NumericRules.all(experiment, settings, memoryLimitBytes)) {
        if (finding.assigned().isEmpty()) {
          continue; // a problem of the spec as written, reported where it is written
        }
        Source source = point.sources().get(finding.assigned().get(0));
        String key = finding.code() + "@" + System.identityHashCode(source.axis()) + ":" + source.index();
        if (!reported.add(key)) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (String name : finding.assigned()) {
          Assignment assignment = point.assignments().get(name);
          values.add(name + " = " + assignment.text());
        }
        String message = "sweep point " + point.number() + ": " + String.join(", ", values) + ": " + finding.message();
        SweepAxis axis = source.axis();
        boolean listed = !axis.getValues().isEmpty();
        if (finding.error()) {
          error(message, axis, listed ? ML.getSweepAxis_Values() : ML.getSweepAxis_Parameter(), listed ? source.index() : -1,
              finding.code());
        } else {
          warning(message, axis, listed ? ML.getSweepAxis_Values() : ML.getSweepAxis_Parameter(), listed ? source.index() : -1,
              finding.code());
        }
      }
    }
  }
}

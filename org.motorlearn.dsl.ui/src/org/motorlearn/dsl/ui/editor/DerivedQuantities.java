package org.motorlearn.dsl.ui.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.util.Experiments;

/**
 * Quantities a reader would otherwise compute by hand, shown in the hover: weight-matrix shapes and
 * parameter counts (the numbers that decide memory and training time).
 */
final class DerivedQuantities {

  private DerivedQuantities() {
  }

  static List<String> of(EObject element) {
    List<String> lines = new ArrayList<>();
    if (element instanceof Experiment experiment) {
      Network network = Experiments.network(experiment);
      if (network != null) {
        lines.addAll(of(network));
      }
    } else if (element instanceof Network network) {
      Long total = parameters(network);
      if (total != null) {
        lines.add(String.format("Parameters: %,d", total));
      }
    } else if (element instanceof Module module) {
      Long units = count(module.getUnits());
      if (units != null && !module.isNoRecurrence()) {
        lines.add(String.format("Recurrent weights %s.recurrent: [%d, %d] = %,d", module.getName(), units, units,
            units * units));
      }
    } else if (element instanceof Connection connection) {
      Long target = count(connection.getTarget() == null ? null : connection.getTarget().getUnits());
      Long source = count(connection.getSource() == null ? null : connection.getSource().getUnits());
      if (target != null && source != null) {
        lines.add(String.format("Weights: [%d, %d] = %,d", target, source, target * source));
      }
    } else if (element instanceof Input input) {
      Long size = count(input.getSize());
      if (size != null) {
        for (Module target : input.getTargets()) {
          Long units = count(target.getUnits());
          if (units != null) {
            lines.add(String.format("Weights %s -> %s: [%d, %d] = %,d", input.getName(), target.getName(), units, size,
                units * size));
          }
        }
      }
    } else if (element instanceof Readout readout) {
      Long size = count(readout.getSize());
      Long units = count(readout.getSource() == null ? null : readout.getSource().getUnits());
      if (size != null && units != null) {
        lines.add(String.format("Weights: [%d, %d] = %,d%s", size, units, size * units,
            readout.isBias() ? String.format(", bias: [%d]", size) : ""));
      }
    }
    return lines;
  }

  /** Total trainable parameters of a network, or null when a size is missing or not a whole number. */
  static Long parameters(Network network) {
    long total = 0;
    for (Module module : network.getModules()) {
      Long units = count(module.getUnits());
      if (units == null) {
        return null;
      }
      total += module.isNoRecurrence() ? 0 : units * units;
    }
    for (Connection connection : network.getConnections()) {
      Long target = count(connection.getTarget() == null ? null : connection.getTarget().getUnits());
      Long source = count(connection.getSource() == null ? null : connection.getSource().getUnits());
      if (target == null || source == null) {
        return null;
      }
      total += target * source;
    }
    for (Input input : network.getInputs()) {
      Long size = count(input.getSize());
      for (Module target : input.getTargets()) {
        Long units = count(target.getUnits());
        if (size == null || units == null) {
          return null;
        }
        total += size * units;
      }
    }
    for (Readout readout : network.getReadouts()) {
      Long size = count(readout.getSize());
      Long units = count(readout.getSource() == null ? null : readout.getSource().getUnits());
      if (size == null || units == null) {
        return null;
      }
      total += size * units + (readout.isBias() ? size : 0);
    }
    return total;
  }

  private static Long count(Quantity quantity) {
    if (quantity == null || quantity.getValue() == null || quantity.getUnit() != null) {
      return null;
    }
    BigDecimal value = quantity.getValue();
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return null; // not a whole number: the validator reports it
    }
  }
}

package org.motorlearn.dsl.ide.contentassist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Readout;

/**
 * Every weight group a network offers, written as a user writes it in {@code plastic} or
 * {@code weight penalty ... on}: {@code M1.recurrent}, {@code PMd.input}, {@code cue -> PMd},
 * {@code Upstream -> PMd}, {@code M1 -> hand}. Single names ({@code hand}, {@code PMd}) and the keywords
 * ({@code all}, {@code readout}, ...) are offered by the grammar-driven defaults already.
 */
final class WeightGroupNames {

  /** A weight group's text and what it stands for. */
  record Group(String text, String description) {
  }

  private WeightGroupNames() {
  }

  static List<Group> of(Network network) {
    List<Group> groups = new ArrayList<>();
    Set<Module> withInput = new LinkedHashSet<>();
    for (Input input : network.getInputs()) {
      for (Module target : input.getTargets()) {
        if (named(target)) {
          withInput.add(target);
        }
      }
    }
    for (Module module : network.getModules()) {
      if (!named(module)) {
        continue;
      }
      if (!module.isNoRecurrence()) {
        groups.add(new Group(module.getName() + ".recurrent", "recurrent weights of " + module.getName()));
      }
      if (withInput.contains(module)) {
        groups.add(new Group(module.getName() + ".input", "every input's weights into " + module.getName()));
      }
    }
    for (Input input : network.getInputs()) {
      for (Module target : input.getTargets()) {
        if (input.getName() != null && named(target)) {
          groups.add(new Group(input.getName() + " -> " + target.getName(),
              "weights of input " + input.getName() + " into " + target.getName()));
        }
      }
    }
    for (Connection connection : network.getConnections()) {
      if (named(connection.getSource()) && named(connection.getTarget())) {
        String text = connection.getSource().getName() + " -> " + connection.getTarget().getName();
        groups.add(new Group(text, "projection " + text));
      }
    }
    for (Readout readout : network.getReadouts()) {
      if (readout.getName() == null) {
        continue;
      }
      if (named(readout.getSource())) {
        groups.add(new Group(readout.getSource().getName() + " -> " + readout.getName(),
            "weights (not the bias) of readout " + readout.getName()));
      }
    }
    return groups;
  }

  private static boolean named(Module module) {
    return module != null && !module.eIsProxy() && module.getName() != null;
  }
}

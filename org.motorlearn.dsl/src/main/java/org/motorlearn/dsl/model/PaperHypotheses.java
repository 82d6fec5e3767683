package org.motorlearn.dsl.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.motorlearn.dsl.model.ExperimentPlan.InputPlan;
import org.motorlearn.dsl.model.ExperimentPlan.NetworkPlan;
import org.motorlearn.dsl.model.ExperimentPlan.ProjectionPlan;
import org.motorlearn.dsl.model.ExperimentPlan.ReadoutPlan;
import org.motorlearn.runtime.spec.Plasticity;

/**
 * What a plastic set means in the terms of Feulner et al. (2022), MODEL.md section 5, so generated code
 * can say "the paper's Hlocal" beside a phase. Works on weight-group names of the runtime
 * ({@link Plasticity}), read from a network plan (the names never depend on parameter values).
 */
public final class PaperHypotheses {

  public static final String NULL_CONDITION =
      "the paper's null condition: nothing is plastic, the trained network is only scored";

  private PaperHypotheses() {
  }

  /** Every single weight group of the network, in the runtime's parameter order. */
  public static List<String> allGroups(NetworkPlan network) {
    List<String> groups = new ArrayList<>();
    for (InputPlan input : network.inputs()) {
      for (String target : input.targets()) {
        groups.add(input.name() + " -> " + target);
      }
    }
    for (ProjectionPlan projection : network.projections()) {
      groups.add(projection.isRecurrent() ? projection.to() + ".recurrent" : projection.from() + " -> " + projection.to());
    }
    for (ReadoutPlan readout : network.readouts()) {
      groups.add(readout.name());
    }
    return groups;
  }

  /** The single weight groups (as in {@link #allGroups}) that the given runtime group names select. */
  public static Set<String> members(List<String> groups, NetworkPlan network) {
    List<String> all = allGroups(network);
    Set<String> readouts = new LinkedHashSet<>();
    network.readouts().forEach(r -> readouts.add(r.name()));
    Set<String> members = new LinkedHashSet<>();
    for (String group : groups) {
      if (group.equals(Plasticity.ALL)) {
        members.addAll(all);
      } else if (group.equals(Plasticity.ALL_EXCEPT_READOUT)) {
        all.stream().filter(g -> !readouts.contains(g)).forEach(members::add);
      } else if (group.equals(Plasticity.READOUT)) {
        members.addAll(readouts);
      } else if (group.endsWith(".input")) {
        String module = group.substring(0, group.length() - ".input".length());
        all.stream().filter(g -> g.endsWith(" -> " + module) && isInput(g, network)).forEach(members::add);
      } else if (!group.equals(Plasticity.NONE)) {
        members.add(group);
      }
    }
    return members;
  }

  /** A comment on the plastic set: which of the paper's conditions it is, or "" if none. */
  public static String meaning(List<String> groups, NetworkPlan network) {
    Set<String> members = members(groups, network);
    Set<String> all = new LinkedHashSet<>(allGroups(network));
    Set<String> readouts = new LinkedHashSet<>();
    network.readouts().forEach(r -> readouts.add(r.name()));
    if (members.isEmpty()) {
      return "nothing is plastic";
    }
    if (members.equals(all)) {
      return "every weight is trainable, as in the paper's initial training (MODEL.md section 4)";
    }
    if (hasModules(network, "Upstream", "PMd", "M1")) {
      Set<String> hinput = inputsInto("Upstream", network);
      hinput.add("Upstream.recurrent");
      hinput.add("Upstream -> PMd");
      if (members.equals(hinput)) {
        return "the paper's Hinput: only the inputs to the motor cortex change (upstream plasticity)";
      }
      Set<String> hlocal = inputsInto("PMd", network);
      hlocal.add("PMd.recurrent");
      hlocal.add("PMd -> M1");
      hlocal.add("M1.recurrent");
      if (members.equals(hlocal)) {
        return "the paper's Hlocal: only the local connectivity inside PMd and M1 changes";
      }
    }
    Set<String> allButReadout = new LinkedHashSet<>(all);
    allButReadout.removeAll(readouts);
    if (members.equals(allButReadout)) {
      return "every weight but the readout, which stays frozen as in every adaptation of the paper";
    }
    return "";
  }

  private static boolean hasModules(NetworkPlan network, String... names) {
    for (String name : names) {
      if (network.modules().stream().noneMatch(m -> m.name().equals(name))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> inputsInto(String module, NetworkPlan network) {
    Set<String> groups = new LinkedHashSet<>();
    for (InputPlan input : network.inputs()) {
      if (input.targets().contains(module)) {
        groups.add(input.name() + " -> " + module);
      }
    }
    return groups;
  }

  private static boolean isInput(String group, NetworkPlan network) {
    return network.inputs().stream().anyMatch(in -> group.startsWith(in.name() + " -> "));
  }
}

package org.motorlearn.runtime.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which weight groups a phase may change. Group names:
 * <ul>
 *   <li>{@code all}, {@code all except readout}, {@code none};</li>
 *   <li>{@code readout}: every readout weight and bias; {@code <readout>}: one readout;</li>
 *   <li>{@code <M>.recurrent}: the self-loop of module M;</li>
 *   <li>{@code <M>.input}: every external input projection into M; {@code <input> -> <M>}: one;</li>
 *   <li>{@code <A> -> <B>}: the projection from module A to module B.</li>
 * </ul>
 */
public record Plasticity(List<String> groups) {

  public static final String ALL = "all";
  public static final String ALL_EXCEPT_READOUT = "all except readout";
  public static final String NONE = "none";
  public static final String READOUT = "readout";

  public Plasticity {
    groups = List.copyOf(groups);
  }

  public static Plasticity of(String... groups) {
    return new Plasticity(List.of(groups));
  }

  public static Plasticity all() {
    return of(ALL);
  }

  public static Plasticity allExceptReadout() {
    return of(ALL_EXCEPT_READOUT);
  }

  public static Plasticity none() {
    return of(NONE);
  }

  /**
   * The parameter names these groups select in the given network, in the network's parameter order.
   *
   * @throws SpecException naming the first group that selects nothing, with the valid names
   */
  public Set<String> resolve(Network network) {
    Map<String, int[]> shapes = network.parameterShapes();
    Set<String> readoutParams = new LinkedHashSet<>();
    for (ReadoutSpec r : network.readouts()) {
      readoutParams.add(r.weightName());
      if (r.bias()) {
        readoutParams.add(r.biasName());
      }
    }
    Set<String> selected = new LinkedHashSet<>();
    for (String group : groups) {
      List<String> members = new ArrayList<>();
      switch (group) {
        case ALL -> members.addAll(shapes.keySet());
        case NONE -> { }
        case READOUT -> members.addAll(readoutParams);
        case ALL_EXCEPT_READOUT -> shapes.keySet().stream().filter(p -> !readoutParams.contains(p)).forEach(members::add);
        default -> {
          for (ReadoutSpec r : network.readouts()) {
            if (r.name().equals(group)) {
              members.add(r.weightName());
              if (r.bias()) {
                members.add(r.biasName());
              }
            }
          }
          if (group.endsWith(".input")) {
            String module = group.substring(0, group.length() - ".input".length());
            for (InputSpec in : network.inputs()) {
              if (in.targets().contains(module)) {
                members.add(in.name() + " -> " + module);
              }
            }
          } else if (shapes.containsKey(group) && !readoutParams.contains(group)) {
            members.add(group);
          }
          if (members.isEmpty()) {
            throw new SpecException("plastic: weight group '" + group + "' does not exist in network "
                + network.name() + "; known groups: " + knownGroups(network));
          }
        }
      }
      selected.addAll(members);
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String p : shapes.keySet()) {
      if (selected.contains(p)) {
        ordered.add(p);
      }
    }
    return ordered;
  }

  /** Every group name valid for the network, for error messages and completion. */
  public static List<String> knownGroups(Network network) {
    List<String> names = new ArrayList<>(List.of(ALL, ALL_EXCEPT_READOUT, NONE, READOUT));
    for (ModuleSpec m : network.modules()) {
      boolean hasInput = network.inputs().stream().anyMatch(in -> in.targets().contains(m.name()));
      if (hasInput) {
        names.add(m.name() + ".input");
      }
    }
    for (String p : network.parameterShapes().keySet()) {
      if (!p.endsWith(".weight") && !p.endsWith(".bias")) {
        names.add(p);
      }
    }
    for (ReadoutSpec r : network.readouts()) {
      names.add(r.name());
    }
    return names;
  }
}

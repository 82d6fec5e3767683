package org.motorlearn.runtime.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter points to run one experiment at. A sweep is a list of groups; the points are the
 * cartesian product over groups, and within a group the axes advance together (zipped). A single
 * axis is a group of one. Values are parameter overrides, by parameter name (see {@link Parameters}).
 */
public record Sweep(List<Group> groups) {

  /** Axes that advance together; all must have the same number of values. */
  public record Group(List<Axis> axes) {
    public Group {
      axes = List.copyOf(axes);
      SpecException.require(!axes.isEmpty(), "sweep: a group needs at least one axis");
      int size = axes.get(0).values().size();
      for (Axis axis : axes) {
        SpecException.require(axis.values().size() == size, "sweep: zipped axes must have equally many values, but "
            + axes.get(0).parameter() + " has " + size + " and " + axis.parameter() + " has " + axis.values().size());
      }
    }

    int size() {
      return axes.get(0).values().size();
    }
  }

  /** One swept parameter and its values in order. */
  public record Axis(String parameter, List<Double> values) {
    public Axis {
      SpecException.require(parameter != null && !parameter.isBlank(), "sweep: the parameter name is missing");
      values = List.copyOf(values);
      SpecException.require(!values.isEmpty(), "sweep " + parameter + ": no values");
    }

    /** from, from+step, ..., up to and including {@code to} (within 1e-9 relative tolerance). */
    public static Axis range(String parameter, double from, double to, double step) {
      SpecException.require(step > 0, "sweep " + parameter + ": step must be positive, got " + step);
      SpecException.require(from <= to, "sweep " + parameter + ": " + from + ".." + to + " is empty");
      List<Double> values = new ArrayList<>();
      long count = (long) Math.floor((to - from) / step + 1e-9) + 1;
      SpecException.require(count <= 100_000, "sweep " + parameter + ": " + count + " values is too many");
      for (long i = 0; i < count; i++) {
        values.add(from + i * step);
      }
      return new Axis(parameter, values);
    }
  }

  public Sweep {
    groups = List.copyOf(groups);
  }

  public static Sweep none() {
    return new Sweep(List.of());
  }

  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Every point, in order (the last group varies fastest). A sweep without groups has one empty point. */
  public List<Map<String, Double>> points() {
    List<Map<String, Double>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Group group : groups) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> point : points) {
        for (int i = 0; i < group.size(); i++) {
          Map<String, Double> extended = new LinkedHashMap<>(point);
          for (Axis axis : group.axes()) {
            extended.put(axis.parameter(), axis.values().get(i));
          }
          next.add(extended);
        }
      }
      points = next;
    }
    return points;
  }
}

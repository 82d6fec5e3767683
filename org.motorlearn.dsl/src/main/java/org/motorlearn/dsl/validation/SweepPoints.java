package org.motorlearn.dsl.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.validation.EffectiveSettings.Assignment;

/**
 * The points of an experiment's sweeps, in run order: every {@code sweep} statement is one group, a
 * {@code zip} group advances its axes together, other groups combine as a cartesian product (the first
 * group varies slowest), as the runtime's {@code Sweep} does. A {@code cartesian { ... }} block is one
 * group per axis. A range {@code a..b step s} includes both ends; the step defaults to 1.
 */
public final class SweepPoints {

  /** Where one parameter's value in a point comes from: an axis, and the index of the value in it. */
  public record Source(SweepAxis axis, int index) {
  }

  /** One point: the value of each swept parameter, and where each value is written. */
  public record Point(int number, Map<String, Assignment> assignments, Map<String, Source> sources) {
  }

  /** More points than this are not enumerated (the first ones are still checked). */
  public static final int LIMIT = 20_000;

  private SweepPoints() {
  }

  /** The values of one axis; empty when its range is empty or its step is not positive. */
  public static List<Assignment> values(SweepAxis axis) {
    List<Assignment> values = new ArrayList<>();
    if (!axis.getValues().isEmpty()) {
      for (Quantity quantity : axis.getValues()) {
        values.add(new Assignment(quantity.getValue(), quantity.getUnit()));
      }
      return values;
    }
    if (axis.getFrom() == null || axis.getTo() == null || axis.getFrom().getValue() == null || axis.getTo().getValue() == null) {
      return values;
    }
    String unit = axis.getFrom().getUnit() != null ? axis.getFrom().getUnit() : axis.getTo().getUnit();
    BigDecimal step = axis.getStep() == null || axis.getStep().getValue() == null ? BigDecimal.ONE : axis.getStep().getValue();
    if (step.signum() <= 0) {
      return values;
    }
    for (BigDecimal v = axis.getFrom().getValue(); v.compareTo(axis.getTo().getValue()) <= 0 && values.size() < LIMIT; v = v.add(step)) {
      values.add(new Assignment(v, unit));
    }
    return values;
  }

  /** Every point of the experiment's sweeps (at most {@link #LIMIT}); one empty point when it has no sweeps. */
  public static List<Point> of(Experiment experiment) {
    List<List<SweepAxis>> groups = new ArrayList<>();
    for (Sweep sweep : experiment.getSweeps()) {
      if (sweep.isZip()) {
        groups.add(sweep.getAxes());
      } else {
        for (SweepAxis axis : sweep.getAxes()) {
          groups.add(List.of(axis));
        }
      }
    }
    List<Point> points = new ArrayList<>();
    points.add(new Point(0, Map.of(), Map.of()));
    for (List<SweepAxis> group : groups) {
      int length = Integer.MAX_VALUE;
      List<List<Assignment>> valuesPerAxis = new ArrayList<>();
      List<SweepAxis> axes = new ArrayList<>();
      for (SweepAxis axis : group) {
        List<Assignment> values = values(axis);
        if (values.isEmpty()) {
          continue; // an empty axis is reported by its own check; it must not hide the other points
        }
        valuesPerAxis.add(values);
        axes.add(axis);
        length = Math.min(length, values.size());
      }
      if (axes.isEmpty()) {
        continue;
      }
      List<Point> next = new ArrayList<>();
      for (Point point : points) {
        for (int i = 0; i < length && next.size() < LIMIT; i++) {
          Map<String, Assignment> assignments = new LinkedHashMap<>(point.assignments());
          Map<String, Source> sources = new LinkedHashMap<>(point.sources());
          for (int a = 0; a < valuesPerAxis.size(); a++) {
            String name = axes.get(a).getParameter();
            assignments.put(name, valuesPerAxis.get(a).get(i));
            sources.put(name, new Source(axes.get(a), i));
          }
          next.add(new Point(0, assignments, sources));
        }
      }
      points = next;
    }
    List<Point> numbered = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      numbered.add(new Point(i, points.get(i).assignments(), points.get(i).sources()));
    }
    return numbered;
  }
}

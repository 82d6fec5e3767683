package org.motorlearn.runtime.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;

/**
 * Where every module, input and readout lives in the engine's concatenated arrays. All modules'
 * units sit side by side as column blocks of one row ({@code [batch, totalUnits]}), in declaration
 * order; the task inputs are the columns of {@code TrialSet.inputs} in input declaration order; the
 * targets are the columns of {@code TrialSet.targets} in readout declaration order.
 *
 * <p>Projections into one module whose sources are adjacent column blocks form one {@link Run}, so a
 * single GEMM computes them (forward); likewise projections out of one module into adjacent targets
 * (backward).
 */
final class Layout {

  /** A projection between module indices. */
  record Projection(String parameter, int from, int to) {}

  /** An input projection: input columns [column, column + dimension) into module {@code module}. */
  record Input(String parameter, int module, int column, int dimension) {}

  /** A readout of module {@code module} onto target columns [column, column + dimension). */
  record Readout(ReadoutSpec spec, int module, int column, int dimension) {}

  /**
   * Projections whose other ends are adjacent modules, covering columns [start, start + width).
   * Forward: all go into one target; backward: all leave one source.
   */
  record Run(int start, int width, List<Projection> parts) {}

  final Network network;
  final int modules;
  final String[] names;
  final int[] units;
  final int[] offset;
  final int totalUnits;
  final Activation[] activation;
  /** a = dt / tau per module. */
  final double[] alpha;
  final double[] noise;
  final int inputDimension;
  final List<Input> inputs = new ArrayList<>();
  final List<Projection> projections = new ArrayList<>();
  final List<Readout> readouts = new ArrayList<>();
  final int outputDimension;
  /** Per target module: its incoming projections grouped into runs of adjacent sources. */
  final List<List<Run>> forwardRuns = new ArrayList<>();
  /** Per source module: its outgoing projections grouped into runs of adjacent targets. */
  final List<List<Run>> backwardRuns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  Layout(Network network) {
    this.network = network;
    List<ModuleSpec> specs = network.modules();
    modules = specs.size();
    names = new String[modules];
    units = new int[modules];
    offset = new int[modules];
    activation = new Activation[modules];
    alpha = new double[modules];
    noise = new double[modules];
    int column = 0;
    for (int m = 0; m < modules; m++) {
      ModuleSpec spec = specs.get(m);
      names[m] = spec.name();
      units[m] = spec.units();
      offset[m] = column;
      activation[m] = spec.activation();
      alpha[m] = network.dt() / spec.tau();
      noise[m] = spec.noise();
      index.put(spec.name(), m);
      column += spec.units();
    }
    totalUnits = column;

    int inputColumn = 0;
    for (InputSpec in : network.inputs()) {
      for (String target : in.targets()) {
        inputs.add(new Input(in.name() + " -> " + target, module(target), inputColumn, in.dimension()));
      }
      inputColumn += in.dimension();
    }
    inputDimension = inputColumn;

    for (ProjectionSpec p : network.projections()) {
      projections.add(new Projection(p.parameterName(), module(p.from()), module(p.to())));
    }
    int outputColumn = 0;
    for (ReadoutSpec r : network.readouts()) {
      readouts.add(new Readout(r, module(r.from()), outputColumn, r.dimension()));
      outputColumn += r.dimension();
    }
    outputDimension = outputColumn;

    for (int m = 0; m < modules; m++) {
      final int target = m;
      forwardRuns.add(runs(projections.stream().filter(p -> p.to() == target).toList(), true));
      backwardRuns.add(runs(projections.stream().filter(p -> p.from() == target).toList(), false));
    }
  }

  int module(String name) {
    return index.get(name);
  }

  boolean sameActivationEverywhere() {
    for (Activation a : activation) {
      if (a != activation[0]) {
        return false;
      }
    }
    return true;
  }

  /** Columns of the all-units row per team member below which splitting a time loop does not pay. */
  static final int MIN_SHARE = 256;
  /** Per-column cost of the element-wise work, in GEMM multiply-adds per row (a rough measured ratio). */
  private static final int ELEMENTWISE_COST = 64;

  /**
   * How many threads should share the time loops of a pass, given {@code threads} cores for it: at
   * most one per {@link #MIN_SHARE} units (measured on 2 cores; smaller shares are untested).
   */
  int teamSize(int threads) {
    return Math.max(1, Math.min(threads, totalUnits / MIN_SHARE));
  }

  /**
   * Cuts the all-units row into {@code members} contiguous shares of about equal work per time step:
   * the GEMM multiply-adds per row that compute a unit (forward: the width of the runs that feed its
   * module; backward: of the runs its module feeds) plus its element-wise work. Cuts fall on multiples
   * of 16 units (64 bytes of float32), so no two members write into one cache line.
   *
   * @return {@code members + 1} increasing cuts, from 0 to {@link #totalUnits}
   */
  int[] shares(int members, boolean forward) {
    long[] prefix = new long[totalUnits + 1];
    for (int m = 0; m < modules; m++) {
      List<Run> runs = (forward ? forwardRuns : backwardRuns).get(m);
      long cost = ELEMENTWISE_COST + runs.stream().mapToInt(Run::width).sum();
      for (int j = 0; j < units[m]; j++) {
        prefix[offset[m] + j + 1] = prefix[offset[m] + j] + cost;
      }
    }
    int[] cuts = new int[members + 1];
    cuts[members] = totalUnits;
    for (int k = 1; k < members; k++) {
      long target = prefix[totalUnits] * k / members;
      int column = 0;
      while (column < totalUnits && prefix[column] < target) {
        column++;
      }
      int aligned = Math.round(column / 16f) * 16;
      cuts[k] = Math.max(cuts[k - 1] + 1, Math.min(aligned, totalUnits - (members - k)));
    }
    return cuts;
  }

  boolean tanhEverywhere() {
    return sameActivationEverywhere() && activation[0] == Activation.TANH;
  }

  /** Groups projections by adjacency of their other end (sources when forward, targets when not). */
  private List<Run> runs(List<Projection> group, boolean forward) {
    List<Projection> sorted = new ArrayList<>(group);
    sorted.sort(Comparator.comparingInt(p -> offset[forward ? p.from() : p.to()]));
    List<Run> result = new ArrayList<>();
    List<Projection> current = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (Projection p : sorted) {
      int other = forward ? p.from() : p.to();
      if (!current.isEmpty() && offset[other] != end) {
        result.add(new Run(start, end - start, List.copyOf(current)));
        current.clear();
      }
      if (current.isEmpty()) {
        start = offset[other];
      }
      current.add(p);
      end = offset[other] + units[other];
    }
    if (!current.isEmpty()) {
      result.add(new Run(start, end - start, List.copyOf(current)));
    }
    return result;
  }
}

package org.motorlearn.runtime.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph of rate modules driven by inputs and read out linearly, integrated with Euler steps of
 * {@code dt} seconds. Every module reads the OTHER modules' rates of the previous step (one-step
 * lag per area, MODEL.md section 2), so declaration order does not change the dynamics.
 */
public record Network(
    String name,
    double dt,
    List<ModuleSpec> modules,
    List<InputSpec> inputs,
    List<ProjectionSpec> projections,
    List<ReadoutSpec> readouts) {

  public Network {
    SpecException.require(name != null && !name.isBlank(), "network: the name is missing");
    SpecException.require(dt > 0, "network " + name + ": dt must be positive, got " + dt + " s");
    modules = List.copyOf(modules);
    inputs = List.copyOf(inputs);
    projections = List.copyOf(projections);
    readouts = List.copyOf(readouts);
    SpecException.require(!modules.isEmpty(), "network " + name + ": it has no module");
    SpecException.require(!readouts.isEmpty(), "network " + name + ": it has no readout");
    Set<String> moduleNames = new HashSet<>();
    for (ModuleSpec m : modules) {
      SpecException.require(moduleNames.add(m.name()), "network " + name + ": module " + m.name() + " is declared twice");
      // a = dt/tau above 1 moves the state past its target every step: the Euler update oscillates and grows
      SpecException.require(dt <= m.tau() * (1 + 1e-12), "network " + name + ": dt/tau = " + number(dt / m.tau()) + " (dt "
          + number(dt * 1000) + " ms, tau " + number(m.tau() * 1000) + " ms) in module " + m.name()
          + " is above 1: the Euler step overshoots and the dynamics are unstable; make tau at least dt");
    }
    Set<String> parameters = new HashSet<>();
    for (InputSpec in : inputs) {
      for (String target : in.targets()) {
        SpecException.require(moduleNames.contains(target),
            "input " + in.name() + ": unknown module " + target + " (modules: " + moduleNames + ")");
        SpecException.require(parameters.add(in.name() + " -> " + target),
            "input " + in.name() + " reaches " + target + " twice");
      }
    }
    for (ProjectionSpec p : projections) {
      SpecException.require(moduleNames.contains(p.from()), "connect: unknown module " + p.from());
      SpecException.require(moduleNames.contains(p.to()), "connect: unknown module " + p.to());
      SpecException.require(parameters.add(p.parameterName()), "connect " + p.parameterName() + " is declared twice");
    }
    for (ReadoutSpec r : readouts) {
      SpecException.require(moduleNames.contains(r.from()), "readout " + r.name() + ": unknown module " + r.from());
      SpecException.require(parameters.add(r.weightName()), "readout " + r.name() + " is declared twice");
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public ModuleSpec module(String moduleName) {
    for (ModuleSpec m : modules) {
      if (m.name().equals(moduleName)) {
        return m;
      }
    }
    throw new SpecException("network " + name + ": unknown module " + moduleName);
  }

  /** Shapes of every trainable parameter, by parameter name, in a stable order. */
  public Map<String, int[]> parameterShapes() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (InputSpec in : inputs) {
      for (String target : in.targets()) {
        shapes.put(in.name() + " -> " + target, new int[] {module(target).units(), in.dimension()});
      }
    }
    for (ProjectionSpec p : projections) {
      shapes.put(p.parameterName(), new int[] {module(p.to()).units(), module(p.from()).units()});
    }
    for (ReadoutSpec r : readouts) {
      shapes.put(r.weightName(), new int[] {r.dimension(), module(r.from()).units()});
      if (r.bias()) {
        shapes.put(r.biasName(), new int[] {r.dimension()});
      }
    }
    return shapes;
  }

  /** Total number of trainable scalars. The reference network has 803,202. */
  public long parameterCount() {
    long count = 0;
    for (int[] shape : parameterShapes().values()) {
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      count += n;
    }
    return count;
  }

  /** Fluent construction, in declaration order. */
  public static final class Builder {
    private final String name;
    private double dt = 0.01;
    private final List<ModuleSpec> modules = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<ProjectionSpec> projections = new ArrayList<>();
    private final List<ReadoutSpec> readouts = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Euler step in seconds. */
    public Builder dt(double seconds) {
      this.dt = seconds;
      return this;
    }

    public Builder module(ModuleSpec module) {
      modules.add(module);
      return this;
    }

    public Builder input(InputSpec input) {
      inputs.add(input);
      return this;
    }

    public Builder connect(ProjectionSpec projection) {
      projections.add(projection);
      return this;
    }

    public Builder readout(ReadoutSpec readout) {
      readouts.add(readout);
      return this;
    }

    public Network build() {
      return new Network(name, dt, modules, inputs, projections, readouts);
    }
  }

  /** 10, 0.5, 12.35: four significant digits, no trailing zeros, for messages. */
  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }
}

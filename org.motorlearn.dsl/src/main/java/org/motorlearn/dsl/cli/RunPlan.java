package org.motorlearn.dsl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.generator.GeneratedExperiment;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.validation.EffectiveSettings;
import org.motorlearn.dsl.validation.Finding;
import org.motorlearn.dsl.validation.NumericRules;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.Sweep;

/**
 * The runs of one experiment that {@code motorlearn run} makes: one per point of the experiment's
 * sweep, each built from the generated code with its parameter values and validated by the runtime
 * BEFORE anything runs, so a bad point 7 of 60 is reported at once, not after six finished runs.
 *
 * @param sweeping whether the experiment has a sweep (its runs go into {@code point-<k>} folders)
 * @param fixedBySettings sweep axes dropped because {@code --set}/{@code --seed} fixed their parameter
 */
record RunPlan(GeneratedExperiment generated, List<Point> points, boolean sweeping, List<String> fixedBySettings) {

  /**
   * One run.
   *
   * @param index the point's index in the sweep (0 for an experiment without a sweep)
   * @param sweepValues the values of the swept parameters at this point (empty without a sweep)
   * @param overrides every parameter override of this run: the sweep's values and the command line's
   */
  record Point(int index, Map<String, Double> sweepValues, Map<String, Double> overrides, Experiment experiment) {

    /** {@code point 3 (seed=3, VR30.angle=45)}, or the experiment's name without a sweep. */
    String describe() {
      return "point " + index + (sweepValues.isEmpty() ? "" : " (" + ParameterOverrides.describe(sweepValues) + ")");
    }
  }

  /**
   * Builds every point of {@code generated}'s sweep with the command line's overrides on top. A sweep
   * axis over a parameter that the command line sets is dropped: {@code --seed 3} on a spec with
   * {@code sweep seed 0..9} runs seed 3 once.
   *
   * @throws CliException exit code 2 for an override that names no parameter (with a suggestion);
   *     exit code 1 when the experiment cannot be built with the overrides or at some sweep point
   */
  static RunPlan of(GeneratedExperiment generated, Map<String, Double> commandLine) {
    String experiment = generated.name();
    requireKnownNames(generated, commandLine);
    try {
      generated.build(Parameters.of(commandLine));
    } catch (SpecException e) {
      throw new CliException(ExitCode.SPEC_ERRORS, "experiment " + experiment
          + (commandLine.isEmpty() ? "" : " with " + ParameterOverrides.describe(commandLine)) + ": "
          + withoutExperiment(experiment, e.getMessage())
          + "\nnothing was run");
    }

    Sweep declared = generated.sweep();
    List<String> fixed = new ArrayList<>();
    Sweep sweep = withoutAxes(declared, commandLine, fixed);
    List<Point> points = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Map<String, Double>> values = sweep.points();
    for (int k = 0; k < values.size(); k++) {
      Map<String, Double> overrides = new LinkedHashMap<>(values.get(k));
      overrides.putAll(commandLine);
      try {
        Parameters parameters = Parameters.of(overrides);
        Experiment built = generated.build(parameters);
        parameters.requireAllOverridesUsed();
        built.requireTaskShape();
        points.add(new Point(k, values.get(k), overrides, built));
      } catch (SpecException e) {
        problems.add("sweep point " + k + " (" + ParameterOverrides.describe(values.get(k)) + "): "
            + withoutExperiment(experiment, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new CliException(ExitCode.SPEC_ERRORS, "experiment " + experiment + ": " + problems.size() + " of "
          + values.size() + " sweep points cannot run; nothing was run\n" + String.join("\n", problems));
    }
    return new RunPlan(generated, points, !sweep.isEmpty(), fixed);
  }

  /**
   * The language's numeric rules (those `check` applies to the spec and to each sweep point) on the
   * experiment with the command line's overrides: `--set Cortex.PMd.tau=1` with dt 10 ms overshoots
   * the Euler step as much as writing `tau 1 ms` would. Warnings are printed; errors stop with exit 1.
   */
  static void requireNumericRules(Console console, XtextResource resource, String experimentName,
      Map<String, Double> commandLine) {
    if (commandLine.isEmpty()) {
      return;
    }
    org.motorlearn.dsl.motorLearn.Experiment experiment = Experiments.declaredIn(resource).stream()
        .filter(e -> experimentName.equals(e.getName())).findFirst().orElse(null);
    if (experiment == null) {
      return;
    }
    EffectiveSettings settings = EffectiveSettings.withOverrides(experiment, commandLine);
    List<String> errors = new ArrayList<>();
    for (Finding finding : NumericRules.all(experiment, settings, Runtime.getRuntime().maxMemory())) {
      if (finding.assigned().isEmpty()) {
        continue; // a problem of the spec as written: `check` reports it there
      }
      String message = "experiment " + experimentName + " with " + ParameterOverrides.describe(commandLine) + ": "
          + finding.message();
      if (finding.error()) {
        errors.add(message);
      } else {
        console.warning(message);
      }
    }
    if (!errors.isEmpty()) {
      throw new CliException(ExitCode.SPEC_ERRORS, String.join("\n", errors) + "\nnothing was run");
    }
  }

  /**
   * Fails with exit code 2 if a command-line name is no parameter of the experiment. The names are
   * those the generated code asks for when built with its defaults; the message (with the closest
   * name and the list of all) is the runtime's own.
   */
  static void requireKnownNames(GeneratedExperiment generated, Map<String, Double> commandLine) {
    Parameters defaults = Parameters.defaults();
    try {
      generated.build(defaults);
    } catch (SpecException e) {
      throw new CliException(ExitCode.SPEC_ERRORS, "experiment " + generated.name() + ": "
          + withoutExperiment(generated.name(), e.getMessage()) + "\nnothing was run");
    }
    Parameters named = Parameters.of(commandLine);
    defaults.used().keySet().forEach(name -> named.real(name, 0));
    try {
      named.requireAllOverridesUsed();
    } catch (SpecException e) {
      throw CliException.usage("experiment " + generated.name() + ": " + e.getMessage());
    }
  }

  /** A runtime message without its own "experiment NAME: " where the caller names the experiment already. */
  private static String withoutExperiment(String experiment, String message) {
    String prefix = "experiment " + experiment + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** The experiment at one recorded point, for {@code --resume} (the overrides come from the run folder). */
  static Point resumed(GeneratedExperiment generated, int index, Map<String, Double> sweepValues, Map<String, Double> overrides) {
    try {
      Parameters parameters = Parameters.of(overrides);
      Experiment built = generated.build(parameters);
      parameters.requireAllOverridesUsed();
      return new Point(index, sweepValues, overrides, built);
    } catch (SpecException e) {
      throw new CliException(ExitCode.SPEC_ERRORS, "experiment " + generated.name() + " cannot be built with the "
          + "parameters recorded in the run folder (has the spec changed?): " + e.getMessage());
    }
  }

  /** The sweep without the axes whose parameter the command line fixes; their names go into {@code dropped}. */
  private static Sweep withoutAxes(Sweep sweep, Map<String, Double> commandLine, List<String> dropped) {
    List<Sweep.Group> groups = new ArrayList<>();
    for (Sweep.Group group : sweep.groups()) {
      List<Sweep.Axis> kept = new ArrayList<>();
      for (Sweep.Axis axis : group.axes()) {
        if (commandLine.containsKey(axis.parameter())) {
          dropped.add(axis.parameter());
        } else {
          kept.add(axis);
        }
      }
      if (!kept.isEmpty()) {
        groups.add(new Sweep.Group(kept));
      }
    }
    return new Sweep(groups);
  }
}

package org.motorlearn.dsl.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.motorlearn.runtime.spec.Parameters;

/**
 * The {@code --set name=value} (and {@code --seed N}) options of {@code motorlearn run}: parameter
 * overrides by name (docs/language.md, "Parameter names"). Values are plain numbers in the unit written
 * at the setting; whether a name exists is decided later, by the experiment that asks for parameters.
 */
final class ParameterOverrides {

  /** A parameter name: dotted segments, a connection written {@code A->B}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:(?:\\.|->)[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([^=]*?)\\s*=\\s*(.*?)\\s*");

  private ParameterOverrides() {
  }

  /**
   * Parses every {@code name=value}; a later value for the same name wins, and {@code seed} (from
   * {@code --seed}) wins over {@code --set seed=...}.
   *
   * @throws CliException with exit code 2 for a malformed assignment, name or number
   */
  static Map<String, Double> parse(List<String> assignments, Long seed) {
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String assignment : assignments) {
      Matcher matcher = ASSIGNMENT.matcher(assignment);
      if (!assignment.contains("=") || !matcher.matches()) {
        throw CliException.usage("--set " + assignment + ": expected name=value, e.g. --set initial.updates=50");
      }
      String name = matcher.group(1);
      String value = matcher.group(2);
      if (!NAME.matcher(name).matches()) {
        throw CliException.usage("--set " + assignment + ": '" + name + "' is not a parameter name; names are dotted "
            + "paths such as Cortex.PMd.units, VR30.angle or 'Cortex.Upstream->PMd.density' (docs/language.md)");
      }
      Double earlier = overrides.put(name, number(assignment, value));
      if (earlier != null) {
        throw CliException.usage("--set " + name + " is given twice (" + Parameters.format(earlier) + ", then " + value
            + "); give each parameter once");
      }
    }
    if (seed != null && overrides.containsKey("seed")) {
      throw CliException.usage("--seed and --set seed=... both set the seed; give it once");
    }
    if (seed != null) {
      overrides.put("seed", seed.doubleValue());
    }
    return overrides;
  }

  private static double number(String assignment, String value) {
    try {
      double number = new BigDecimal(value).doubleValue();
      if (Double.isFinite(number)) {
        return number;
      }
      throw CliException.usage("--set " + assignment + ": " + value + " is out of the range of numbers a run can use "
          + "(at most about 1.8e308)");
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliException.usage("--set " + assignment + ": '" + value + "' is not a number; give the value without a unit, "
        + "in the unit written at the setting (tau 50 ms: --set Cortex.PMd.tau=20 means 20 ms)");
  }

  /** {@code name=value, name=value} with numbers as the user would write them (400, not 400.0). */
  static String describe(Map<String, Double> values) {
    return Parameters.describe(values);
  }

  static String format(double value) {
    return Parameters.format(value);
  }
}

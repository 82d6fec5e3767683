package org.motorlearn.runtime.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named numeric parameters of a generated experiment, so sweeps and {@code --set name=value} change a
 * run without recompiling. Generated code asks for each parameter with its default; the values used
 * are recorded in the manifest. Overrides that no parameter asked for are errors, never ignored.
 */
public final class Parameters {

  private final Map<String, Double> overrides;
  private final Map<String, Double> used = new LinkedHashMap<>();

  private Parameters(Map<String, Double> overrides) {
    this.overrides = new LinkedHashMap<>(overrides);
  }

  public static Parameters defaults() {
    return new Parameters(Map.of());
  }

  public static Parameters of(Map<String, Double> overrides) {
    return new Parameters(overrides);
  }

  /** The value of a real-valued parameter. */
  public double real(String name, double defaultValue) {
    double value = overrides.getOrDefault(name, defaultValue);
    used.put(name, value);
    return value;
  }

  /** The value of an integer parameter; an override with a fractional part is an error. */
  public int integer(String name, int defaultValue) {
    double value = real(name, defaultValue);
    if (value != Math.rint(value)) {
      throw new SpecException("parameter " + name + " must be a whole number, got " + value);
    }
    if (Math.abs(value) > Integer.MAX_VALUE) {
      throw new SpecException(String.format(java.util.Locale.ROOT, "parameter %s is too large: %.0f; at most %d", name, value,
          Integer.MAX_VALUE));
    }
    return (int) value;
  }

  /** Every parameter asked for so far, with the value used, in the order asked. */
  public Map<String, Double> used() {
    return Collections.unmodifiableMap(used);
  }

  /**
   * Fails if an override names no parameter the experiment asked for.
   *
   * @throws SpecException listing the unknown names, the closest known name and all known names
   */
  public void requireAllOverridesUsed() {
    List<String> unknown = new ArrayList<>();
    for (String name : overrides.keySet()) {
      if (!used.containsKey(name)) {
        unknown.add(name);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    for (String name : unknown) {
      message.append("unknown parameter '").append(name).append("'");
      String closest = closest(name, used.keySet());
      if (closest != null) {
        message.append("; did you mean '").append(closest).append("'?");
      }
      message.append('\n');
    }
    message.append(listing(used.keySet()));
    throw new SpecException(message.toString());
  }

  /** {@code name=value, name=value} with numbers as a user writes them (400, not 400.0). */
  public static String describe(Map<String, Double> values) {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(format(value)));
    return text.toString();
  }

  /** A value as a user writes it: 400, 0.0001, 1.5E+20 only where plain digits would be absurd. */
  public static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * "known parameters:" and the names, one line per block they belong to (the part before the first
   * dot; names without one are the experiment's, listed first), sorted, wrapped at about 100 columns:
   * <pre>
   * known parameters:
   *   experiment: checkpointEvery, seed
   *   initial: batch, beta1, beta2, clip, eps, lr, updates
   * </pre>
   */
  public static String listing(Collection<String> names) {
    Map<String, List<String>> byBlock = new TreeMap<>(
        Comparator.comparing((String block) -> !block.equals("experiment")).thenComparing(String.CASE_INSENSITIVE_ORDER));
    for (String name : new TreeSet<>(names)) {
      int dot = name.indexOf('.');
      byBlock.computeIfAbsent(dot < 0 ? "experiment" : name.substring(0, dot), block -> new ArrayList<>())
          .add(dot < 0 ? name : name.substring(dot + 1));
    }
    StringBuilder text = new StringBuilder("known parameters:");
    byBlock.forEach((block, rest) -> {
      String indent = "  ";
      StringBuilder line = new StringBuilder(indent).append(block).append(':');
      for (int i = 0; i < rest.size(); i++) {
        String item = " " + rest.get(i) + (i < rest.size() - 1 ? "," : "");
        if (line.length() + item.length() > 100) {
          text.append('\n').append(line);
          line = new StringBuilder(indent).append(indent);
        }
        line.append(item);
      }
      text.append('\n').append(line);
    });
    return text.toString();
  }

  /**
   * The candidate closest to a misspelt word, if close enough to be a typo: within an edit distance
   * of max(2, a third of the word's length), ignoring case. Shared by every "did you mean" message.
   */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = editDistance(word.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
  }

  /** Levenshtein distance, for did-you-mean suggestions. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

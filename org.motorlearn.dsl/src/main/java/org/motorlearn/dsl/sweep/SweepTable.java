package org.motorlearn.dsl.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.motorlearn.runtime.run.AtomicFiles;
import org.motorlearn.runtime.run.Json;

/**
 * One row per finished point (or collected run folder): its swept parameters and the numbers of its summary.json. Wall-clock
 * times are left out (they are the only numbers that differ between two runs of the same point), so
 * two sweeps of the same spec with the same thread layout give identical tables whatever executed them.
 * {@code table.csv} has every metric, with every digit ({@link Double#toString}: reading it back gives
 * the same double); {@code table.md} the headline ones, rounded for reading.
 */
public final class SweepTable {

  /** Metrics in table.md: test error per phase, final loss, and the changes of activity and covariance. */
  private static final Pattern HEADLINE = Pattern.compile(
      "phases/[^/]+/test/[^/]+/(rmse|angularErrorDegrees)|phases/[^/]+/finalLoss"
          + "|analyses/[^/]+/(activityChangePercent|covarianceChange)/[^/]+");

  private final List<String> parameters;
  private final List<String> metrics;
  private final List<Row> rows;
  private final List<String> missing;

  /** One finished point. */
  record Row(String point, Path run, Map<String, Double> parameters, Map<String, Object> metrics) {}

  private SweepTable(List<String> parameters, List<String> metrics, List<Row> rows, List<String> missing) {
    this.parameters = parameters;
    this.metrics = metrics;
    this.rows = rows;
    this.missing = missing;
  }

  /** The table of the completed points of a sweep folder. */
  public static SweepTable of(SweepFolder folder, SweepManifest manifest) {
    Set<String> parameters = new LinkedHashSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    List<Row> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (SweepManifest.Point p : manifest.points()) {
      Path run = folder.point(p);
      Path summary = run.resolve("summary.json");
      if (!"completed".equals(SweepStatus.runStatus(run)) || !Files.isRegularFile(summary)) {
        missing.add(p.folder() + " (" + p.status().label() + ")");
        continue;
      }
      Map<String, Object> kept = metricsOf(summary);
      parameters.addAll(p.parameters().keySet());
      metrics.addAll(kept.keySet());
      rows.add(new Row(p.folder(), run, p.parameters(), kept));
    }
    return new SweepTable(List.copyOf(parameters), List.copyOf(metrics), rows, missing);
  }

  /**
   * The table of run folders collected by hand (e.g. separate runs of one spec with different seeds, or
   * with a phase reused): one row per run, named by its folder; the parameters are those recorded in the
   * manifests (and the seed) whose values differ between the runs.
   *
   * @throws SweepException naming a folder that is no completed run
   */
  public static SweepTable ofRuns(List<Path> runs) {
    List<Map<String, Double>> recorded = new ArrayList<>();
    List<Map<String, Object>> summaries = new ArrayList<>();
    for (Path run : runs) {
      String status = SweepStatus.runStatus(run);
      if (status == null && Files.isRegularFile(run.resolve("manifest.json"))) {
        throw new SweepException(run + "/manifest.json is damaged (not valid JSON, or without a status); leave this run out");
      }
      if (status == null) {
        throw new SweepException(run + " is no run folder (no manifest.json); collect takes one sweep folder or run folders");
      }
      Path summary = run.resolve("summary.json");
      if (!"completed".equals(status) || !Files.isRegularFile(summary)) {
        throw new SweepException(run + " has not completed (status " + status + "); finish it with motorlearn run FILE --resume "
            + run + ", or leave it out");
      }
      recorded.add(recordedParameters(run));
      summaries.add(metricsOf(summary));
    }
    Set<String> differing = new LinkedHashSet<>();
    for (Map<String, Double> values : recorded) {
      for (String name : values.keySet()) {
        if (recorded.stream().map(v -> v.get(name)).distinct().count() > 1) {
          differing.add(name);
        }
      }
    }
    Set<String> metrics = new LinkedHashSet<>();
    List<Row> rows = new ArrayList<>();
    List<String> names = distinctNames(runs);
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Double> parameters = new LinkedHashMap<>();
      for (String name : differing) {
        parameters.put(name, recorded.get(i).get(name));
      }
      metrics.addAll(summaries.get(i).keySet());
      rows.add(new Row(names.get(i), runs.get(i), parameters, summaries.get(i)));
    }
    return new SweepTable(List.copyOf(differing), List.copyOf(metrics), rows, List.of());
  }

  /**
   * A name per run folder that tells the rows apart: the folder's own name, or as many of its parent
   * folders as it takes ({@code sweepA/point-0} and {@code sweepB/point-0}).
   */
  static List<String> distinctNames(List<Path> runs) {
    for (int depth = 1; ; depth++) {
      List<String> names = new ArrayList<>();
      boolean whole = true;
      for (Path run : runs) {
        Path absolute = run.toAbsolutePath().normalize();
        int count = absolute.getNameCount();
        whole &= depth >= count;
        names.add(absolute.subpath(Math.max(0, count - depth), count).toString());
      }
      if (names.stream().distinct().count() == names.size() || whole) {
        return names;
      }
    }
  }

  /** The seed and the named parameters of a run's manifest (numbers only). */
  private static Map<String, Double> recordedParameters(Path run) {
    @SuppressWarnings("unchecked")
    Map<String, Object> manifest = (Map<String, Object>) Json.toPlain(Json.read(run.resolve("manifest.json")));
    Map<String, Double> values = new LinkedHashMap<>();
    if (manifest.get("seed") instanceof Number seed) {
      values.put("seed", seed.doubleValue());
    }
    if (manifest.get("parameters") instanceof Map<?, ?> parameters) {
      parameters.forEach((name, value) -> {
        if (value instanceof Number number) {
          values.put(name.toString(), number.doubleValue());
        }
      });
    }
    return values;
  }

  /** The metrics of a summary.json without wall-clock times. */
  private static Map<String, Object> metricsOf(Path summary) {
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) Json.toPlain(Json.read(summary))).get("metrics");
    Map<String, Object> kept = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (!key.equals("seconds") && !key.endsWith("/seconds")) {
        kept.put(key, value);
      }
    });
    return kept;
  }

  /** The run folders of the completed points, in point order. */
  public List<Path> runFolders() {
    return rows.stream().map(Row::run).toList();
  }

  public int rows() {
    return rows.size();
  }

  /** Points left out because they have not completed, as {@code point-3 (failed)}. */
  public List<String> missing() {
    return missing;
  }

  public String csv() {
    StringBuilder text = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("point"));
    header.addAll(parameters);
    header.addAll(metrics);
    text.append(String.join(",", header.stream().map(SweepTable::csvField).toList())).append('\n');
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.point()));
      parameters.forEach(name -> cells.add(exact(row.parameters().get(name))));
      metrics.forEach(name -> cells.add(exact(row.metrics().get(name))));
      text.append(String.join(",", cells.stream().map(SweepTable::csvField).toList())).append('\n');
    }
    return text.toString();
  }

  public String markdown() {
    List<String> headline = metrics.stream().filter(m -> HEADLINE.matcher(m).matches()).toList();
    List<String> header = new ArrayList<>(List.of("point"));
    header.addAll(parameters);
    header.addAll(headline);
    StringBuilder text = new StringBuilder();
    text.append("| ").append(String.join(" | ", header)).append(" |\n");
    text.append("|").append(" --- |".repeat(header.size())).append('\n');
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.point()));
      parameters.forEach(name -> cells.add(rounded(row.parameters().get(name))));
      headline.forEach(name -> cells.add(rounded(row.metrics().get(name))));
      text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    return text.toString();
  }

  /** Writes {@code table.csv} and {@code table.md} into the sweep folder; returns their paths. */
  public List<Path> write(SweepFolder folder) {
    return write(folder.root());
  }

  /** Writes {@code table.csv} and {@code table.md} into a folder; returns their paths. */
  public List<Path> write(Path folder) {
    Path csv = folder.resolve("table.csv");
    Path md = folder.resolve("table.md");
    AtomicFiles.writeString(csv, csv());
    AtomicFiles.writeString(md, markdown());
    return List.of(csv, md);
  }

  private static String exact(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    return value.toString();
  }

  private static String rounded(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.4g", d);
    }
    return value == null ? "" : value.toString();
  }

  private static String csvField(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}

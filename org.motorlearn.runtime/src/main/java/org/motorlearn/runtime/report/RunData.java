package org.motorlearn.runtime.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.motorlearn.runtime.io.Csv;
import org.motorlearn.runtime.io.Npy;
import org.motorlearn.runtime.io.NpyException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Read-only view of one run folder in the layout of docs/run-format.md. Everything optional is
 * returned as empty/null when absent, so a report can be made of whatever a run has.
 */
final class RunData {

  /**
   * One phase as described in the manifest's definition.
   *
   * @param from phase whose final weights this one started from (null: fresh weights)
   * @param perturbation name of the perturbation it was trained and tested under (null: none)
   */
  record Phase(String name, String from, String perturbation, boolean evaluateOnly, int updates) {

    /** A phase that starts from an earlier phase's weights and trains: an adaptation (a hypothesis). */
    boolean adapts() {
      return from != null && !evaluateOnly;
    }
  }

  /** One analysis/&lt;baseline&gt;-vs-&lt;compared&gt;.json file. */
  record Comparison(String baseline, String compared, JsonObject tree) {}

  private final Path folder;
  private final JsonObject manifest;
  private final JsonObject summary;
  private final List<Phase> phases;
  private final List<Comparison> comparisons;

  private RunData(Path folder, JsonObject manifest, JsonObject summary) {
    this.folder = folder;
    this.manifest = manifest;
    this.summary = summary;
    this.phases = readPhases();
    this.comparisons = readComparisons();
  }

  static RunData open(Path folder) {
    Path file = folder.resolve("manifest.json");
    if (!Files.isRegularFile(file)) {
      throw new ReportException("cannot report on " + folder + ": it has no manifest.json, so it is not a MotorLearn"
          + " run folder (see docs/run-format.md)");
    }
    JsonElement manifest = readJson(file);
    if (!manifest.isJsonObject() || !manifest.getAsJsonObject().has("format")) {
      throw new ReportException("cannot report on " + folder + ": " + file + " is not a MotorLearn run manifest");
    }
    Path summaryFile = folder.resolve("summary.json");
    JsonObject summary = Files.isRegularFile(summaryFile) ? readJsonObject(summaryFile) : new JsonObject();
    return new RunData(folder, manifest.getAsJsonObject(), summary);
  }

  Path folder() {
    return folder;
  }

  JsonObject manifest() {
    return manifest;
  }

  JsonObject summary() {
    return summary;
  }

  String text(String key) {
    return Json.string(manifest, key);
  }

  String experiment() {
    String name = text("experiment");
    return name == null ? folder.getFileName().toString() : name;
  }

  JsonObject definition() {
    return Json.object(manifest, "definition");
  }

  /** The phases whose folders exist (complete phases), in the order of the definition. */
  List<Phase> phases() {
    return phases;
  }

  Optional<Phase> phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  List<Comparison> comparisons() {
    return comparisons;
  }

  /** Time step in seconds (0.01 when the definition does not say). */
  double dt() {
    Double dt = Json.number(Json.object(definition(), "network"), "dt");
    return dt == null ? 0.01 : dt;
  }

  List<String> modules() {
    return names(Json.array(Json.object(definition(), "network"), "modules"));
  }

  List<String> readouts() {
    return names(Json.array(Json.object(definition(), "network"), "readouts"));
  }

  /**
   * The phase the others are compared with: the first analysis block's baseline, else the first
   * phase trained from fresh weights.
   */
  Optional<Phase> baseline() {
    if (!comparisons.isEmpty()) {
      Optional<Phase> p = phase(comparisons.get(0).baseline());
      if (p.isPresent()) {
        return p;
      }
    }
    return phases.stream().filter(p -> p.from() == null && !p.evaluateOnly()).findFirst();
  }

  /** Rotation angle (degrees) of a named perturbation, if it is a rotation. */
  Optional<Double> rotationDegrees(String perturbation) {
    for (JsonElement e : Json.array(definition(), "perturbations")) {
      JsonObject p = e.getAsJsonObject();
      if (perturbation != null && perturbation.equals(Json.string(p, "name")) && "rotation".equals(Json.string(p, "kind"))) {
        return Optional.ofNullable(Json.number(p, "degrees"));
      }
    }
    return Optional.empty();
  }

  JsonObject phaseMetrics(String phase) {
    Path file = phaseFolder(phase).resolve("metrics.json");
    return Files.isRegularFile(file) ? readJsonObject(file) : null;
  }

  /** The loss curve of a phase; null when absent or empty (evaluation-only phases). */
  Csv.Table loss(String phase) {
    Path file = phaseFolder(phase).resolve("loss.csv");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Csv.Table table;
    try {
      table = Csv.read(file, null);
    } catch (Csv.CsvException e) {
      throw new ReportException("cannot report on " + folder + ": " + e.getMessage(), e);
    }
    return table.rows().isEmpty() ? null : table;
  }

  /** A test array of a phase, e.g. {@code rates_M1.npy}; null when absent. */
  INDArray test(String phase, String file) {
    Path path = phaseFolder(phase).resolve("test").resolve(file);
    return Files.isRegularFile(path) ? readArray(path) : null;
  }

  int[] testInts(String phase, String file) {
    INDArray a = test(phase, file);
    return a == null ? null : a.toIntVector();
  }

  /** The final weights of a phase by parameter name, in the order of weights/index.json. */
  Map<String, INDArray> weights(String phase) {
    Path index = phaseFolder(phase).resolve("weights").resolve("index.json");
    Map<String, INDArray> weights = new LinkedHashMap<>();
    if (!Files.isRegularFile(index)) {
      return weights;
    }
    for (Map.Entry<String, JsonElement> e : readJsonObject(index).entrySet()) {
      Path file = index.resolveSibling(e.getKey());
      if (Files.isRegularFile(file)) {
        weights.put(Json.string(e.getValue().getAsJsonObject(), "name"), readArray(file));
      }
    }
    return weights;
  }

  Path phaseFolder(String phase) {
    return folder.resolve("phases").resolve(fileName(phase));
  }

  /** Names in files: spaces removed, {@code ->} written {@code -to-} (docs/run-format.md, "Names"). */
  static String fileName(String name) {
    return name.replace("->", "-to-").replace(" ", "");
  }

  private List<Phase> readPhases() {
    List<Phase> list = new ArrayList<>();
    for (JsonElement e : Json.array(definition(), "phases")) {
      JsonObject p = e.getAsJsonObject();
      Double updates = Json.number(p, "updates");
      Boolean evaluateOnly = Json.bool(p, "evaluateOnly");
      Phase phase = new Phase(Json.string(p, "name"), Json.string(p, "from"), Json.string(p, "perturbation"),
          evaluateOnly != null && evaluateOnly, updates == null ? 0 : updates.intValue());
      if (Files.isDirectory(phaseFolder(phase.name()))) {
        list.add(phase);
      }
    }
    return List.copyOf(list);
  }

  private List<Comparison> readComparisons() {
    Path dir = folder.resolve("analysis");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Comparison> list = new ArrayList<>();
    // the definition's order (baseline, then compared phases as declared) rather than file-name order
    for (JsonElement e : Json.array(definition(), "analyses")) {
      JsonObject a = e.getAsJsonObject();
      String baseline = Json.string(a, "baseline");
      for (String compared : strings(Json.array(a, "compared"))) {
        Path file = dir.resolve(fileName(baseline) + "-vs-" + fileName(compared) + ".json");
        if (Files.isRegularFile(file)) {
          list.add(new Comparison(baseline, compared, readJsonObject(file)));
        }
      }
    }
    if (list.isEmpty()) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          JsonObject tree = readJsonObject(file);
          list.add(new Comparison(Json.string(tree, "baseline"), Json.string(tree, "compared"), tree));
        }
      } catch (IOException ex) {
        throw new ReportException("cannot list " + dir + ": " + ex.getMessage(), ex);
      }
    }
    return List.copyOf(list);
  }

  private static List<String> names(List<JsonElement> elements) {
    List<String> names = new ArrayList<>();
    for (JsonElement e : elements) {
      names.add(Json.string(e.getAsJsonObject(), "name"));
    }
    return names;
  }

  private static List<String> strings(List<JsonElement> elements) {
    return elements.stream().map(JsonElement::getAsString).toList();
  }

  /** An array of the run; a damaged file is the run's problem, reported as such (never an internal error). */
  private INDArray readArray(Path file) {
    try {
      return Npy.read(file);
    } catch (NpyException e) {
      throw new ReportException("cannot report on " + folder + ": " + e.getMessage(), e);
    }
  }

  static JsonObject readJsonObject(Path file) {
    JsonElement json = readJson(file);
    if (!json.isJsonObject()) {
      throw new ReportException(file + " is not a JSON object (see docs/run-format.md)");
    }
    return json.getAsJsonObject();
  }

  static JsonElement readJson(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ReportException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}

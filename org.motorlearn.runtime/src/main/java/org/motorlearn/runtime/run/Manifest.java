package org.motorlearn.runtime.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.spec.Experiment;

/**
 * manifest.json: what ran (spec text, hash, seed, parameters, the full description), with what
 * (versions, thread layout, machine), when, and how it ended. Rewritten atomically at every change
 * of status, so it always tells the truth about the folder.
 */
public final class Manifest {

  public static final String FORMAT = "motorlearn-run/1";

  private static final Gson TREES = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls().create();

  private final Path file;
  private final JsonObject tree;

  private Manifest(Path file, JsonObject tree) {
    this.file = file;
    this.tree = tree;
  }

  /** A new manifest of a run that is about to start. */
  public static Manifest start(Path file, Experiment experiment, String threadLayout, List<String> commandLine) {
    JsonObject tree = new JsonObject();
    Manifest m = new Manifest(file, tree);
    m.put("format", FORMAT);
    m.put("experiment", experiment.name());
    m.put("status", RunStatus.RUNNING.label());
    m.put("error", null);
    m.put("seed", experiment.seed());
    m.put("precision", experiment.precision().name().toLowerCase());
    m.put("specSha256", experiment.sourceHash());
    m.put("spec", experiment.source());
    m.put("parameters", experiment.parameters());
    m.put("definition", definition(experiment));
    m.put("versions", Provenance.versions());
    m.put("threadLayout", threadLayout);
    m.put("machine", Provenance.machine());
    m.put("commandLine", commandLine.isEmpty() ? null : commandLine);
    m.put("started", Instant.now().toString());
    m.put("ended", null);
    m.put("resumed", List.of());
    m.put("reusedPhases", Map.of());
    m.put("warnings", List.of());
    Map<String, Object> phases = new LinkedHashMap<>();
    experiment.phases().forEach(p -> phases.put(p.name(), "pending"));
    m.put("phases", phases);
    return m;
  }

  /** The manifest of an existing run folder. */
  public static Manifest read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RunException("cannot resume: " + file.getParent() + " has no manifest.json, so it is not a MotorLearn run folder");
    }
    JsonElement tree = Json.read(file);
    if (!tree.isJsonObject() || !tree.getAsJsonObject().has("format")) {
      throw new RunException("cannot resume: " + file + " is not a MotorLearn run manifest");
    }
    return new Manifest(file, tree.getAsJsonObject());
  }

  /**
   * The structured experiment description recorded in the manifest (every record of the spec
   * package as nested maps; the spec text is recorded separately). Two runs with equal definitions
   * and thread layouts produce identical bits.
   */
  public static Object definition(Experiment experiment) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) Json.describe(experiment);
    tree.remove("source");
    return tree;
  }

  /**
   * Fails unless {@code experiment} is the one this run folder was started with (same definition,
   * hence same seed, parameters and phases): resuming a different experiment would mix results.
   */
  public void requireSameExperiment(Experiment experiment) {
    // compared as trees, not as text: maps such as the parameters have no fixed order across JVMs
    // (Map.copyOf iterates in a per-JVM random order), and a resume usually runs in another JVM
    Object recorded = withoutText(Json.toPlain(tree.get("definition")));
    Object now = withoutText(Json.toPlain(com.google.gson.JsonParser.parseString(Json.toJson(definition(experiment)))));
    String difference = firstDifference(recorded, now, "");
    if (difference != null) {
      throw new RunException("cannot resume " + file.getParent() + ": the experiment differs from the one it was started with ("
          + difference + "); run it into a new folder with --out instead");
    }
  }

  /**
   * The definition without what the spec's text adds beyond the experiment (its hash and its doc
   * comment): a spec reformatted or commented since the run started trains the same numbers.
   */
  private static Object withoutText(Object definition) {
    if (definition instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.remove("sourceHash");
      copy.remove("description");
      return copy;
    }
    return definition;
  }

  /** Where two plain JSON trees first differ, as {@code path: then, now}; null if they are equal. */
  static String firstDifference(Object then, Object now, String path) {
    if (then instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
      java.util.Set<Object> keys = new java.util.LinkedHashSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (Object key : keys) {
        String found = firstDifference(a.get(key), b.get(key), path.isEmpty() ? String.valueOf(key) : path + "." + key);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (then instanceof List<?> a && now instanceof List<?> b && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        String found = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return java.util.Objects.equals(then, now) ? null : path + ": " + then + " then, " + now + " now";
  }

  public RunStatus status() {
    return RunStatus.fromLabel(tree.get("status").getAsString());
  }

  public String threadLayout() {
    JsonElement e = tree.get("threadLayout");
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  public void phase(String name, String state) {
    tree.getAsJsonObject("phases").addProperty(name, state);
  }

  /** Records that the run was continued (when, thread layout and command line of the continuation). */
  public void resumed(String threadLayout, List<String> commandLine) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", Instant.now().toString());
    entry.put("threadLayout", threadLayout);
    entry.put("commandLine", commandLine.isEmpty() ? null : commandLine);
    tree.getAsJsonArray("resumed").add(TREES.toJsonTree(entry));
    put("status", RunStatus.RUNNING.label());
    put("error", null);
    put("ended", null);
  }

  /**
   * Records that {@code phase} was not run here but taken from the completed phase of {@code source}
   * (field {@code reusedPhases}: phase -> {@code from}, {@code threadLayout} of the source).
   */
  public void reused(String phase, Path source, String sourceThreadLayout) {
    if (!tree.has("reusedPhases") || !tree.get("reusedPhases").isJsonObject()) {
      tree.add("reusedPhases", new JsonObject());
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("from", source.toString());
    entry.put("threadLayout", sourceThreadLayout);
    tree.getAsJsonObject("reusedPhases").add(phase, TREES.toJsonTree(entry));
  }

  /**
   * Records a warning about the run's results (e.g. a phase whose training diverged), in field
   * {@code warnings}, unless it is recorded already (a resumed run derives it again).
   *
   * @return whether it was new
   */
  public boolean warning(String message) {
    if (!tree.has("warnings") || !tree.get("warnings").isJsonArray()) {
      tree.add("warnings", new com.google.gson.JsonArray()); // a run started before the field existed
    }
    if (warnings().contains(message)) {
      return false;
    }
    tree.getAsJsonArray("warnings").add(message);
    return true;
  }

  /** The warnings recorded so far. */
  public List<String> warnings() {
    List<String> warnings = new java.util.ArrayList<>();
    if (tree.has("warnings") && tree.get("warnings").isJsonArray()) {
      tree.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
    }
    return warnings;
  }

  public void end(RunStatus status, String error) {
    put("status", status.label());
    put("error", error);
    put("ended", Instant.now().toString());
  }

  public void write() {
    Json.write(file, tree);
  }

  private void put(String key, Object value) {
    tree.add(key, value == null ? JsonNull.INSTANCE : TREES.toJsonTree(value));
  }
}

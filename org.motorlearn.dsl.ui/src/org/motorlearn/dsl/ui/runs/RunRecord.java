package org.motorlearn.dsl.ui.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.motorlearn.dsl.ui.launch.ActiveRuns;

/**
 * One run folder as docs/run-format.md describes it: manifest.json (what ran, how it ended, warnings) and
 * summary.json (headline metrics). A run whose manifest still says "running" but whose process is
 * not running in this workbench is shown as interrupted, never as complete.
 */
public record RunRecord(Path folder, String experiment, String status, String error, List<String> warnings, Long seed,
    String started, String ended, Map<String, String> phases, Map<String, Double> metrics) {

  public static final String MANIFEST = "manifest.json";
  public static final String SUMMARY = "summary.json";

  /** Reads a run folder; null if it has no readable manifest (not a run, or being created). */
  public static RunRecord read(Path folder) {
    JsonObject manifest = json(folder.resolve(MANIFEST));
    if (manifest == null) {
      return null;
    }
    Map<String, String> phases = new LinkedHashMap<>();
    if (manifest.get("phases") instanceof JsonObject phaseObject) {
      for (Map.Entry<String, JsonElement> entry : phaseObject.entrySet()) {
        phases.put(entry.getKey(), text(entry.getValue()));
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    JsonObject summary = json(folder.resolve(SUMMARY));
    if (summary != null && summary.get("metrics") instanceof JsonObject metricObject) {
      for (Map.Entry<String, JsonElement> entry : metricObject.entrySet()) {
        if (entry.getValue().isJsonPrimitive() && entry.getValue().getAsJsonPrimitive().isNumber()) {
          metrics.put(entry.getKey(), entry.getValue().getAsDouble());
        }
      }
    }
    Long seed = manifest.get("seed") != null && manifest.get("seed").isJsonPrimitive()
        ? manifest.get("seed").getAsLong() : null;
    List<String> warnings = new ArrayList<>();
    if (manifest.get("warnings") instanceof JsonArray array) {
      array.forEach(warning -> warnings.add(text(warning)));
    }
    return new RunRecord(folder, text(manifest.get("experiment")), text(manifest.get("status")),
        text(manifest.get("error")), List.copyOf(warnings), seed, text(manifest.get("started")), text(manifest.get("ended")),
        phases, metrics);
  }

  /** The runs in a folder of run folders, newest first. */
  public static List<RunRecord> in(Path runsFolder) {
    List<RunRecord> records = new ArrayList<>();
    if (!Files.isDirectory(runsFolder)) {
      return records;
    }
    try (Stream<Path> children = Files.list(runsFolder)) {
      children.filter(Files::isDirectory).map(RunRecord::read).filter(r -> r != null).forEach(records::add);
    } catch (IOException e) {
      return records;
    }
    records.sort((a, b) -> b.started().compareTo(a.started()));
    return records;
  }

  /** The status to show: the manifest's, except "running" without a live process is "interrupted". */
  public String displayStatus() {
    if ("running".equals(status) && !ActiveRuns.isActive(folder)) {
      return "interrupted (resume with motorlearn run --resume)";
    }
    return status;
  }

  /** The start as local date and time to the second ("2026-11-28 09:47:42"); the raw text if unparsable. */
  public String startedLocal() {
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .format(java.time.Instant.parse(started).atZone(java.time.ZoneId.systemDefault()));
    } catch (java.time.DateTimeException e) {
      return started;
    }
  }

  /** Test RMSE per phase (cm): the headline of a motor-learning run. */
  public String headline() {
    List<String> parts = new ArrayList<>();
    for (String phase : phases.keySet()) {
      String prefix = "phases/" + phase + "/test/";
      metrics.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith("/rmse"))
          .findFirst()
          .ifPresent(e -> parts.add(String.format("%s rmse %.3g", phase, e.getValue())));
    }
    return String.join(", ", parts);
  }

  private static JsonObject json(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonReader json = new JsonReader(reader);
      json.setLenient(true); // NaN and Infinity are written as literals (docs/run-format.md)
      JsonElement element = JsonParser.parseReader(json);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (IOException | RuntimeException e) {
      return null; // being written: the next refresh reads it
    }
  }

  private static String text(JsonElement element) {
    return element == null || element.isJsonNull() ? "" : element.getAsString();
  }
}

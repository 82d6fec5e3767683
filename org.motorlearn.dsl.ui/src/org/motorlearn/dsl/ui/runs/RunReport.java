package org.motorlearn.dsl.ui.runs;

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
import java.util.List;
import java.util.Map;

/**
 * What the run report shows, read from a run folder: per phase its status, test behaviour and the
 * loss curve (phases/<phase>/metrics.json and loss.csv), and the analysis results (summary metrics).
 */
public record RunReport(RunRecord run, List<PhaseReport> phases, List<Map.Entry<String, Double>> analyses) {

  /** One phase's row in the report; numbers are null when the phase did not produce them. */
  public record PhaseReport(String name, String status, Integer updates, Double finalLoss, Double testRmse,
      Double angularErrorDegrees, Double seconds, double[] loss) {
  }

  public static RunReport read(Path folder) {
    RunRecord run = RunRecord.read(folder);
    if (run == null) {
      return null;
    }
    List<PhaseReport> phases = new ArrayList<>();
    for (Map.Entry<String, String> phase : run.phases().entrySet()) {
      phases.add(phase(folder.resolve("phases").resolve(phase.getKey()), phase.getKey(), phase.getValue()));
    }
    List<Map.Entry<String, Double>> analyses = new ArrayList<>();
    for (Map.Entry<String, Double> metric : run.metrics().entrySet()) {
      if (metric.getKey().startsWith("analyses/")) {
        analyses.add(Map.entry(metric.getKey().substring("analyses/".length()), metric.getValue()));
      }
    }
    return new RunReport(run, phases, analyses);
  }

  private static PhaseReport phase(Path folder, String name, String status) {
    JsonObject metrics = json(folder.resolve("metrics.json"));
    Integer updates = null;
    Double finalLoss = null;
    Double rmse = null;
    Double angular = null;
    Double seconds = null;
    if (metrics != null) {
      updates = integer(metrics.get("updates"));
      finalLoss = number(metrics.get("finalLoss"));
      seconds = number(metrics.get("seconds"));
      if (metrics.get("test") instanceof JsonObject test) {
        // The first readout's behaviour (the hand, in the reference model).
        for (Map.Entry<String, JsonElement> readout : test.entrySet()) {
          if (readout.getValue() instanceof JsonObject behaviour) {
            rmse = number(behaviour.get("rmse"));
            angular = number(behaviour.get("angularErrorDegrees"));
            break;
          }
        }
      }
    }
    return new PhaseReport(name, status, updates, finalLoss, rmse, angular, seconds, loss(folder.resolve("loss.csv")));
  }

  /** The loss column of loss.csv (header update,loss,...), one value per update. */
  static double[] loss(Path csv) {
    if (!Files.isRegularFile(csv)) {
      return new double[0];
    }
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      return lines.stream().skip(1).filter(line -> !line.isBlank())
          .mapToDouble(line -> parse(line.split(",")[1])).toArray();
    } catch (IOException | RuntimeException e) {
      return new double[0];
    }
  }

  private static double parse(String value) {
    return switch (value.strip()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value.strip());
    };
  }

  private static JsonObject json(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonReader json = new JsonReader(reader);
      json.setLenient(true);
      JsonElement element = JsonParser.parseReader(json);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Double number(JsonElement element) {
    return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()
        ? element.getAsDouble() : null;
  }

  private static Integer integer(JsonElement element) {
    Double value = number(element);
    return value == null ? null : value.intValue();
  }
}

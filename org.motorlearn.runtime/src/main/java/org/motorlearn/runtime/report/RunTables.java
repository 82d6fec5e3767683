package org.motorlearn.runtime.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.report.RunData.Phase;

/** The tables of one run: behaviour per phase, and the analysis metrics per module and per matrix. */
final class RunTables {

  private RunTables() {}

  static List<Table> all(RunData run) {
    List<Table> tables = new ArrayList<>();
    for (Table t : List.of(behaviour(run), modules(run), matrices(run))) {
      if (!t.rows().isEmpty()) {
        tables.add(t);
      }
    }
    return tables;
  }

  static Table behaviour(RunData run) {
    List<List<Object>> rows = new ArrayList<>();
    for (Phase p : run.phases()) {
      JsonObject m = run.phaseMetrics(p.name());
      if (m == null) {
        continue;
      }
      JsonObject test = Json.object(m, "test");
      if (test == null) {
        continue;
      }
      for (Map.Entry<String, JsonElement> readout : test.entrySet()) {
        JsonObject r = readout.getValue().isJsonObject() ? readout.getValue().getAsJsonObject() : null;
        rows.add(Arrays.asList(p.name(), Json.string(m, "perturbation"), readout.getKey(), integer(Json.number(m, "updates")),
            integer(Json.number(m, "testTrials")), Json.number(r, "mse"), Json.number(r, "rmse"),
            Json.number(r, "angularErrorDegrees"), Json.number(m, "finalLoss"), Json.number(m, "seconds")));
      }
    }
    return new Table("behaviour", "Behaviour per phase",
        "Test trials of each phase under its perturbation: MSE and RMSE of the hand position over the loss window, "
            + "angle between produced and instructed reach endpoints; final training loss; wall-clock time.",
        List.of("phase", "perturbation", "readout", "updates", "test trials", "mse [cm2]", "rmse [cm]",
            "angular error [deg]", "final loss", "time [s]"),
        rows);
  }

  static Table modules(RunData run) {
    List<List<Object>> rows = new ArrayList<>();
    for (RunData.Comparison c : run.comparisons()) {
      JsonObject t = c.tree();
      Map<String, Double> activity = Json.numbers(Json.object(t, "activityChangePercent"));
      Map<String, Double> covariance = Json.numbers(Json.object(t, "covarianceChange"));
      Map<String, Double> noiseActivity = Json.numbers(Json.object(t, "noise", "activityChangePercent"));
      Map<String, Double> noiseCovariance = Json.numbers(Json.object(t, "noise", "covarianceChange"));
      JsonObject angles = Json.object(t, "principalAnglesDegrees");
      List<String> modules = Json.array(t, "modules").stream().map(JsonElement::getAsString).toList();
      for (String module : modules) {
        List<JsonElement> a = Json.array(angles, module);
        Double firstAngle = a.isEmpty() ? null : Json.number(a.get(0));
        Double lastAngle = a.isEmpty() ? null : Json.number(a.get(a.size() - 1));
        List<Object> row = Arrays.asList(c.baseline(), c.compared(), module, activity.get(module), covariance.get(module),
            firstAngle, lastAngle, noiseActivity.get(module), noiseCovariance.get(module));
        if (row.subList(3, row.size()).stream().anyMatch(v -> v != null)) {
          rows.add(row);
        }
      }
    }
    return new Table("analysis-modules", "Activity metrics per module",
        "Compared phase against baseline: change in activity (median normalised PSTH change), change in covariance "
            + "(1 - correlation of PSTH covariances), smallest and largest principal angle between the PCA subspaces, "
            + "and the same changes with synaptic noise added to the adapted weights.",
        List.of("baseline", "phase", "module", "activity change [%]", "covariance change", "first principal angle [deg]",
            "last principal angle [deg]", "activity change with noise [%]", "covariance change with noise"),
        rows);
  }

  static Table matrices(RunData run) {
    List<List<Object>> rows = new ArrayList<>();
    for (RunData.Comparison c : run.comparisons()) {
      JsonObject t = c.tree();
      Map<String, Double> change = Json.numbers(Json.object(t, "weightChangePercent"));
      Map<String, Double> pr = Json.numbers(Json.object(t, "participationRatio"));
      Map<String, Double> noisePr = Json.numbers(Json.object(t, "noise", "noiseParticipationRatio"));
      Map<String, Double> noiseStd = Json.numbers(Json.object(t, "noise", "noiseStd"));
      java.util.LinkedHashSet<String> matrices = new java.util.LinkedHashSet<>(change.keySet());
      matrices.addAll(pr.keySet());
      for (String matrix : matrices) {
        rows.add(Arrays.asList(c.baseline(), c.compared(), matrix, change.get(matrix), pr.get(matrix), noisePr.get(matrix),
            noiseStd.get(matrix)));
      }
    }
    return new Table("analysis-weights", "Weight metrics per matrix",
        "Plastic matrices of each compared phase: median relative weight change, participation ratio of the singular "
            + "values of dW, and of the synaptic noise of the robustness analysis (a random matrix of the same shape) "
            + "with its standard deviation.",
        List.of("baseline", "phase", "matrix", "weight change [%]", "participation ratio", "noise participation ratio",
            "noise std"),
        rows);
  }

  private static Object integer(Double v) {
    return v == null ? null : (Object) Long.valueOf(Math.round(v));
  }
}

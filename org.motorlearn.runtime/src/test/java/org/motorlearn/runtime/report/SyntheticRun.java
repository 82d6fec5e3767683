package org.motorlearn.runtime.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.io.Npy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small run folder in the layout of docs/run-format.md, written directly with Npy and Gson: three
 * modules, 4 targets, phases initial / Hinput / Hlocal / null, one analysis block. Values are smooth
 * deterministic functions (no random numbers needed).
 */
final class SyntheticRun {

  static final int TARGETS = 4;
  static final int TRIALS = 12;
  static final int BINS = 40;
  static final int GO = 20;
  static final Map<String, Integer> MODULES = new LinkedHashMap<>(Map.of());

  static {
    MODULES.put("Upstream", 5);
    MODULES.put("PMd", 6);
    MODULES.put("M1", 6);
  }

  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues()
      .create();

  private SyntheticRun() {}

  /** Writes a run folder with the given seed and rotation angle (also the parameter "angle"). */
  static Path write(Path folder, long seed, double angle) throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("name", "Synthetic");
    definition.put("seed", seed);
    List<Object> modules = new ArrayList<>();
    MODULES.forEach((name, units) -> modules.add(Map.of("name", name, "units", units)));
    definition.put("network", Map.of("name", "Net", "dt", 0.01, "modules", modules,
        "readouts", List.of(Map.of("name", "hand", "dimension", 2, "source", "M1"))));
    definition.put("perturbations", List.of(Map.of("kind", "rotation", "name", "VR", "degrees", angle)));
    definition.put("phases", List.of(
        phase("initial", null, null, 30, false),
        phase("Hinput", "initial", "VR", 10, false),
        phase("Hlocal", "initial", "VR", 10, false),
        phase("null", "initial", "VR", 0, true)));
    definition.put("analyses", List.of(Map.of("baseline", "initial", "compared", List.of("Hinput", "Hlocal", "null"),
        "modules", List.of("PMd", "M1"))));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", "motorlearn-run/1");
    manifest.put("experiment", "Synthetic");
    manifest.put("status", "completed");
    manifest.put("error", null);
    manifest.put("seed", seed);
    manifest.put("precision", "float32");
    manifest.put("specSha256", "ab12cd34ef56");
    manifest.put("spec", "experiment Synthetic {\n  rotation VR <by> " + angle + " deg\n}\n");
    // as `run --seed N` and sweep points record it: the seed is a named parameter too
    manifest.put("parameters", Map.of("angle", angle, "seed", seed));
    manifest.put("definition", definition);
    manifest.put("versions", Map.of("motorlearn", "0.1.0", "java", "17", "javaVendor", "Test", "nd4j", "1.0.0-M2.1",
        "blas", "OPENBLAS"));
    manifest.put("threadLayout", "BLAS 1 thread, OpenMP 1 thread");
    manifest.put("machine", Map.of("host", "testhost", "os", "Linux", "arch", "amd64", "cores", 2,
        "maxHeapBytes", 2e9));
    manifest.put("commandLine", List.of("motorlearn", "run", "synthetic.motor"));
    manifest.put("started", "2026-11-28T07:00:00Z");
    manifest.put("ended", "2026-11-28T07:03:30Z");
    manifest.put("resumed", List.of());
    manifest.put("phases", Map.of("initial", "completed", "Hinput", "completed", "Hlocal", "completed", "null",
        "completed"));
    json(folder.resolve("manifest.json"), manifest);

    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> metrics = new LinkedHashMap<>();
    double[] rmse = {0.5, 0.9 + angle / 100, 1.1 + angle / 90, 1.5 + angle / 20};
    String[] names = {"initial", "Hinput", "Hlocal", "null"};
    for (int p = 0; p < names.length; p++) {
      int updates = p == 0 ? 30 : p == 3 ? 0 : 10;
      boolean rotated = p > 0;
      writePhase(folder.resolve("phases").resolve(names[p]), names[p], rotated ? angle : 0, updates, rmse[p], p, seed);
      metrics.put("phases/" + names[p] + "/test/hand/rmse", rmse[p]);
    }
    for (int h = 1; h < names.length; h++) {
      Map<String, Object> a = analysis(names[h], h, seed, rmse[0], rmse[h]);
      json(folder.resolve("analysis").resolve("initial-vs-" + names[h] + ".json"), a);
      metrics.put("analyses/initial-vs-" + names[h] + "/activityChangePercent/PMd",
          ((Map<?, ?>) a.get("activityChangePercent")).get("PMd"));
    }
    summary.put("experiment", "Synthetic");
    summary.put("seed", seed);
    summary.put("status", "completed");
    summary.put("metrics", metrics);
    json(folder.resolve("summary.json"), summary);
    return folder;
  }

  private static Map<String, Object> phase(String name, String from, String perturbation, int updates, boolean evaluate) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("from", from);
    p.put("perturbation", perturbation);
    p.put("updates", updates);
    p.put("evaluateOnly", evaluate);
    return p;
  }

  private static void writePhase(Path dir, String name, double angle, int updates, double rmse, int index, long seed)
      throws IOException {
    Files.createDirectories(dir.resolve("test"));
    Files.createDirectories(dir.resolve("weights"));
    StringBuilder loss = new StringBuilder("update,loss,mse,weight_penalty,rate_penalty,grad_norm,seconds\n");
    for (int k = 0; k < updates; k++) {
      double l = 5.0 * Math.exp(-k / 8.0) + 0.3 + 0.05 * Math.sin(k + seed);
      loss.append(k).append(',').append(l).append(',').append(l - 0.1).append(",0.05,0.05,1.0,").append(0.1 * k).append('\n');
    }
    Files.writeString(dir.resolve("loss.csv"), loss);
    int[] ids = new int[TRIALS];
    int[] go = new int[TRIALS];
    float[] targets = new float[TRIALS * BINS * 2];
    float[] output = new float[TRIALS * BINS * 2];
    for (int n = 0; n < TRIALS; n++) {
      ids[n] = n % TARGETS;
      go[n] = GO + (n % 3) - 1;
      double phi = Math.toRadians(360.0 * ids[n] / TARGETS + angle);
      double produced = Math.toRadians(360.0 * ids[n] / TARGETS + angle * (index == 3 ? 0 : 0.8));
      for (int b = 0; b < BINS; b++) {
        double s = 1 / (1 + Math.exp(-(b - go[n] - 8) / 2.0));
        targets[(n * BINS + b) * 2] = (float) (8 * s * Math.cos(phi));
        targets[(n * BINS + b) * 2 + 1] = (float) (8 * s * Math.sin(phi));
        output[(n * BINS + b) * 2] = (float) (7.5 * s * Math.cos(produced) + 0.1 * Math.sin(n + b));
        output[(n * BINS + b) * 2 + 1] = (float) (7.5 * s * Math.sin(produced));
      }
    }
    Npy.write(dir.resolve("test/target_ids.npy"), Nd4j.createFromArray(ids));
    Npy.write(dir.resolve("test/go_bins.npy"), Nd4j.createFromArray(go));
    Npy.write(dir.resolve("test/targets.npy"), Nd4j.create(targets, new long[] {TRIALS, BINS, 2}, 'c'));
    Npy.write(dir.resolve("test/output_hand.npy"), Nd4j.create(output, new long[] {TRIALS, BINS, 2}, 'c'));
    int m = 0;
    for (Map.Entry<String, Integer> module : MODULES.entrySet()) {
      int units = module.getValue();
      float[] rates = new float[TRIALS * BINS * units];
      for (int n = 0; n < TRIALS; n++) {
        for (int b = 0; b < BINS; b++) {
          for (int i = 0; i < units; i++) {
            double t = (b - go[n]) / 10.0;
            rates[(n * BINS + b) * units + i] = (float) Math.tanh(Math.sin(i + 1.3 * ids[n] + m) * Math.exp(-t * t)
                + 0.2 * Math.cos(0.5 * i * t) + 0.03 * index * Math.sin(i * b));
          }
        }
      }
      Npy.write(dir.resolve("test/rates_" + module.getKey() + ".npy"), Nd4j.create(rates, new long[] {TRIALS, BINS, units}, 'c'));
      m++;
    }
    Map<String, Object> index2 = new LinkedHashMap<>();
    // weights: the adapted phases change their plastic matrices by a rank-1 pattern
    String[][] matrices = {{"PMd.recurrent", "PMd", "PMd"}, {"M1.recurrent", "M1", "M1"}, {"Upstream -> PMd", "PMd", "Upstream"}};
    for (String[] w : matrices) {
      int rows = MODULES.get(w[1]);
      int cols = MODULES.get(w[2]);
      float[] values = new float[rows * cols];
      boolean plastic = (index == 1 && w[0].startsWith("Upstream")) || (index == 2 && !w[0].startsWith("Upstream"));
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          values[i * cols + j] = (float) (0.3 * Math.sin(1.7 * i + 0.9 * j + 0.5) + (plastic ? 0.02 * Math.cos(i) * Math.sin(j + 1) : 0));
        }
      }
      String file = w[0].replace("->", "-to-").replace(" ", "") + ".npy";
      Npy.write(dir.resolve("weights").resolve(file), Nd4j.create(values, new long[] {rows, cols}, 'c'));
      index2.put(file, Map.of("name", w[0], "shape", List.of(rows, cols), "dtype", "float"));
    }
    json(dir.resolve("weights/index.json"), index2);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("phase", name);
    metrics.put("perturbation", index == 0 ? null : "VR");
    metrics.put("updates", updates);
    metrics.put("testTrials", TRIALS);
    metrics.put("fromBin", 5);
    metrics.put("test", Map.of("hand", Map.of("mse", rmse * rmse, "rmse", rmse, "angularErrorDegrees", 2.5 + 3.1 * index)));
    metrics.put("finalLoss", updates == 0 ? null : 0.31 + 0.01 * index);
    metrics.put("finalMse", updates == 0 ? null : 0.21 + 0.01 * index);
    metrics.put("seconds", 12.5 + index);
    json(dir.resolve("metrics.json"), metrics);
  }

  private static Map<String, Object> analysis(String compared, int h, long seed, double baseRmse, double rmse) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("baseline", "initial");
    a.put("compared", compared);
    a.put("readout", "hand");
    a.put("window", Map.of("start", -10, "end", 10));
    a.put("modules", List.of("PMd", "M1"));
    a.put("behaviour", Map.of("initial", Map.of("mse", baseRmse * baseRmse, "rmse", baseRmse, "angularErrorDegrees", 2.5),
        compared, Map.of("mse", rmse * rmse, "rmse", rmse, "angularErrorDegrees", 2.5 + 3.1 * h)));
    double shift = 0.37 * h + 0.011 * seed;
    a.put("activityChangePercent", ordered("PMd", 4.2 + shift, "M1", 6.1 + shift));
    a.put("constantUnitsExcluded", ordered("PMd", 0, "M1", 0));
    a.put("covarianceChange", ordered("PMd", 0.012 * h, "M1", 0.021 * h + 0.001 * seed));
    if (h == 3) {
      return a;
    }
    String[] plastic = h == 1 ? new String[] {"Upstream -> PMd"} : new String[] {"PMd.recurrent", "M1.recurrent"};
    Map<String, Object> change = new LinkedHashMap<>();
    Map<String, Object> pr = new LinkedHashMap<>();
    Map<String, Object> noisePr = new LinkedHashMap<>();
    Map<String, Object> noiseStd = new LinkedHashMap<>();
    for (int k = 0; k < plastic.length; k++) {
      change.put(plastic[k], 1.5 + k + 0.1 * seed);
      pr.put(plastic[k], 1.02 + 0.3 * k);
      noisePr.put(plastic[k], 4.1 + 0.2 * k);
      noiseStd.put(plastic[k], 0.004 * (k + 1));
    }
    a.put("weightChangePercent", change);
    a.put("participationRatio", pr);
    a.put("principalAnglesDegrees", ordered("PMd", List.of(3.5 * h, 12.25), "M1", List.of(4.5, 20.0 + h)));
    a.put("noise", Map.of("scale", 10.0, "repeats", 1, "rmse", rmse * 3,
        "activityChangePercent", ordered("PMd", 40.0 + h, "M1", 55.5),
        "covarianceChange", ordered("PMd", 0.3, "M1", 0.45 + 0.01 * h),
        "noiseParticipationRatio", noisePr, "noiseStd", noiseStd));
    return a;
  }

  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static void json(Path file, Object tree) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, GSON.toJson(tree));
  }
}

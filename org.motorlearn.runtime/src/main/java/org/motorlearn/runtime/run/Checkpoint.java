package org.motorlearn.runtime.run;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motorlearn.runtime.engine.OptimizerState;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to continue a training phase exactly: the weights and optimiser state after
 * {@code nextUpdate} updates, and the loss rows so far. No random state is saved because every random
 * stream is named by phase and update index, so update k draws the same numbers whether or not the
 * run was interrupted before it.
 *
 * <p>On disk ({@code checkpoint/}): checkpoint.json (phase, next update), weights/ and optimizer/
 * (array folders), loss.csv.
 * A new checkpoint is built in a temporary folder and swapped in whole, so the previous one stays
 * valid until the new one is complete.
 */
public record Checkpoint(String phase, int nextUpdate, Map<String, INDArray> weights, OptimizerState optimizer,
    List<LossRow> lossRows) {

  public Checkpoint {
    weights = new LinkedHashMap<>(weights);
    lossRows = List.copyOf(lossRows);
  }

  public void write(Path target) {
    Path building = AtomicFiles.temporaryFolderFor(target);
    ArrayFolder.write(building.resolve("weights"), weights);
    OptimizerFiles.write(building.resolve("optimizer"), optimizer);
    LossCsv.write(building.resolve("loss.csv"), lossRows);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("phase", phase);
    meta.put("nextUpdate", nextUpdate);
    Staging.json(building.resolve("checkpoint.json"), meta);
    AtomicFiles.replaceFolder(building, target);
  }

  /** The checkpoint in {@code folder}, or null when there is none. */
  public static Checkpoint read(Path folder) {
    if (!AtomicFiles.recoverSwap(folder) || !Files.isRegularFile(folder.resolve("checkpoint.json"))) {
      return null;
    }
    JsonObject meta = Json.read(folder.resolve("checkpoint.json")).getAsJsonObject();
    OptimizerState optimizer = OptimizerFiles.read(folder.resolve("optimizer"));
    return new Checkpoint(meta.get("phase").getAsString(), meta.get("nextUpdate").getAsInt(),
        ArrayFolder.read(folder.resolve("weights")), optimizer, LossCsv.read(folder.resolve("loss.csv")));
  }
}

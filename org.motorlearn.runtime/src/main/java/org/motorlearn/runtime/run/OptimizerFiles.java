package org.motorlearn.runtime.run;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.motorlearn.runtime.engine.OptimizerState;

/** An optimiser state on disk: its buffers as an array folder plus state.json (kind and step); see {@link Staging}. */
public final class OptimizerFiles {

  public static final String STATE = "state.json";

  private OptimizerFiles() {}

  public static void write(Path folder, OptimizerState state) {
    // sorted: the optimiser may keep its buffers in any order, the files must not depend on it
    ArrayFolder.write(folder, new TreeMap<>(state.buffers()));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("kind", state.kind());
    meta.put("step", state.step());
    Staging.json(folder.resolve(STATE), meta);
  }

  /** The state saved in {@code folder}, or null if none was saved there. */
  public static OptimizerState read(Path folder) {
    if (!Files.isRegularFile(folder.resolve(STATE))) {
      return null;
    }
    JsonObject meta = Json.read(folder.resolve(STATE)).getAsJsonObject();
    return new OptimizerState(meta.get("kind").getAsString(), meta.get("step").getAsLong(), ArrayFolder.read(folder));
  }
}

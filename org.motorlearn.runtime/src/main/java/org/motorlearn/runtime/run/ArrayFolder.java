package org.motorlearn.runtime.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.motorlearn.runtime.io.Npy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A folder of named arrays: one .npy per array and index.json mapping each file name to the array's
 * name, shape and dtype (names like "Upstream -> PMd" or "m/PMd.recurrent" are not file names).
 * Written only inside a folder that is published whole (see {@link Staging}).
 */
public final class ArrayFolder {

  public static final String INDEX = "index.json";

  private ArrayFolder() {}

  /** Writes every array and then the index, in map order. */
  public static void write(Path folder, Map<String, INDArray> arrays) {
    Map<String, Object> index = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
      String file = uniqueFileName(entry.getKey(), used);
      INDArray array = entry.getValue();
      Staging.npy(folder.resolve(file), array);
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("name", entry.getKey());
      meta.put("shape", array.shape());
      meta.put("dtype", array.dataType().name().toLowerCase());
      index.put(file, meta);
    }
    Staging.json(folder.resolve(INDEX), index);
  }

  /** Reads the arrays of a folder written by {@link #write}, by name, in the order written. */
  public static Map<String, INDArray> read(Path folder) {
    Path indexFile = folder.resolve(INDEX);
    if (!Files.isRegularFile(indexFile)) {
      throw new RunException(folder + " has no " + INDEX + "; the run folder is incomplete or damaged");
    }
    JsonObject index = Json.read(indexFile).getAsJsonObject();
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : index.entrySet()) {
      String name = entry.getValue().getAsJsonObject().get("name").getAsString();
      arrays.put(name, Npy.read(folder.resolve(entry.getKey())));
    }
    return arrays;
  }

  private static String uniqueFileName(String name, Set<String> used) {
    String base = RunFolder.fileName(name).replace('/', '.');
    String file = base + ".npy";
    for (int i = 2; !used.add(file); i++) {
      file = base + "." + i + ".npy";
    }
    return file;
  }
}

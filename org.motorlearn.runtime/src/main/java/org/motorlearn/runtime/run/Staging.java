package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.motorlearn.runtime.io.Npy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes into a folder that is being built under a temporary name and is published whole with
 * {@link AtomicFiles#replaceFolder} (a phase folder, a checkpoint). The folder's rename makes the set
 * atomic, so single files need no rename of their own; publishing forces them to disk once.
 */
final class Staging {

  private Staging() {}

  static void string(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  static void json(Path file, Object tree) {
    string(file, Json.toJson(tree));
  }

  static void npy(Path file, INDArray array) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Npy.write(file, array);
  }
}

package org.motorlearn.dsl.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.motorlearn.runtime.io.NpyHeader;

/**
 * Shapes of .npy files, read from their headers with the runtime's reader (which loads no ND4J class,
 * so an editor never starts the numerical backend), checked the same way a run loads the file. Remembered per file and modification time: validation
 * runs on every keystroke.
 */
final class NpyShapes {

  /** A shape, or the reader's explanation why the file is no valid .npy array. */
  record Shape(long[] dimensions, String problem) {
  }

  private static final Map<Path, Map.Entry<FileTime, Shape>> CACHE = new ConcurrentHashMap<>();

  private NpyShapes() {
  }

  static Shape of(Path file) {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return new Shape(null, "cannot read it (" + e.getMessage() + ")");
    }
    Map.Entry<FileTime, Shape> cached = CACHE.get(file);
    if (cached != null && cached.getKey().equals(modified)) {
      return cached.getValue();
    }
    Shape shape;
    try {
      shape = new Shape(NpyHeader.read(file).shape(), null);
    } catch (RuntimeException | LinkageError e) {
      // the runtime's NpyException names the file first; the message here is reported at the file name already
      String message = String.valueOf(e.getMessage());
      String prefix = file.toString() + ": ";
      shape = new Shape(null, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
    CACHE.put(file, Map.entry(modified, shape));
    return shape;
  }

  static String text(long[] dimensions) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < dimensions.length; i++) {
      text.append(i == 0 ? "" : ", ").append(dimensions[i]);
    }
    return text.append(dimensions.length == 1 ? ",)" : ")").toString();
  }
}

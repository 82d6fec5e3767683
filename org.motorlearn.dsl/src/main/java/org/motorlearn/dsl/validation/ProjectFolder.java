package org.motorlearn.dsl.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project folder of a spec: the nearest folder at or above the spec's own folder that holds a
 * {@code .git}, {@code pom.xml} or {@code motorlearn.project} marker; the spec's folder if there is none.
 * Files a spec refers to (imports, trajectories, initial weights) must lie inside it, so a project
 * copied or cloned elsewhere still finds all its inputs.
 */
public final class ProjectFolder {

  /** Names whose presence marks a project folder. */
  public static final List<String> MARKERS = List.of(".git", "pom.xml", "motorlearn.project");

  private ProjectFolder() {
  }

  /** The project folder of the spec file at {@code spec}. */
  public static Path of(Path spec) {
    Path specFolder = spec.toAbsolutePath().normalize().getParent();
    for (Path folder = specFolder; folder != null; folder = folder.getParent()) {
      for (String marker : MARKERS) {
        if (Files.exists(folder.resolve(marker))) {
          return folder;
        }
      }
    }
    return specFolder;
  }

  /** Whether {@code file} lies inside {@code folder} (after resolving {@code ..} and symbolic links where possible). */
  public static boolean contains(Path folder, Path file) {
    return real(file).startsWith(real(folder));
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (java.io.IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}

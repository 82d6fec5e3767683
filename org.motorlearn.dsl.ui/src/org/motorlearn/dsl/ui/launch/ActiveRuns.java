package org.motorlearn.dsl.ui.launch;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Run folders whose process this workbench started and that have not ended yet. */
public final class ActiveRuns {
  private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

  private ActiveRuns() {
  }

  static void started(Path runFolder) {
    ACTIVE.add(runFolder.toAbsolutePath().normalize());
  }

  static void ended(Path runFolder) {
    ACTIVE.remove(runFolder.toAbsolutePath().normalize());
  }

  public static boolean isActive(Path runFolder) {
    return ACTIVE.contains(runFolder.toAbsolutePath().normalize());
  }
}

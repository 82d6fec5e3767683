package org.motorlearn.runtime.run;

import java.nio.file.Path;

/** Names of everything inside a run folder (documented in docs/run-format.md). */
public record RunFolder(Path root) {

  /** True while a run in this folder is alive (it holds the folder's lock; kill -9 releases it). */
  public boolean isLive() {
    return RunLock.isHeld(root);
  }

  public Path manifest() {
    return root.resolve("manifest.json");
  }

  public Path summary() {
    return root.resolve("summary.json");
  }

  public Path phases() {
    return root.resolve("phases");
  }

  /** A phase's folder; it exists only once the phase is complete. */
  public Path phase(String name) {
    return phases().resolve(name);
  }

  public Path checkpoint() {
    return root.resolve("checkpoint");
  }

  public Path analysis() {
    return root.resolve("analysis");
  }

  /**
   * The file-system name of a parameter or phase: spaces removed and "->" spelled "-to-", so
   * {@code "Upstream -> PMd"} becomes {@code "Upstream-to-PMd"} and {@code "M1.recurrent"} stays.
   */
  public static String fileName(String name) {
    return name.replace(" ", "").replace("->", "-to-");
  }
}

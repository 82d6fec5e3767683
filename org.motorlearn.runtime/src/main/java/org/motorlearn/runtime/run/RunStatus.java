package org.motorlearn.runtime.run;

/** Where a run stands; recorded in manifest.json as the lower-case name. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public String label() {
    return name().toLowerCase();
  }

  public static RunStatus fromLabel(String label) {
    return valueOf(label.toUpperCase());
  }
}

package org.motorlearn.runtime.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run left behind.
 *
 * @param folder the run folder
 * @param status completed, failed or cancelled
 * @param error why a run failed (null otherwise)
 * @param metrics the headline metrics of summary.json: per phase its test metrics, per analysis its
 *     results (nested maps of strings, numbers and lists)
 * @param warnings the manifest's warnings about the results (e.g. a phase whose training diverged)
 * @param resumable whether {@code --resume} can finish it: a cancelled run, or one stopped by the file
 *     system (a full disk); not one whose loss became non-finite, which the same settings reproduce
 */
public record RunResult(Path folder, RunStatus status, String error, Map<String, Object> metrics, List<String> warnings,
    boolean resumable) {

  public RunResult {
    metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public boolean completed() {
    return status == RunStatus.COMPLETED;
  }
}

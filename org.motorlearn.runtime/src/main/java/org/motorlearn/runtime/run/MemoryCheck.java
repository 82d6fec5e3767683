package org.motorlearn.runtime.run;

import java.util.Locale;
import org.motorlearn.runtime.engine.Memory;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;

/** Warns before a phase whose estimated training memory exceeds what the JVM may use. */
final class MemoryCheck {

  private MemoryCheck() {}

  static void report(Experiment experiment, PhaseSpec phase, ProgressListener progress) {
    long needed = Memory.estimateTrainingBytes(experiment.network(), experiment.task(), phase, experiment.precision());
    long available = Runtime.getRuntime().maxMemory();
    if (needed > available) {
      progress.message(String.format(Locale.ROOT,
          "warning: phase %s needs about %.1f GB for training but the JVM may use only %.1f GB (-Xmx); expect an"
              + " OutOfMemoryError, or lower the batch size or trial length", phase.name(), needed / 1e9, available / 1e9));
    }
  }
}

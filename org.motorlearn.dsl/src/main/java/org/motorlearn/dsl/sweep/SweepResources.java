package org.motorlearn.dsl.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.motorlearn.runtime.engine.Memory;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * What one point needs, and how many points fit on this machine at once.
 *
 * <p>Memory is the engine's estimate of the largest phase plus {@link #JVM_OVERHEAD_BYTES} for the
 * JVM, the language and ND4J's native libraries. Time counts floating-point operations (forward and
 * backward pass ~6 per parameter, trial and bin of a batch; ~2 per test simulation) at
 * {@link #FLOPS_PER_SECOND_PER_CORE}, far below what large GEMMs reach here (~29 GFLOP/s per core), because small
 * networks run far below peak; plus {@link #STARTUP_SECONDS}. It is meant as a generous SLURM time
 * limit, not a prediction.
 */
public final class SweepResources {

  static final long JVM_OVERHEAD_BYTES = 1L << 30;
  static final double FLOPS_PER_SECOND_PER_CORE = 2e9;
  static final long STARTUP_SECONDS = 120;

  private SweepResources() {}

  /** Bytes one point needs at its largest phase, JVM included. */
  public static long memoryBytes(Experiment experiment) {
    long largest = 0;
    for (PhaseSpec phase : experiment.phases()) {
      largest = Math.max(largest, Memory.estimateTrainingBytes(experiment.network(), experiment.task(), phase,
          experiment.precision()));
    }
    return largest + JVM_OVERHEAD_BYTES;
  }

  /** Seconds one point takes on one core, generously (see the class comment). */
  public static long seconds(Experiment experiment) {
    double parameters = experiment.network().parameterCount();
    int bins = experiment.task().trialBins();
    double testSimulation = 2 * parameters * testTrials(experiment.task()) * bins;
    double flops = 0;
    for (PhaseSpec phase : experiment.phases()) {
      if (!phase.evaluateOnly()) {
        flops += 6 * parameters * phase.batch() * bins * (double) phase.updates();
      }
      flops += testSimulation;
    }
    for (AnalysisSpec analysis : experiment.analyses()) {
      flops += testSimulation * analysis.compared().size() * (analysis.noiseRepeats() + 1);
    }
    return STARTUP_SECONDS + (long) Math.ceil(flops / FLOPS_PER_SECOND_PER_CORE);
  }

  /**
   * Points to run at once: no more than the cores, no more than fit into the available memory, at
   * least one.
   */
  public static int parallelPoints(int cores, long availableBytes, long bytesPerPoint) {
    long byMemory = bytesPerPoint <= 0 ? cores : availableBytes / bytesPerPoint;
    return (int) Math.max(1, Math.min(cores, byMemory));
  }

  /** Memory the operating system can give to new processes now (Linux: MemAvailable), in bytes. */
  public static long availableMemoryBytes() {
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.isReadable(meminfo)) {
      try {
        for (String line : Files.readAllLines(meminfo)) {
          if (line.startsWith("MemAvailable:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
          }
        }
      } catch (IOException | NumberFormatException unreadable) {
        // fall back to the JVM's view below
      }
    }
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getFreeMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }

  private static int testTrials(TaskSpec task) {
    return task instanceof TaskSpec.CenterOut c ? c.testTrials() : ((TaskSpec.Recorded) task).testTrials();
  }
}

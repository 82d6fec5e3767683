package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * Memory the engine needs, estimated before running, so the validator and the runner can warn.
 * Counts the arrays {@link Bptt} allocates (rates for bins + 1 steps; the drive/derivative array,
 * unless training takes the fused float32 tanh path, and the gradient array for bins steps; all
 * bins x batch x total units), the Java-side batch data and
 * noise, and the parameters with gradient, packed copies and two optimiser buffers. Excludes the
 * JVM and ND4J's native libraries (a few hundred MB).
 */
public final class Memory {

  private Memory() {}

  /**
   * Bytes for training one phase: the larger of its BPTT state (batch = the phase's batch) and the
   * forward simulation of the task's test set, which every phase runs.
   */
  public static long estimateTrainingBytes(Network network, TaskSpec task, PhaseSpec phase, Precision precision) {
    int bins = task.trialBins();
    long simulation = estimateSimulationBytes(network, testTrials(task), bins, precision);
    if (phase.evaluateOnly()) {
      return simulation;
    }
    long training = state(network, phase.batch(), bins, precision, true) + parameters(network, precision);
    return Math.max(training, simulation);
  }

  /**
   * Bytes for simulating {@code trials} trials: the returned activity plus the state of one chunk
   * of {@link Simulator#CHUNK} trials (and one chunk's rates in transit).
   */
  public static long estimateSimulationBytes(Network network, int trials, int bins, Precision precision) {
    long units = network.modules().stream().mapToLong(ModuleSpec::units).sum();
    int chunk = Math.min(trials, Simulator.CHUNK);
    long activity = (long) Precisions.bytes(precision) * (trials + 2L * chunk) * bins * units;
    return state(network, chunk, bins, precision, false) + activity + parameters(network, precision) / 3;
  }

  /**
   * Bytes a run folder grows to: per phase, the test-trial arrays (rates of every module, inputs,
   * targets and outputs for every bin; initial states), the weights and a checkpoint (weights and
   * two optimiser buffers). The rates dominate: 0.3 GB per phase at paper scale in float32.
   */
  public static long estimateRunFolderBytes(Network network, TaskSpec task, int phases, Precision precision) {
    long bytes = Precisions.bytes(precision);
    long units = network.modules().stream().mapToLong(ModuleSpec::units).sum();
    long inputs = network.inputs().stream().mapToLong(i -> i.dimension()).sum();
    long outputs = network.readouts().stream().mapToLong(ReadoutSpec::dimension).sum();
    long trials = testTrials(task);
    long arrays = trials * ((long) task.trialBins() * (units + inputs + 2 * outputs) + units) * bytes;
    return phases * (arrays + 4 * network.parameterCount() * bytes);
  }

  private static long state(Network network, int batch, int bins, Precision precision, boolean training) {
    long bytes = Precisions.bytes(precision);
    long units = network.modules().stream().mapToLong(ModuleSpec::units).sum();
    long inputs = network.inputs().stream().mapToLong(i -> i.dimension()).sum();
    long outputs = network.readouts().stream().mapToLong(ReadoutSpec::dimension).sum();
    long rows = (long) bins * batch;
    // Training a float32 tanh network without process noise (the fused path of Bptt, on the CPU)
    // needs no drive/derivative array, only the gradient one.
    boolean fused = training && precision == Precision.FLOAT32
        && network.modules().stream().allMatch(m -> m.activation() == Activation.TANH && m.noise() == 0);
    long perBin = fused ? 1 : training ? 2 : 1;
    long arrays = (rows + batch) * units + rows * units * perBin + 2L * batch * units;
    long small = rows * (inputs + outputs) * (bytes + 8 * 3);
    long noise = 0;
    for (ModuleSpec m : network.modules()) {
      if (m.noise() > 0) {
        noise += rows * m.units() * (8 + 2 * bytes);
      }
    }
    return arrays * bytes + small + noise;
  }

  /** Weights, gradients, packed copies and two optimiser buffers, plus update temporaries. */
  private static long parameters(Network network, Precision precision) {
    return network.parameterCount() * Precisions.bytes(precision) * 8;
  }

  private static int testTrials(TaskSpec task) {
    if (task instanceof TaskSpec.CenterOut c) {
      return c.testTrials();
    }
    return ((TaskSpec.Recorded) task).testTrials();
  }
}

package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/** Thread layout and memory estimate. */
class EnvironmentTest {

  @Test
  void threadLayoutSetsOneOpenMpThreadAndTheRequestedBlasThreads() {
    ThreadLayout layout = ThreadLayout.apply(1);
    assertEquals(1, layout.blasThreads());
    assertEquals(1, layout.ompThreads());
    assertTrue(layout.describe().contains("BLAS") && layout.describe().contains("1 thread"), layout.describe());
    ThreadLayout all = ThreadLayout.apply(0);
    assertEquals(Runtime.getRuntime().availableProcessors(), all.blasThreads());
  }

  @Test
  void moreThreadsThanCoresGetAWarningNamingBoth() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertTrue(ThreadLayout.oversubscription(0).isEmpty(), "0 means all cores");
    assertTrue(ThreadLayout.oversubscription(cores).isEmpty());
    String warning = ThreadLayout.oversubscription(cores + 1).orElseThrow();
    assertTrue(warning.startsWith((cores + 1) + " threads were asked for but only " + cores + " cores are available"), warning);
    assertTrue(warning.contains("ask for at most " + cores), warning);
  }

  @Test
  void paperScaleEstimateCoversTheBpttArrays() {
    Network paper = PaperNetwork.of(400);
    PhaseSpec phase = PhaseSpec.train("init", Plasticity.all(), OptimizerSpec.adam(1e-4), 500, 80);
    long bytes = Memory.estimateTrainingBytes(paper, TaskSpec.CenterOut.reference("c"), phase, Precision.FLOAT32);
    assertTrue(bytes >= 2L * 400 * 80 * 1200 * 4, "covers the rates and gradient arrays: " + bytes);

    // A batch of 400, so that training, not the test-set simulation, sets the estimate.
    PhaseSpec large = PhaseSpec.train("init", Plasticity.all(), OptimizerSpec.adam(1e-4), 500, 400);
    long array = 400L * 400 * 1200 * 4;
    long fused = Memory.estimateTrainingBytes(paper, TaskSpec.CenterOut.reference("c"), large, Precision.FLOAT32);
    assertTrue(fused >= 2 * array && fused < 3 * array, "float32 tanh, no noise: rates and gradient arrays, " + fused);
    long doubled = Memory.estimateTrainingBytes(paper, TaskSpec.CenterOut.reference("c"), large, Precision.FLOAT64);
    assertTrue(doubled >= 6 * array && doubled < 7 * array, "float64 (general path): three arrays of doubles, " + doubled);
    Network noisy = Network.builder("noisy")
        .module(new ModuleSpec("U", 400, Activation.TANH, 0.05, 0.1, InitialState.uniform(-0.1, 0.1)))
        .module(ModuleSpec.of("PMd", 400)).module(ModuleSpec.of("M1", 400))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1")).readout(ReadoutSpec.position("hand", 2, "M1")).build();
    long withNoise = Memory.estimateTrainingBytes(noisy, TaskSpec.CenterOut.reference("c"), large, Precision.FLOAT32);
    assertTrue(withNoise >= 3 * array, "process noise needs the drive array: " + withNoise);
  }
}

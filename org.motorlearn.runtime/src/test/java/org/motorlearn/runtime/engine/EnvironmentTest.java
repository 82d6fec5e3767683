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
  void paperScaleEstimateCoversTheBpttArrays() {
    Network paper = Network.builder("paper")
        .module(ModuleSpec.of("U", 400)).module(ModuleSpec.of("PMd", 400)).module(ModuleSpec.of("M1", 400))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1")).readout(ReadoutSpec.position("hand", 2, "M1")).build();
    PhaseSpec phase = PhaseSpec.train("init", Plasticity.all(), OptimizerSpec.adam(1e-4), 500, 80);
    long bytes = Memory.estimateTrainingBytes(paper, TaskSpec.CenterOut.reference("c"), phase, Precision.FLOAT32);
    long bptt = 3L * 400 * 80 * 1200 * 4;
    assertTrue(bytes >= bptt && bytes < 2 * bptt, "estimate " + bytes + " vs BPTT arrays " + bptt);
    long doubled = Memory.estimateTrainingBytes(paper, TaskSpec.CenterOut.reference("c"), phase, Precision.FLOAT64);
    assertTrue(doubled > 1.8 * bytes, "float64 needs about twice as much");
  }
}

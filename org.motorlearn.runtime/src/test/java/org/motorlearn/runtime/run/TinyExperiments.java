package org.motorlearn.runtime.run;

import java.util.List;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;

/** A few-unit version of the paper's design: train, adapt under a rotation (two ways), null phase, analysis. */
final class TinyExperiments {

  private TinyExperiments() {}

  static Network network() {
    return Network.builder("Tiny")
        .dt(0.01)
        .module(ModuleSpec.of("Upstream", 5))
        .module(ModuleSpec.of("PMd", 4))
        .module(ModuleSpec.of("M1", 4))
        .input(InputSpec.of("cue", 3, "Upstream", "PMd"))
        .connect(ProjectionSpec.recurrent("Upstream"))
        .connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1"))
        .connect(ProjectionSpec.dense("Upstream", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
  }

  static TaskSpec.CenterOut task() {
    return new TaskSpec.CenterOut("reach", 4, 7, 10, 40, 5, 8, 20, 23, 10, TaskSpec.Profile.SIGMOID, 2, 1, 16, 8, 2, 2);
  }

  /**
   * @param initialUpdates updates of the initial training phase
   * @param learningRate Adam learning rate of the initial phase (a huge one makes the loss diverge)
   * @param checkpointEvery updates between checkpoints
   */
  static Experiment experiment(int initialUpdates, double learningRate, int checkpointEvery) {
    PhaseSpec initial = PhaseSpec.train("initial", Plasticity.all(), OptimizerSpec.adam(learningRate), initialUpdates, 4)
        .clip(0.2);
    PhaseSpec hinput = PhaseSpec.train("Hinput", Plasticity.of("Upstream.input", "Upstream.recurrent", "Upstream -> PMd"),
        OptimizerSpec.adam(1e-3), 4, 1).from("initial").under("VR30").clip(0.2);
    PhaseSpec hlocal = PhaseSpec.train("Hlocal", Plasticity.of("PMd.input", "PMd.recurrent", "PMd -> M1", "M1.recurrent"),
        OptimizerSpec.adam(1e-3), 4, 1).from("initial").under("VR30").clip(0.2);
    PhaseSpec none = PhaseSpec.evaluate("null", "initial", "VR30");
    AnalysisSpec analysis = new AnalysisSpec("initial", List.of("Hinput", "Hlocal", "null"), List.of("PMd", "M1"), -6, 6,
        java.util.EnumSet.allOf(AnalysisSpec.Metric.class), 10, 1, 2);
    return Experiment.builder("TinyVR30")
        .seed(7)
        .network(network())
        .task(task())
        .perturbation(Perturbation.rotation("VR30", 30))
        .loss(new LossSpec(10, 1e-3, LossSpec.WeightNorm.FROBENIUS, 0.8))
        .phase(initial)
        .phase(hinput)
        .phase(hlocal)
        .phase(none)
        .analysis(analysis)
        .checkpointEvery(checkpointEvery)
        .source("experiment TinyVR30 { }\n", "0123abcd")
        .parameters(java.util.Map.of("lr", learningRate))
        .build();
  }

  /** Checkpoints only at the end of each phase. */
  static Experiment standard() {
    return experiment(6, 1e-2, 0);
  }
}

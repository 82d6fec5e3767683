package org.motorlearn.runtime.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.factory.Nd4j;

/** Tiny networks and trial sets for the engine tests. */
final class Fixtures {

  static final int BINS = 12;

  private Fixtures() {}

  /** The reference architecture (U -> PMd -> M1, inputs into U and PMd) at toy size, one activation. */
  static Network reference(int units, Activation activation) {
    return Network.builder("ref")
        .module(ModuleSpec.of("U", units).withActivation(activation))
        .module(ModuleSpec.of("PMd", units).withActivation(activation))
        .module(ModuleSpec.of("M1", units).withActivation(activation))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U"))
        .connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1"))
        .connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
  }

  /**
   * Every feature at once: four activations, different taus, noise, feedback (C -> A, B -> A), a
   * sparse projection, a module without recurrence, two inputs, a position and a velocity readout.
   */
  static Network graph() {
    return Network.builder("graph")
        .dt(0.01)
        .module(new ModuleSpec("A", 4, Activation.TANH, 0.05, 0.0, InitialState.uniform(-0.3, 0.3)))
        .module(new ModuleSpec("B", 3, Activation.SOFTPLUS, 0.03, 0.0, InitialState.normal(0.1, 0.2)))
        .module(new ModuleSpec("C", 5, Activation.RELU, 0.1, 0.0, InitialState.uniform(0.1, 0.5)))
        .module(new ModuleSpec("D", 3, Activation.LINEAR, 0.02, 0.0, InitialState.zeros()))
        .input(InputSpec.of("cue", 2, "A", "C"))
        .input(InputSpec.of("go", 1, "B"))
        .connect(ProjectionSpec.recurrent("A"))
        .connect(ProjectionSpec.sparse("C", "C", 0.5))
        .connect(ProjectionSpec.recurrent("D"))
        .connect(ProjectionSpec.dense("A", "B"))
        .connect(ProjectionSpec.dense("A", "C"))
        .connect(ProjectionSpec.dense("B", "C"))
        .connect(ProjectionSpec.dense("C", "A"))
        .connect(ProjectionSpec.dense("B", "A"))
        .connect(ProjectionSpec.dense("C", "D"))
        .readout(ReadoutSpec.position("hand", 2, "D"))
        .readout(ReadoutSpec.velocity("speed", 2, "C"))
        .readout(ReadoutSpec.position("extra", 1, "B").withBias(false))
        .build();
  }

  /** The graph network with process noise in two modules. */
  static Network noisyGraph() {
    Network g = graph();
    List<ModuleSpec> modules = g.modules().stream()
        .map(m -> m.name().equals("A") ? m.withNoise(0.3) : m.name().equals("C") ? m.withNoise(0.1) : m).toList();
    return new Network("noisy", g.dt(), modules, g.inputs(), g.projections(), g.readouts());
  }

  /** Random inputs and smooth targets, drawn from named streams. */
  static TrialSet trials(Network network, int count, int bins, long seed) {
    int in = network.inputs().stream().mapToInt(InputSpec::dimension).sum();
    int out = network.readouts().stream().mapToInt(ReadoutSpec::dimension).sum();
    SplittableRandom random = new RandomStreams(seed).stream("test/trials");
    double[] inputs = new double[count * bins * in];
    double[] targets = new double[count * bins * out];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = 2 * random.nextDouble() - 1;
    }
    for (int trial = 0; trial < count; trial++) {
      double phase = random.nextDouble() * 6;
      for (int t = 0; t < bins; t++) {
        for (int d = 0; d < out; d++) {
          targets[(trial * bins + t) * out + d] = Math.sin(phase + 0.3 * t + d) * 0.5;
        }
      }
    }
    int[] ids = new int[count];
    int[] bins0 = new int[count];
    return new TrialSet(Nd4j.create(inputs, new long[] {count, bins, in}, 'c'),
        Nd4j.create(targets, new long[] {count, bins, out}, 'c'), ids, bins0, bins0.clone());
  }

  /** Trials with a cue held for the whole trial and a target that ramps to half the cue: learnable. */
  static TrialSet learnableTrials(Network network, int count, int bins, long seed) {
    int in = network.inputs().stream().mapToInt(InputSpec::dimension).sum();
    int out = network.readouts().stream().mapToInt(ReadoutSpec::dimension).sum();
    SplittableRandom random = new RandomStreams(seed).stream("test/learnable");
    double[] inputs = new double[count * bins * in];
    double[] targets = new double[count * bins * out];
    for (int trial = 0; trial < count; trial++) {
      double[] cue = new double[in];
      for (int d = 0; d < in; d++) {
        cue[d] = 2 * random.nextDouble() - 1;
      }
      for (int t = 0; t < bins; t++) {
        System.arraycopy(cue, 0, inputs, (trial * bins + t) * in, in);
        for (int d = 0; d < out; d++) {
          targets[(trial * bins + t) * out + d] = 0.5 * cue[d % in] * Math.min(1.0, t / 5.0);
        }
      }
    }
    int[] zeros = new int[count];
    return new TrialSet(Nd4j.create(inputs, new long[] {count, bins, in}, 'c'),
        Nd4j.create(targets, new long[] {count, bins, out}, 'c'), zeros, zeros.clone(), zeros.clone());
  }

  static TaskSpec task(int bins, int trainTrials) {
    return new TaskSpec.CenterOut("tiny", 4, 7, 10, bins, 1, 2, 3, 4, 5, TaskSpec.Profile.SIGMOID, 0, 0, trainTrials, 8,
        2, 2);
  }

  static Experiment experiment(Network network, Precision precision, LossSpec loss, PhaseSpec phase) {
    return Experiment.builder("test").seed(7).precision(precision).network(network).task(task(BINS, 20)).loss(loss)
        .phase(phase).build();
  }
}

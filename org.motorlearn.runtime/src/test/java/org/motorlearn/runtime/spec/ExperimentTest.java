package org.motorlearn.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an experiment refuses when it is built, before anything runs: each of these used to fail in the
 * middle of a run (after training) or when its trials were first drawn.
 */
class ExperimentTest {

  private static Network.Builder network() {
    return Network.builder("N").dt(0.01).module(ModuleSpec.of("A", 4)).module(ModuleSpec.of("B", 4))
        .connect(ProjectionSpec.recurrent("A")).connect(ProjectionSpec.recurrent("B"))
        .connect(ProjectionSpec.dense("A", "B"));
  }

  /** 100 bins, go at bin 50..55. */
  private static TaskSpec.CenterOut task() {
    return new TaskSpec.CenterOut("K", 8, 7, 10, 100, 20, 30, 50, 55, 40, TaskSpec.Profile.SIGMOID, 0, 0, 16, 8, 2, 2);
  }

  private static PhaseSpec initial() {
    return PhaseSpec.train("initial", Plasticity.all(), OptimizerSpec.adam(1e-3), 2, 4);
  }

  private static Experiment.Builder experiment(Network network) {
    return Experiment.builder("T").network(network).task(task()).loss(new LossSpec(10, 1e-3, LossSpec.WeightNorm.FROBENIUS, 0.8))
        .perturbation(Perturbation.rotation("VR", 30)).phase(initial());
  }

  private static Network fitting() {
    return network().input(InputSpec.of("cue", 3, "A")).readout(ReadoutSpec.position("hand", 2, "B")).build();
  }

  private static AnalysisSpec window(int start, int end) {
    return new AnalysisSpec("initial", List.of("null"), List.of("A"), start, end, EnumSet.allOf(AnalysisSpec.Metric.class),
        10, 1, 2);
  }

  @Test
  void inputChannelsMustAddUpToTheTasks() {
    Network twoInputs = network().input(InputSpec.of("cue", 3, "A")).input(InputSpec.of("context", 2, "B"))
        .readout(ReadoutSpec.position("hand", 2, "B")).build();
    SpecException error = assertThrows(SpecException.class, () -> experiment(twoInputs).build().requireTaskShape());
    assertEquals("experiment T: network N takes 5 input channels (the dimensions of its inputs added up), but task K gives 3"
        + " (the target's cosine and sine and the hold signal); declare one input of dimension 3", error.getMessage());
  }

  @Test
  void readoutDimensionsMustAddUpToTheTargets() {
    Network twoReadouts = network().input(InputSpec.of("cue", 3, "A")).readout(ReadoutSpec.position("hand", 2, "B"))
        .readout(ReadoutSpec.position("eye", 2, "A")).build();
    SpecException error = assertThrows(SpecException.class, () -> experiment(twoReadouts).build().requireTaskShape());
    assertEquals("experiment T: network N reads out 4 dimensions (the dimensions of its readouts added up), but task K's hand"
        + " positions have 2 (x, y); declare one readout of dimension 2", error.getMessage());
  }

  @Test
  void aNetworkOfTheTasksShapeIsRunnable() {
    Experiment runnable = experiment(fitting()).build();
    assertDoesNotThrow(runnable::requireTaskShape);
  }

  @Test
  void anAnalysisWindowMustFitEveryTrial() {
    // go at 50..55 in 100 bins: the window may reach 50 bins before go and 45 after it
    Experiment.Builder fits = experiment(fitting()).phase(PhaseSpec.evaluate("null", "initial", "VR")).analysis(window(-50, 45));
    assertEquals(-50, fits.build().analyses().get(0).windowStart());

    Experiment.Builder tooLong = experiment(fitting()).phase(PhaseSpec.evaluate("null", "initial", "VR"))
        .analysis(window(-60, 60));
    SpecException error = assertThrows(SpecException.class, tooLong::build);
    assertEquals("analysis: the window -60..+60 bins around go covers bins -10..114 of trials whose go cue is at bin 50..55,"
        + " outside task K's bins 0..99; narrow the window to -50..+45 bins or less", error.getMessage());
  }

  @Test
  void aContinuedOptimizerMustBeOfTheSameKind() {
    PhaseSpec sgd = PhaseSpec.train("adapt", Plasticity.all(), OptimizerSpec.sgd(1e-3, 0.9), 2, 1).from("initial")
        .continuingOptimizer();
    SpecException error = assertThrows(SpecException.class, () -> experiment(fitting()).phase(sgd).build());
    assertEquals("phase adapt: it continues phase initial's adam optimiser with sgd; use adam here too or drop 'continue"
        + " optimizer'", error.getMessage());

    PhaseSpec adam = PhaseSpec.train("adapt", Plasticity.all(), OptimizerSpec.adam(1e-4), 2, 1).from("initial")
        .continuingOptimizer();
    assertEquals(2, experiment(fitting()).phase(adam).build().phases().size());
  }

  @Test
  void anEvaluationOnlyPhaseHasNoOptimizerToContinue() {
    PhaseSpec adapt = PhaseSpec.train("adapt", Plasticity.all(), OptimizerSpec.adam(1e-3), 2, 1).from("null")
        .continuingOptimizer();
    SpecException error = assertThrows(SpecException.class,
        () -> experiment(fitting()).phase(PhaseSpec.evaluate("null", "initial", "VR")).phase(adapt).build());
    assertEquals("phase adapt: 'continue optimizer', but phase null only evaluates, so it has no optimiser state; start"
        + " from a phase that trains or drop 'continue optimizer'", error.getMessage());
  }
}

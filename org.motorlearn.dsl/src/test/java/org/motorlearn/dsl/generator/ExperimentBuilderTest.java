package org.motorlearn.dsl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.model.ExperimentBuilder;
import org.motorlearn.dsl.model.SpecBuildException;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;
import org.motorlearn.dsl.util.ParameterNames;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.AnalysisSpec;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Init;
import org.motorlearn.runtime.spec.InitialState;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.Sweep;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * The {@link ExperimentBuilder} against experiments built by hand with the runtime's API from the
 * numbers of MODEL.md, its reference defaults, unit conversion, parameter names and errors.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
class ExperimentBuilderTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  private org.motorlearn.dsl.motorLearn.Experiment golden(String spec) {
    return Specs.experiment(Specs.load(resourceSets.get(), Specs.goldenRoot().resolve(spec)));
  }

  private org.motorlearn.dsl.motorLearn.Experiment written(Path folder, String text) throws IOException {
    return Specs.experiment(Specs.write(resourceSets.get(), folder, "spec.motor", text));
  }

  @Test
  void theFullSpecBuildsThePapersExperiment() {
    org.motorlearn.dsl.motorLearn.Experiment ast = golden("examples/feulner2022/vr30.motor");
    Experiment built = ExperimentBuilder.build(ast, Parameters.defaults());

    Network network = Network.builder("Cortex").dt(0.01)
        .module(ModuleSpec.of("Upstream", 400))
        .module(ModuleSpec.of("PMd", 400))
        .module(ModuleSpec.of("M1", 400))
        .input(InputSpec.of("cue", 3, "Upstream", "PMd"))
        .connect(ProjectionSpec.recurrent("Upstream"))
        .connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1"))
        .connect(ProjectionSpec.dense("Upstream", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1").withInit(Init.uniform(-0.05, 0.05)))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
    assertEquals(network, built.network());
    assertEquals(803_202, built.network().parameterCount());
    assertEquals(new TaskSpec.CenterOut("CenterOut", 8, 7, 10, 400, 150, 180, 282, 282, 100, TaskSpec.Profile.SIGMOID,
        5, 10, 400, 160, 2, 2), built.task());
    assertEquals(List.of(Perturbation.rotation("VR30", 30)), built.perturbations());
    assertEquals(LossSpec.reference(), built.loss());
    assertEquals(List.of(
        PhaseSpec.train("initial", Plasticity.all(), OptimizerSpec.adam(1e-4), 500, 80).clip(0.2),
        PhaseSpec.train("Hinput", Plasticity.of("Upstream.input", "Upstream.recurrent", "Upstream -> PMd"),
            OptimizerSpec.adam(1e-4), 100, 1).from("initial").under("VR30").clip(0.2),
        PhaseSpec.train("Hlocal", Plasticity.of("PMd.input", "PMd.recurrent", "PMd -> M1", "M1.recurrent"),
            OptimizerSpec.adam(1e-4), 100, 1).from("initial").under("VR30").clip(0.2),
        PhaseSpec.evaluate("null", "initial", "VR30")), built.phases());
    assertEquals(List.of(new AnalysisSpec("initial", List.of("Hinput", "Hlocal", "null"), List.of("PMd", "M1"), -60, 60,
        EnumSet.allOf(AnalysisSpec.Metric.class), 10, 10, 10)), built.analyses());
    assertEquals(0, built.seed());
    assertEquals(Precision.FLOAT32, built.precision());
    assertEquals(50, built.checkpointEvery());
    assertEquals("Feulner et al. (2022), Nature Communications 13: small, correlated changes in synaptic\n"
        + "connectivity may facilitate rapid motor learning. Reference configuration of MODEL.md.", built.description());
    String text = Specs.read(Specs.goldenRoot().resolve("examples/feulner2022/vr30.motor"));
    assertEquals(text, built.source());
    assertEquals(SpecSource.sha256(text), built.sourceHash());
  }

  @Test
  void leftOutSettingsTakeTheReferenceValues() {
    Experiment built = ExperimentBuilder.build(golden("defaults.motor"), Parameters.defaults());
    assertEquals(Network.builder("Small").dt(0.01)
        .module(ModuleSpec.of("A", 400))
        .module(new ModuleSpec("B", 400, Activation.RELU, 0.02, 0, InitialState.zeros()))
        .input(InputSpec.of("cue", 3, "A"))
        .connect(ProjectionSpec.recurrent("A"))
        .connect(ProjectionSpec.sparse("A", "B", 0.5).withInit(Init.gain(1.5)))
        .connect(ProjectionSpec.dense("B", "A").withInit(Init.normal(0, 0.01)))
        .readout(new ReadoutSpec("hand", ReadoutSpec.Kind.VELOCITY, 2, "B", false, Init.zeros()))
        .build(), built.network());
    assertEquals(TaskSpec.CenterOut.reference("CenterOut"), built.task());
    assertEquals(LossSpec.reference(), built.loss());
    assertEquals(List.of(PhaseSpec.train("initial", Plasticity.all(), OptimizerSpec.adam(1e-4), 500, 80).clip(0.2),
        new PhaseSpec("adapt", "initial", null, Plasticity.allExceptReadout(), OptimizerSpec.sgd(1e-4, 0), 100, 1, 0.2,
            false, false)), built.phases());
    assertEquals(List.of(new AnalysisSpec("initial", List.of("adapt"), List.of("A", "B"), -60, 60,
        EnumSet.allOf(AnalysisSpec.Metric.class), 10, 1, 10)), built.analyses());
    assertEquals(0, built.seed());
    assertEquals(0, built.checkpointEvery());
    assertEquals(Sweep.none(), ExperimentBuilder.sweep(golden("defaults.motor")));
  }

  @Test
  void unitsConvertAndTimesInBinsFollowAnOverriddenDt(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment Units {
          network N {
            dt 20 ms
            module A { units 4 tau 0.1 s no recurrence }
            input cue (3) -> A
            connect A -> A sparse 20 %
            readout hand (2) from A
          }
          task T { reach 70..100 mm trial 8 s go at 5.64 s movement 2000 ms cue at bin 150..180 }
          perturbation R = rotation 0.5 rad
          phase initial { updates 2 }
        }
        """);
    Experiment built = ExperimentBuilder.build(ast, Parameters.defaults());
    assertEquals(0.02, built.network().dt());
    assertEquals(0.1, built.network().module("A").tau());
    assertEquals(0.2, built.network().projections().get(0).density());
    TaskSpec.CenterOut task = (TaskSpec.CenterOut) built.task();
    assertEquals(7.0, task.reachMin());
    assertEquals(10.0, task.reachMax());
    assertEquals(400, task.trialBins());
    assertEquals(282, task.goMin());
    assertEquals(100, task.movementBins());
    assertEquals(Math.toDegrees(0.5), ((Perturbation.Rotation) built.perturbation("R")).degrees());

    Experiment finer = ExperimentBuilder.build(ast, Parameters.of(Map.of("N.dt", 10.0)));
    TaskSpec.CenterOut finerTask = (TaskSpec.CenterOut) finer.task();
    assertEquals(800, finerTask.trialBins());
    assertEquals(564, finerTask.goMin());
    assertEquals(150, finerTask.cueMin());
    assertEquals(10.0, finer.parameters().get("N.dt"));
  }

  @Test
  void parameterNamesFollowTheLanguagesScheme() {
    org.motorlearn.dsl.motorLearn.Experiment ast = golden("examples/feulner2022/vr30.motor");
    Set<String> used = ExperimentBuilder.build(ast, Parameters.defaults()).parameters().keySet();
    assertTrue(used.containsAll(ParameterNames.of(ast).keySet()),
        "every written setting is asked by its name in util.ParameterNames");
    for (String name : List.of("seed", "checkpointEvery", "Cortex.dt", "Cortex.PMd.units", "Cortex.PMd.tau",
        "Cortex.PMd.noise", "Cortex.PMd.initialState.low", "Cortex.cue.size", "Cortex.Upstream->PMd.density",
        "Cortex.PMd->M1.init.low", "Cortex.hand.size", "CenterOut.reach.min", "CenterOut.go",
        "CenterOut.jitter.direction", "VR30.angle", "loss.mseFrom", "initial.lr", "initial.beta1", "Hinput.updates",
        "analysis.window.min", "analysis.noiseScale", "analysis.noiseRepeats")) {
      assertTrue(used.contains(name), name);
    }
    Experiment rotations = ExperimentBuilder.build(golden("examples/rotations/rotations.motor"), Parameters.defaults());
    assertTrue(rotations.parameters().containsKey("Paper.ratePenalty"), "a named loss uses its name");
    assertTrue(rotations.parameters().containsKey("Hinput.momentum"));
  }

  @Test
  void sweepValuesWithAUnitConvertToTheUnitWrittenAtTheSetting(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment Swept {
          network N { module A { units 4 tau 50 ms } input cue (3) -> A readout hand (2) from A }
          task T { go at bin 282 }
          phase initial { updates 2 }
          sweep N.A.tau in 20 ms, 0.1 s
          sweep T.go 2.8 s .. 2.9 s step 50 ms
        }
        """);
    Sweep sweep = ExperimentBuilder.sweep(ast);
    assertEquals(new Sweep(List.of(new Sweep.Group(List.of(new Sweep.Axis("N.A.tau", List.of(20.0, 100.0)))),
        new Sweep.Group(List.of(Sweep.Axis.range("T.go", 280, 290, 5))))), sweep);
    Experiment last = ExperimentBuilder.build(ast, Parameters.of(sweep.points().get(5)));
    assertEquals(0.1, last.network().module("A").tau());
    assertEquals(290, ((TaskSpec.CenterOut) last.task()).goMin());
  }

  @Test
  void aQuantityWithoutItsUnitIsReportedAtTheQuantity(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment E {
          network N { module A { tau 50 } input cue (3) -> A readout hand (2) from A }
          phase initial { }
        }
        """);
    SpecBuildException e = assertThrows(SpecBuildException.class, () -> ExperimentBuilder.build(ast, Parameters.defaults()));
    assertEquals("50: missing unit: expected a time (ms, s or bins), e.g. 50 ms", e.getMessage());
    assertTrue(e.source() instanceof Quantity);
  }

  @Test
  void aTimeThatIsNoWholeNumberOfBinsIsReported(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment E {
          network N { module A { } input cue (3) -> A readout hand (2) from A }
          task T { go at 2.825 s }
          phase initial { }
        }
        """);
    SpecBuildException e = assertThrows(SpecBuildException.class, () -> ExperimentBuilder.build(ast, Parameters.defaults()));
    assertEquals("2.825 s is not a whole number of bins of 0.01 s", e.getMessage());
  }

  @Test
  void aSweepOverAnUnknownParameterSuggestsTheClosestName(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment E {
          network N { module A { } input cue (3) -> A readout hand (2) from A }
          phase initial { }
          sweep N.A.unit in 100, 200
        }
        """);
    SpecBuildException e = assertThrows(SpecBuildException.class, () -> ExperimentBuilder.sweep(ast));
    assertEquals("sweep: unknown parameter 'N.A.unit'; did you mean 'N.A.units'?", e.getMessage().lines().findFirst().get());
    assertSame(ast.getSweeps().get(0).getAxes().get(0), e.source());
  }

  @Test
  void anAnalysisWindowAroundAnotherEventIsReported(@TempDir Path folder) throws IOException {
    org.motorlearn.dsl.motorLearn.Experiment ast = written(folder, """
        experiment E {
          network N { module A { } input cue (3) -> A readout hand (2) from A }
          phase initial { }
          phase adapt from initial { }
          analysis { window -600 ms .. 600 ms around cue }
        }
        """);
    SpecBuildException e = assertThrows(SpecBuildException.class, () -> ExperimentBuilder.build(ast, Parameters.defaults()));
    assertEquals("analysis: the runtime measures windows around the go cue (MODEL.md section 6); write 'around go'",
        e.getMessage());
  }

  @Test
  void allExceptListsTheRemainingWeightGroups() {
    Experiment built = ExperimentBuilder.build(golden("examples/rotations/rotations.motor"), Parameters.defaults());
    assertEquals(Plasticity.of("cue -> Upstream", "cue -> PMd", "PMd.recurrent", "M1.recurrent", "Upstream -> PMd",
        "PMd -> M1"), built.phase("Hlocal").plasticity());
    assertEquals(Plasticity.of("hand", "hand"), built.phase("Readout").plasticity());
    assertEquals(new OptimizerSpec.Sgd(1e-3, 0.9), built.phase("Hinput").optimizer());
    assertTrue(built.phase("Hinput").continueOptimizer());
    assertEquals(new Perturbation.Gain("Big", 1.5, Perturbation.AppliesTo.OUTPUT), built.perturbation("Big"));
    assertEquals(Perturbation.reassociation("Swap", 1, 2, 3, 4, 5, 6, 7, 0), built.perturbation("Swap"));
    assertEquals(Perturbation.rotation("VR30", 30), built.perturbation("VR30"));
  }

  /** A spec parsed without a file (e.g. in an editor buffer) still builds; its provenance is its text. */
  @Test
  void aResourceWithoutAFileBuilds() throws Exception {
    Resource resource = resourceSets.get().createResource(org.eclipse.emf.common.util.URI.createURI("inmemory:/e.motor"));
    String text = "experiment E { network N { module A { units 3 } input cue (3) -> A readout hand (2) from A } phase p { } }";
    resource.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    Experiment built = ExperimentBuilder.build(Specs.experiment(resource), Parameters.defaults());
    assertEquals(3, built.network().module("A").units());
    assertEquals(text, built.source());
  }
}

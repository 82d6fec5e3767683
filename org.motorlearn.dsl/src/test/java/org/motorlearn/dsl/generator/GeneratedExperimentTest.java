package org.motorlearn.dsl.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.model.ExperimentBuilder;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.tests.MotorLearnInjectorProvider;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.spec.Sweep;
import org.motorlearn.runtime.spec.TaskSpec;

/**
 * The generated code compiles in memory, and what it builds EQUALS what the {@link ExperimentBuilder}
 * builds from the same spec: with the spec's values, with overrides, and at every sweep point.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
class GeneratedExperimentTest {

  private static final String VR30 = "examples/feulner2022/vr30.motor";
  private static final Map<String, Compiled> COMPILED = new HashMap<>();

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  /** A spec with its experiments compiled once for all tests (javac takes a second or two). */
  private record Compiled(Resource resource, List<GeneratedExperiment> experiments) {
    org.motorlearn.dsl.motorLearn.Experiment ast(String name) {
      return ((Model) resource.getContents().get(0)).getElements().stream()
          .filter(org.motorlearn.dsl.motorLearn.Experiment.class::isInstance)
          .map(org.motorlearn.dsl.motorLearn.Experiment.class::cast)
          .filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }
  }

  private Compiled compiled(String spec) {
    return COMPILED.computeIfAbsent(spec, s -> {
      Resource resource = Specs.load(resourceSets.get(), Specs.goldenRoot().resolve(s));
      return new Compiled(resource, GeneratedExperiment.compile(resource, Specs.goldenRoot()));
    });
  }

  @Test
  void everyGoldenSpecCompilesAndBuildsWhatTheBuilderBuilds() throws IOException {
    for (String spec : Specs.goldenSpecs()) {
      Compiled compiled = compiled(spec);
      assertTrue(!compiled.experiments().isEmpty(), spec);
      for (GeneratedExperiment generated : compiled.experiments()) {
        org.motorlearn.dsl.motorLearn.Experiment ast = compiled.ast(generated.name());
        assertEquals(ExperimentBuilder.build(ast, Parameters.defaults()), generated.build(Parameters.defaults()), spec);
        assertEquals(ExperimentBuilder.sweep(ast), generated.sweep(), spec);
      }
    }
  }

  /** The grammar engineer's test specs (src/test/resources/specs), project folder = that folder. */
  @Test
  void theLanguageTestSpecsBuildTheSameInBoth() throws Exception {
    Path root = Path.of(GeneratedExperimentTest.class.getResource("/specs").toURI());
    for (String spec : List.of("feulner2022.motor", "rotations.motor")) {
      Resource resource = Specs.load(resourceSets.get(), root.resolve(spec));
      List<GeneratedExperiment> experiments = GeneratedExperiment.compile(resource, root);
      assertTrue(!experiments.isEmpty(), spec);
      for (GeneratedExperiment generated : experiments) {
        org.motorlearn.dsl.motorLearn.Experiment ast = new Compiled(resource, experiments).ast(generated.name());
        assertEquals(ExperimentBuilder.build(ast, Parameters.defaults()), generated.build(Parameters.defaults()), spec);
        Sweep sweep = ExperimentBuilder.sweep(ast);
        assertEquals(sweep, generated.sweep(), spec);
        Map<String, Double> last = sweep.points().get(sweep.points().size() - 1);
        assertEquals(ExperimentBuilder.build(ast, Parameters.of(last)), generated.build(Parameters.of(last)), spec + " " + last);
      }
    }
  }

  @Test
  void everySweepPointBuildsTheSameInBoth() {
    Compiled compiled = compiled("examples/rotations/rotations.motor");
    GeneratedExperiment generated = compiled.experiments().get(0);
    List<Map<String, Double>> points = generated.sweep().points();
    assertEquals(6 * 2 * 5, points.size());
    for (Map<String, Double> point : points) {
      Experiment built = ExperimentBuilder.build(compiled.ast("Rotations"), Parameters.of(point));
      assertEquals(built, generated.build(Parameters.of(point)), point.toString());
    }
  }

  @Test
  void namesOfTheGeneratedClassComeFromThePathAndTheExperiment() {
    GeneratedExperiment generated = compiled(VR30).experiments().get(0);
    assertEquals("Feulner2022_VR30", generated.name());
    assertEquals("examples.feulner2022.Feulner2022_VR30", generated.qualifiedClassName());
    assertTrue(generated.javaSource().contains("public final class Feulner2022_VR30 {"));
  }

  @Test
  void theReadoutsDefaultInitIsScaledByItsSourceModule() {
    // as the runtime's Init.Default does: a readout has no receiving module, n is its source's units
    String source = compiled(VR30).experiments().get(0).javaSource();
    assertTrue(source.contains("            \"M1\",\n            true, // with bias\n            Init.defaults())) // U(-1/sqrt(n), "
        + "1/sqrt(n)), n = units of the source module M1\n"), source);
  }

  @Test
  void overridesChangeTheIntendedFieldsAndBothAgree() {
    Compiled compiled = compiled(VR30);
    // values in the unit written at the setting: PMd's tau in ms, M1's in s, the window in ms, go in bins
    Map<String, Double> overrides = Map.of("Cortex.PMd.units", 200.0, "Cortex.M1.tau", 0.02, "VR30.angle", 45.0,
        "initial.lr", 2e-4, "CenterOut.go", 290.0, "analysis.window.min", -500.0, "seed", 7.0);
    Experiment generated = compiled.experiments().get(0).build(Parameters.of(overrides));
    Experiment built = ExperimentBuilder.build(compiled.ast("Feulner2022_VR30"), Parameters.of(overrides));
    assertEquals(built, generated);

    Experiment reference = compiled.experiments().get(0).build(Parameters.defaults());
    assertEquals(200, generated.network().module("PMd").units());
    assertEquals(400, generated.network().module("Upstream").units());
    assertEquals(0.02, generated.network().module("M1").tau());
    assertEquals(0.05, generated.network().module("Upstream").tau());
    assertEquals(0.05, generated.network().module("PMd").tau());
    assertEquals(45.0, ((Perturbation.Rotation) generated.perturbation("VR30")).degrees());
    assertEquals(2e-4, generated.phase("initial").optimizer().learningRate());
    assertEquals(1e-4, generated.phase("Hinput").optimizer().learningRate());
    TaskSpec.CenterOut task = (TaskSpec.CenterOut) generated.task();
    assertEquals(290, task.goMin());
    assertEquals(290, task.goMax());
    assertEquals(-50, generated.analyses().get(0).windowStart());
    assertEquals(60, generated.analyses().get(0).windowEnd());
    assertEquals(7, generated.seed());
    assertEquals(200.0, generated.parameters().get("Cortex.PMd.units"));
    assertEquals(400.0, reference.parameters().get("Cortex.PMd.units"));
    assertNotEquals(reference, generated);
    assertEquals(reference.network().module("Upstream"), generated.network().module("Upstream"));
    assertEquals(reference.loss(), generated.loss());
  }

  @Test
  void aWholeNumberParameterRejectsAFraction() {
    SpecException e = assertThrows(SpecException.class, () -> compiled(VR30).experiments().get(0)
        .build(Parameters.of(Map.of("Cortex.PMd.units", 200.5))));
    assertEquals("parameter Cortex.PMd.units must be a whole number, got 200.5", e.getMessage());
    SpecException large = assertThrows(SpecException.class, () -> compiled(VR30).experiments().get(0)
        .build(Parameters.of(Map.of("Cortex.PMd.units", 1e10))));
    assertEquals("parameter Cortex.PMd.units is too large: 10000000000; at most 2147483647", large.getMessage(),
        "1e10 is a whole number");
  }

  @Test
  void anUnknownOverrideIsReportedByBothWithTheClosestName() {
    Compiled compiled = compiled(VR30);
    Map<String, Double> misspelt = Map.of("Cortex.PMd.unit", 200.0);
    SpecException fromGenerated = assertThrows(SpecException.class,
        () -> compiled.experiments().get(0).build(Parameters.of(misspelt)));
    String[] lines = fromGenerated.getMessage().split("\n");
    assertEquals("unknown parameter 'Cortex.PMd.unit'; did you mean 'Cortex.PMd.units'?", lines[0]);
    assertEquals("known parameters:", lines[1]);
    assertTrue(fromGenerated.getMessage().contains("\n  CenterOut: cue.max, cue.min, go, "), fromGenerated::getMessage);
    org.motorlearn.dsl.model.SpecBuildException fromBuilder = assertThrows(org.motorlearn.dsl.model.SpecBuildException.class,
        () -> ExperimentBuilder.build(compiled.ast("Feulner2022_VR30"), Parameters.of(misspelt)));
    assertEquals(fromGenerated.getMessage(), fromBuilder.getMessage());
  }

  @Test
  void theSweepOfTheFullSpecRunsOverTenSeeds() {
    Sweep sweep = compiled(VR30).experiments().get(0).sweep();
    assertEquals(10, sweep.points().size());
    assertEquals(Map.of("seed", 9.0), sweep.points().get(9));
  }

  @Test
  void aSpecWithSeveralExperimentsGivesOneClassEachInOneCompilation(@TempDir Path project) throws IOException {
    Resource resource = Specs.write(resourceSets.get(), project, "two/specs.motor", """
        experiment First {
          network N { module A { units 4 } input cue (3) -> A readout hand (2) from A }
          phase initial { updates 2 batch 2 }
        }
        experiment null {
          network N { module A { units 5 } input cue (3) -> A readout hand (2) from A }
          phase initial { sgd lr 0.1 }
        }
        """);
    List<GeneratedExperiment> experiments = GeneratedExperiment.compile(resource, project);
    assertEquals(List.of("two.First", "two.null_"), experiments.stream().map(GeneratedExperiment::qualifiedClassName).toList());
    assertEquals(4, experiments.get(0).build(Parameters.defaults()).network().module("A").units());
    assertEquals(new OptimizerSpec.Sgd(0.1, 0), experiments.get(1).build(Parameters.defaults()).phase("initial").optimizer());
  }
}

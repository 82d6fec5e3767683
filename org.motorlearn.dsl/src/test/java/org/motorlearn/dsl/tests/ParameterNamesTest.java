package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.util.ParameterNames;

/** The parameter naming scheme of docs/language.md, and that every name can be written in a sweep. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class ParameterNamesTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Inject
  private ParseHelper<Model> parseHelper;

  @Test
  public void feulnerParameters() {
    Model model = TestSpecs.load(resourceSets.get(), "feulner2022.motor");
    Map<String, ParameterNames.Parameter> parameters = ParameterNames.of((Experiment) model.getElements().get(0));
    assertEquals(new TreeSet<>(java.util.List.of(
        "seed", "checkpointEvery",
        "Cortex.dt",
        "Cortex.Upstream.units", "Cortex.Upstream.tau", "Cortex.Upstream.noise",
        "Cortex.Upstream.initialState.low", "Cortex.Upstream.initialState.high",
        "Cortex.PMd.units", "Cortex.PMd.tau", "Cortex.PMd.initialState.low", "Cortex.PMd.initialState.high",
        "Cortex.M1.units", "Cortex.M1.tau",
        "Cortex.cue.size", "Cortex.PMd->M1.init.low", "Cortex.PMd->M1.init.high", "Cortex.hand.size",
        "CenterOut.targets", "CenterOut.reach.min", "CenterOut.reach.max", "CenterOut.trial",
        "CenterOut.cue.min", "CenterOut.cue.max", "CenterOut.go", "CenterOut.movement",
        "CenterOut.jitter.direction", "CenterOut.jitter.duration", "CenterOut.train", "CenterOut.test",
        "CenterOut.inputGain", "CenterOut.hold",
        "VR30.angle",
        "loss.mseFrom", "loss.weightPenalty", "loss.ratePenalty",
        "initial.lr", "initial.beta1", "initial.beta2", "initial.eps", "initial.updates", "initial.batch", "initial.clip",
        "Hinput.lr", "Hinput.updates", "Hinput.batch", "Hinput.clip",
        "Hlocal.lr", "Hlocal.updates", "Hlocal.batch", "Hlocal.clip",
        "analysis.window.min", "analysis.window.max", "analysis.noiseScale", "analysis.noiseRepeats",
        "analysis.components")), new TreeSet<>(parameters.keySet()));
    ParameterNames.Parameter tau = parameters.get("Cortex.PMd.tau");
    assertEquals(SpecQuantities.Kind.TIME, tau.kind());
    assertEquals("50", tau.quantity().getValue().toPlainString());
    assertEquals("ms", tau.quantity().getUnit());
    assertEquals(SpecQuantities.Kind.LENGTH, parameters.get("CenterOut.reach.max").kind());
  }

  @Test
  public void aNumberKnowsTheParameterItIs() throws Exception {
    Model model = parseHelper.parse("""
        network Shared { module A { units 7 tau 30 ms } readout hand (2) from A }
        network Unused { module B { units 9 } }
        experiment E { network Shared phase initial { updates 3 } }
        """);
    java.util.List<org.motorlearn.dsl.motorLearn.Quantity> numbers = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(model,
        org.motorlearn.dsl.motorLearn.Quantity.class);
    java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
    for (org.motorlearn.dsl.motorLearn.Quantity number : numbers) {
      ParameterNames.Parameter parameter = ParameterNames.of(number);
      named.put(org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(
          org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(number)), parameter == null ? null : parameter.name());
    }
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("7", "Shared.A.units");
    expected.put("30 ms", "Shared.A.tau");
    expected.put("2", "Shared.hand.size");
    expected.put("9", null); // a network no experiment uses
    expected.put("3", "initial.updates");
    assertEquals(expected, named);
  }

  @Test
  public void importedDeclarationsAreNamedToo() {
    Model model = TestSpecs.load(resourceSets.get(), "rotations.motor");
    Map<String, ParameterNames.Parameter> parameters = ParameterNames.of((Experiment) model.getElements().get(0));
    for (String name : new String[] {"Cortex.PMd.units", "Cortex.dt", "CenterOut.go", "Paper.weightPenalty",
        "VR30.angle", "Big.factor", "Hinput.momentum", "initial.lr"}) {
      assertTrue(parameters.containsKey(name), name + " missing from " + parameters.keySet());
    }
    // every sweep of the spec names a parameter that exists
    ((Experiment) model.getElements().get(0)).getSweeps().forEach(sweep -> sweep.getAxes().forEach(axis ->
        assertTrue(axis.getParameter().equals("seed") || parameters.containsKey(axis.getParameter())
            || axis.getParameter().endsWith(".density"), axis.getParameter())));
  }

  @Test
  public void everyNameCanBeSwept() throws Exception {
    for (String spec : TestSpecs.all()) {
      Model model = TestSpecs.load(resourceSets.get(), spec);
      for (var element : model.getElements()) {
        if (!(element instanceof Experiment)) {
          continue;
        }
        for (String name : ParameterNames.of((Experiment) element).keySet()) {
          Model sweep = parseHelper.parse("experiment E { sweep " + name + " in 1, 2 }");
          assertTrue(sweep.eResource().getErrors().isEmpty(), name + ": " + sweep.eResource().getErrors());
          assertEquals(name, ((Experiment) sweep.getElements().get(0)).getSweeps().get(0).getAxes().get(0).getParameter());
        }
      }
    }
  }
}

package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.ProjectionGroup;
import org.motorlearn.dsl.motorLearn.Reassociation;
import org.motorlearn.dsl.motorLearn.Rotation;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.util.Experiments;

/** {@code import "lib/cortex.motor"}: declarations defined once, used by experiments in other files. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class MotorLearnImportTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Inject
  private ParseHelper<Model> parseHelper;

  @Inject
  private IResourceDescription.Manager descriptions;

  @Test
  public void experimentUsesImportedDeclarations() {
    XtextResourceSet resourceSet = resourceSets.get();
    Model model = TestSpecs.load(resourceSet, "rotations.motor");
    TestSpecs.assertNoErrors(model.eResource());
    Experiment experiment = (Experiment) model.getElements().get(0);

    Network cortex = Experiments.network(experiment);
    assertEquals("Cortex", cortex.getName());
    Resource library = cortex.eResource();
    assertNotSame(model.eResource(), library);
    assertEquals("cortex.motor", library.getURI().lastSegment());
    TestSpecs.assertNoErrors(library);
    assertEquals("CenterOut", Experiments.task(experiment).getName());
    assertEquals("Paper", Experiments.loss(experiment).getName());
    assertSame(library, Experiments.task(experiment).eResource());
  }

  @Test
  public void phasesResolveModulesOfTheImportedNetwork() {
    Model model = TestSpecs.load(resourceSets.get(), "rotations.motor");
    Experiment experiment = (Experiment) model.getElements().get(0);
    Network cortex = Experiments.network(experiment);
    Phase hinput = experiment.getPhases().get(1);
    ProjectionGroup cueToUpstream = assertInstanceOf(ProjectionGroup.class, hinput.getPlastic().getGroups().get(0));
    assertSame(cortex.getInputs().get(0), cueToUpstream.getSource());
    assertSame(cortex.getModules().get(0), cueToUpstream.getTarget());
    // perturbations: imported (VR30) and local (Swap)
    assertInstanceOf(Rotation.class, hinput.getUnder().getEffect());
    assertSame(cortex.eResource(), hinput.getUnder().eResource());
    Phase hlocal = experiment.getPhases().get(2);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 0), ((Reassociation) hlocal.getUnder().getEffect()).getMapping());
    assertSame(model.eResource(), hlocal.getUnder().eResource());
  }

  @Test
  public void sweepsNameParameters() {
    Model model = TestSpecs.load(resourceSets.get(), "rotations.motor");
    Experiment experiment = (Experiment) model.getElements().get(0);
    List<String> names = experiment.getSweeps().stream().flatMap(s -> s.getAxes().stream())
        .map(SweepAxis::getParameter).collect(Collectors.toList());
    assertEquals(List.of("VR30.angle", "Cortex.PMd.units", "initial.lr", "Cortex.Upstream->PMd.density"), names);
    assertTrue(experiment.getSweeps().get(1).isZip());
    assertFalse(experiment.getSweeps().get(0).isZip());
    assertEquals(6, experiment.getSweeps().get(0).getAxes().get(0).getValues().size());
  }

  @Test
  public void withoutImportNothingIsVisible() throws Exception {
    Model model = parseHelper.parse("experiment E { network Cortex task CenterOut phase p under VR30 { } }",
        URI.createFileURI(TestSpecs.path("elsewhere.motor").toString()), resourceSets.get());
    EcoreUtil.resolveAll(model);
    assertEquals(3, model.eResource().getErrors().size(), () -> model.eResource().getErrors().toString());
  }

  @Test
  public void importIsResolvedRelativeToTheImportingFile() throws Exception {
    Model model = parseHelper.parse("import \"specs/lib/cortex.motor\" experiment E { network Cortex }",
        URI.createFileURI(TestSpecs.root().getParent().resolve("top.motor").toString()), resourceSets.get());
    EcoreUtil.resolveAll(model);
    TestSpecs.assertNoErrors(model.eResource());
  }

  @Test
  public void importsAreNotTransitive() throws Exception {
    Model chain = TestSpecs.load(resourceSets.get(), "lib/chain.motor");
    TestSpecs.assertNoErrors(chain.eResource());
    Model model = parseHelper.parse("import \"lib/chain.motor\" experiment E { network Cortex }",
        URI.createFileURI(TestSpecs.path("top.motor").toString()), resourceSets.get());
    EcoreUtil.resolveAll(model);
    assertEquals(1, model.eResource().getErrors().size(), "Cortex is imported by chain.motor, not by this file");
    assertTrue(model.eResource().getErrors().get(0).getMessage().contains("Cortex"));
  }

  @Test
  public void localDeclarationsShadowImportedOnes() throws Exception {
    Model model = parseHelper.parse("import \"lib/cortex.motor\" network Cortex { } experiment E { network Cortex }",
        URI.createFileURI(TestSpecs.path("top.motor").toString()), resourceSets.get());
    EcoreUtil.resolveAll(model);
    TestSpecs.assertNoErrors(model.eResource());
    assertSame(model.getElements().get(0), Experiments.network((Experiment) model.getElements().get(1)));
  }

  @Test
  public void onlyTopLevelDeclarationsAreExported() {
    XtextResourceSet resourceSet = resourceSets.get();
    Model model = TestSpecs.load(resourceSet, "lib/cortex.motor");
    List<String> exported = new java.util.ArrayList<>();
    descriptions.getResourceDescription(model.eResource()).getExportedObjects()
        .forEach(d -> exported.add(d.getName().toString()));
    assertEquals(List.of("Cortex", "CenterOut", "VR30", "Paper"), exported);
  }
}

package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Import;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Network;

/** Names that must be unique: nodes of a network, phases, perturbations and analyses of an experiment, top-level declarations across imports. */
public class NamesValidator extends MotorLearnCheckBase {

  @Check
  public void checkDuplicateNamesInNetwork(Network network) {
    List<EObject> nodes = new ArrayList<>(network.getModules());
    nodes.addAll(network.getInputs());
    nodes.addAll(network.getReadouts());
    nodes.sort((a, b) -> Integer.compare(offset(a), offset(b)));
    unique(nodes, "in network " + network.getName() + " (modules, inputs and readouts share one set of names)");
  }

  @Check
  public void checkDuplicateNamesInExperiment(Experiment experiment) {
    unique(new ArrayList<>(experiment.getPhases()), "in experiment " + experiment.getName());
    unique(new ArrayList<>(experiment.getPerturbations()), "in experiment " + experiment.getName());
    List<EObject> named = new ArrayList<>();
    for (Analysis analysis : experiment.getAnalyses()) {
      if (analysis.getName() != null) {
        named.add(analysis);
      }
    }
    unique(named, "in experiment " + experiment.getName());
  }

  @Check
  public void checkDuplicateTopLevelNames(Model model) {
    Map<String, Element> seen = new HashMap<>();
    for (Element element : model.getElements()) {
      if (element.getName() == null) {
        continue;
      }
      Element first = seen.putIfAbsent(element.getName(), element);
      if (first != null) {
        error("'" + element.getName() + "' is already declared in this file (" + describe(first) + ", line " + lineOf(first)
            + "); top-level names must be unique: rename one of them", element, ML.getElement_Name(), IssueCodes.DUPLICATE_TOP_LEVEL_NAME);
      }
    }
    Map<String, Element> imported = new LinkedHashMap<>();
    collectImported(model, new HashSet<>(), imported);
    for (Element element : model.getElements()) {
      Element other = element.getName() == null ? null : imported.get(element.getName());
      if (other != null) {
        error("'" + element.getName() + "' is also declared in the imported file " + other.eResource().getURI().lastSegment() + " ("
            + describe(other) + ", line " + lineOf(other) + "); top-level names must be unique across imports: rename one of them",
            element, ML.getElement_Name(), IssueCodes.DUPLICATE_TOP_LEVEL_NAME);
      }
    }
  }

  /** Top-level elements of every file imported (directly or not) by {@code model}, first declaration wins. */
  private static void collectImported(Model model, Set<URI> visited, Map<String, Element> imported) {
    Resource resource = model.eResource();
    if (resource == null || !visited.add(resource.getURI())) {
      return;
    }
    for (Import anImport : model.getImports()) {
      if (anImport.getImportURI() == null) {
        continue;
      }
      Resource other;
      try {
        other = EcoreUtil2.getResource(resource, anImport.getImportURI());
      } catch (RuntimeException e) {
        continue; // a missing file is reported by FileValidator
      }
      if (other == null || other.getContents().isEmpty() || !(other.getContents().get(0) instanceof Model otherModel)
          || visited.contains(other.getURI())) {
        continue;
      }
      for (Element element : otherModel.getElements()) {
        if (element.getName() != null) {
          imported.putIfAbsent(element.getName(), element);
        }
      }
      collectImported(otherModel, visited, imported);
    }
  }

  private void unique(List<EObject> elements, String where) {
    Map<String, EObject> seen = new HashMap<>();
    for (EObject element : elements) {
      Object name = element.eGet(element.eClass().getEStructuralFeature("name"));
      if (!(name instanceof String)) {
        continue;
      }
      EObject first = seen.putIfAbsent((String) name, element);
      if (first != null) {
        error("'" + name + "' is already the name of the " + describe(first).replaceFirst(" .*", "") + " at line " + lineOf(first)
            + " " + where + "; rename one of them", element, element.eClass().getEStructuralFeature("name"), IssueCodes.DUPLICATE_NAME);
      }
    }
  }

  private static int offset(EObject object) {
    var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(object);
    return node == null ? 0 : node.getOffset();
  }
}

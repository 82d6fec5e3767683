package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.motorlearn.dsl.model.ExperimentBuilder;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.util.ParameterNames;
import org.motorlearn.runtime.spec.Parameters;

/**
 * Every parameter a sweep or {@code --set} may name, and the setting it changes. The names are those of
 * {@link SweepableSettings} (docs/language.md, "Parameter names"): the settings written in the spec, plus
 * the settings left at their default, which are parameters too ({@code ParameterNames.prefix(element)}
 * + "." + the setting's name).
 */
public final class SweepableSettings {

  /** Which end of a range setting a parameter sets. */
  public enum End { BOTH, MIN, MAX }

  /** The setting a parameter name stands for: a Quantity- or Range-valued feature of an AST element. */
  public record Parameter(String name, EObject owner, EStructuralFeature feature, End end) {
  }

  private SweepableSettings() {
  }

  /** All parameters of an experiment: the written ones first (in spec order), then the defaults. */
  public static Map<String, Parameter> of(Experiment experiment) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (ParameterNames.Parameter written : ParameterNames.of(experiment).values()) {
      End end = End.BOTH;
      if (written.owner().eGet(written.feature()) instanceof Range range && range.getMax() != null) {
        end = written.quantity() == range.getMax() ? End.MAX : End.MIN;
      }
      parameters.put(written.name(), new Parameter(written.name(), written.owner(), written.feature(), end));
    }
    for (EObject root : roots(experiment)) {
      List<EObject> elements = new ArrayList<>();
      elements.add(root);
      root.eAllContents().forEachRemaining(elements::add);
      for (EObject element : elements) {
        if (element instanceof Quantity || element instanceof Range || insideSweep(element)) {
          continue;
        }
        for (EReference feature : element.eClass().getEAllContainments()) {
          if (SpecQuantities.kindOf(feature) != null && element.eGet(feature) == null) {
            String prefix = ParameterNames.prefix(experiment, element);
            String name = prefix.isEmpty() ? feature.getName() : prefix + "." + feature.getName();
            parameters.putIfAbsent(name, new Parameter(name, element, feature, End.BOTH));
          }
        }
      }
    }
    return Collections.unmodifiableMap(agreeWithBuilder(experiment, parameters));
  }

  /**
   * The generated code is the authority on which parameters exist: keep the names it asks for (and
   * only those), adding the ones this class cannot locate in the AST (e.g. defaults of an implicit
   * initial state) without a feature. A spec the builder cannot read yet keeps the AST's view.
   */
  private static Map<String, Parameter> agreeWithBuilder(Experiment experiment, Map<String, Parameter> parameters) {
    Parameters asked = Parameters.defaults();
    try {
      ExperimentBuilder.build(experiment, asked);
    } catch (RuntimeException e) {
      return parameters; // reported by other checks; meanwhile keep what the AST says
    }
    Map<String, Parameter> agreed = new LinkedHashMap<>();
    for (String name : asked.used().keySet()) {
      agreed.put(name, parameters.getOrDefault(name, new Parameter(name, experiment, null, End.BOTH)));
    }
    return agreed;
  }

  /** The perturbations an experiment uses: its own, then top-level ones its phases train under. */
  public static List<Perturbation> perturbations(Experiment experiment) {
    List<Perturbation> perturbations = new ArrayList<>(experiment.getPerturbations());
    for (Phase phase : experiment.getPhases()) {
      Perturbation under = phase.getUnder();
      if (under != null && !under.eIsProxy() && !perturbations.contains(under)) {
        perturbations.add(under);
      }
    }
    return perturbations;
  }

  private static List<EObject> roots(Experiment experiment) {
    List<EObject> roots = new ArrayList<>();
    roots.add(experiment);
    addIfOutside(roots, experiment, Experiments.network(experiment));
    addIfOutside(roots, experiment, Experiments.task(experiment));
    addIfOutside(roots, experiment, Experiments.loss(experiment));
    for (Perturbation perturbation : perturbations(experiment)) {
      addIfOutside(roots, experiment, perturbation);
    }
    return roots;
  }

  private static void addIfOutside(List<EObject> roots, Experiment experiment, EObject element) {
    if (element != null && element.eContainer() != experiment) {
      roots.add(element);
    }
  }

  private static boolean insideSweep(EObject element) {
    for (EObject container = element; container != null; container = container.eContainer()) {
      if (container instanceof Sweep) {
        return true;
      }
    }
    return false;
  }
}

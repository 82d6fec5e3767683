package org.motorlearn.dsl.scoping;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.util.Experiments;

/**
 * Which names a reference can see.
 * <ul>
 *   <li>Modules, inputs and readouts (in {@code connect}, {@code input ... ->}, {@code readout ... from},
 *       plastic sets, penalties, {@code analysis ... on}): those of the enclosing network, or of the
 *       experiment's network (inline or referenced). A top-level loss, which belongs to no experiment,
 *       sees the modules of every network visible in its file.</li>
 *   <li>Phases ({@code from}, {@code compare ... with}): the phases of the same experiment.</li>
 *   <li>Networks, tasks, losses, perturbations: the top-level declarations of this file and of the
 *       files it imports; perturbations also those defined inside the same experiment (these win).</li>
 * </ul>
 */
public class MotorLearnScopeProvider extends AbstractMotorLearnScopeProvider {

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  @Inject
  private IGlobalScopeProvider globalScopeProvider;

  @Override
  public IScope getScope(EObject context, EReference reference) {
    EClass type = reference.getEReferenceType();
    if (type == ML.getModule() || type == ML.getNode() || type == ML.getReadout()) {
      return Scopes.scopeFor(nodes(networksFor(context, reference), type));
    }
    if (type == ML.getPhase()) {
      Experiment experiment = Experiments.experimentOf(context);
      return experiment == null ? IScope.NULLSCOPE : Scopes.scopeFor(experiment.getPhases());
    }
    if (type == ML.getNetwork() || type == ML.getTask() || type == ML.getLoss() || type == ML.getPerturbation()) {
      IScope scope = topLevel(context, reference);
      Experiment experiment = Experiments.experimentOf(context);
      if (type == ML.getPerturbation() && experiment != null) {
        scope = Scopes.scopeFor(experiment.getPerturbations(), scope);
      }
      return scope;
    }
    return super.getScope(context, reference);
  }

  /** Top-level declarations of the given type: this file's, in front of the imported files'. */
  private IScope topLevel(EObject context, EReference reference) {
    IScope imported = globalScopeProvider.getScope(context.eResource(), reference, null);
    List<EObject> local = new ArrayList<>();
    EObject root = EcoreUtil2.getRootContainer(context);
    if (root instanceof Model) {
      for (Element element : ((Model) root).getElements()) {
        if (reference.getEReferenceType().isInstance(element)) {
          local.add(element);
        }
      }
    }
    return Scopes.scopeFor(local, imported);
  }

  private List<Network> networksFor(EObject context, EReference reference) {
    List<Network> networks = Experiments.networksOf(context);
    if (!networks.isEmpty() || Experiments.experimentOf(context) != null) {
      return networks;
    }
    // a top-level loss (or other declaration outside an experiment): every visible network
    for (IEObjectDescription description : topLevel(context, ML.getExperiment_NetworkRef()).getAllElements()) {
      EObject network = EcoreUtil.resolve(description.getEObjectOrProxy(), context);
      if (network instanceof Network && !network.eIsProxy() && !networks.contains(network)) {
        networks.add((Network) network);
      }
    }
    return networks;
  }

  private static List<EObject> nodes(List<Network> networks, EClass type) {
    List<EObject> nodes = new ArrayList<>();
    for (Network network : networks) {
      if (type == ML.getModule() || type == ML.getNode()) {
        nodes.addAll(network.getModules());
      }
      if (type == ML.getNode()) {
        nodes.addAll(network.getInputs());
      }
      if (type == ML.getReadout() || type == ML.getNode()) {
        nodes.addAll(network.getReadouts());
      }
    }
    return nodes;
  }
}

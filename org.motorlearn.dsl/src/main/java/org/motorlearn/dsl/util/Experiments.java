package org.motorlearn.dsl.util;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Task;

/**
 * An experiment either defines its network, task and loss inline or refers to top-level
 * declarations by name; these helpers return whichever it has (resolving the reference), or null.
 */
public final class Experiments {

  private Experiments() {
  }

  /** The experiment's network: inline ({@code network Cortex { ... }}) or referenced ({@code network Cortex}). */
  public static Network network(Experiment experiment) {
    if (experiment.getNetwork() != null) {
      return experiment.getNetwork();
    }
    return resolved(experiment.getNetworkRef());
  }

  /** The experiment's task, inline or referenced. */
  public static Task task(Experiment experiment) {
    if (experiment.getTask() != null) {
      return experiment.getTask();
    }
    return resolved(experiment.getTaskRef());
  }

  /** The experiment's loss, inline or referenced; null means the reference loss of MODEL.md. */
  public static Loss loss(Experiment experiment) {
    if (experiment.getLoss() != null) {
      return experiment.getLoss();
    }
    return resolved(experiment.getLossRef());
  }

  /** The experiment an element belongs to, or null for a top-level declaration outside experiments. */
  /** The experiments a spec file declares, in the order written (none for a file that did not parse). */
  public static List<Experiment> declaredIn(Resource resource) {
    if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
      return List.of();
    }
    return model.getElements().stream().filter(Experiment.class::isInstance).map(Experiment.class::cast).toList();
  }

  public static Experiment experimentOf(EObject element) {
    return EcoreUtil2.getContainerOfType(element, Experiment.class);
  }

  /** Networks whose modules an element may name: its own network, its experiment's, or none. */
  public static List<Network> networksOf(EObject element) {
    List<Network> networks = new ArrayList<>();
    Network own = EcoreUtil2.getContainerOfType(element, Network.class);
    if (own != null) {
      networks.add(own);
      return networks;
    }
    Experiment experiment = experimentOf(element);
    if (experiment != null) {
      Network network = network(experiment);
      if (network != null) {
        networks.add(network);
      }
    }
    return networks;
  }

  private static <T extends EObject> T resolved(T object) {
    return object == null || object.eIsProxy() ? null : object;
  }
}

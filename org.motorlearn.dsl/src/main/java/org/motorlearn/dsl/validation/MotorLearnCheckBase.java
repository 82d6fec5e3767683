package org.motorlearn.dsl.validation;

import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Network;

/**
 * Common ground of the validators of one area (names, settings, network, ...). They are composed
 * into {@link MotorLearnValidator}, which alone registers itself.
 */
public abstract class MotorLearnCheckBase extends AbstractDeclarativeValidator {

  protected static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  @Override
  protected List<EPackage> getEPackages() {
    return List.of(MotorLearnPackage.eINSTANCE);
  }

  @Override
  public void register(EValidatorRegistrar registrar) {
    // composed into MotorLearnValidator, never registered on its own
  }

  /** Whether a reference resolved (a misspelt name leaves a proxy, a syntax error null). */
  protected static boolean resolved(EObject object) {
    return object != null && !object.eIsProxy();
  }

  /**
   * Whether the graph of the network may be incomplete: an edge (an input's target, an end of a
   * connection, a readout's source) does not resolve, or the parser could not read all of the
   * network's text. That error says what is wrong; a conclusion about the graph drawn without the
   * edge would be a guess ("M1 receives no input" when "connect PMd -> M2" meant M1).
   */
  protected static boolean hasUnresolvedEdge(Network network) {
    return network.getInputs().stream().flatMap(input -> input.getTargets().stream()).anyMatch(m -> !resolved(m))
        || network.getConnections().stream().anyMatch(c -> !resolved(c.getSource()) || !resolved(c.getTarget()))
        || network.getReadouts().stream().anyMatch(readout -> !resolved(readout.getSource()))
        || hasSyntaxError(network);
  }

  /** Whether the parser reported an error inside the object's text. */
  protected static boolean hasSyntaxError(EObject object) {
    ICompositeNode node = NodeModelUtils.getNode(object);
    if (node == null) {
      return false;
    }
    for (org.eclipse.xtext.nodemodel.INode part : node.getAsTreeIterable()) {
      if (part.getSyntaxErrorMessage() != null) {
        return true;
      }
    }
    return false;
  }

  /** Reports a finding of the numeric rules at its own place. */
  protected void report(Finding finding) {
    if (finding.error()) {
      error(finding.message(), finding.object(), finding.feature(), finding.index(), finding.code());
    } else {
      warning(finding.message(), finding.object(), finding.feature(), finding.index(), finding.code());
    }
  }

  /** Reports findings that lie in the file being validated (others are reported where they are). */
  protected void reportLocal(List<Finding> findings, EObject scope) {
    for (Finding finding : findings) {
      if (finding.object().eResource() == scope.eResource()) {
        report(finding);
      }
    }
  }

  /** "line 3" of an element, for messages that point at a second place. */
  protected static String lineOf(EObject object) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
    return node == null ? "?" : Integer.toString(node.getStartLine());
  }

  /**
   * Warns at each entry of a list setting that an earlier entry already names ("on A, A"): it adds
   * nothing, and the spec reads as if it meant something else. Unresolved names have their own error.
   */
  protected void repeatedEntries(EObject owner, EStructuralFeature list, String keyword, String kind) {
    List<?> entries = (List<?>) owner.eGet(list);
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      if (entry == null || entry instanceof EObject object && object.eIsProxy() || entries.subList(0, i).indexOf(entry) < 0) {
        continue;
      }
      String name = entry instanceof EObject object ? String.valueOf(object.eGet(object.eClass().getEStructuralFeature("name")))
          : entry.toString();
      warning(kind + " " + name + " is listed twice after '" + keyword + "' " + in(owner) + "; remove it", owner, list, i,
          IssueCodes.DUPLICATE_ENTRY);
    }
  }

  /** "in phase ad", "in the analysis": where an unnamed block is, for messages. */
  protected static String in(EObject object) {
    String description = describe(object);
    return description.contains(" ") ? "in " + description : "in the " + description;
  }

  /** "initial state" for initialState, "network" for networkRef: how a feature's setting reads in a spec. */
  protected static String settingWords(EStructuralFeature feature) {
    String name = feature.getName();
    switch (name) {
      case "networkRef": return "network";
      case "taskRef": return "task";
      case "lossRef": return "loss";
      case "beta1": case "beta2": return "betas";
      case "noiseScale": return "noise robustness";
      case "noiseRepeats": return "repeats";
      case "trajectories": return "trajectories from";
      case "bias": return "with bias";
      case "noBias": return "without bias";
      case "recurrentInit": return "recurrent init";
      case "init": return "init";
      case "size": return "dimension";
      case "cue": return "cue at";
      case "go": return "go at";
      case "density": return "sparse";
      default:
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }
  }

  /** "module PMd", "phase initial", "loss": how a block is named in messages. */
  protected static String describe(EObject object) {
    String kind = object.eClass().getName().toLowerCase();
    EStructuralFeature name = object.eClass().getEStructuralFeature("name");
    Object value = name == null ? null : object.eGet(name);
    return value instanceof String && !((String) value).isEmpty() ? kind + " " + value : kind;
  }
}

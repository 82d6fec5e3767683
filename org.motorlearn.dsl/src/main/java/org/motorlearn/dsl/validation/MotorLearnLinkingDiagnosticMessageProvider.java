package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;

/**
 * Unknown references ({@code connect PMd -> M2}, {@code from intial}): says what kind of thing was
 * expected, suggests the closest known name and lists every name that would fit there. When nothing
 * of the kind is known and the file has a syntax error, nothing is said: the parser's recovery most
 * likely lost the declarations, and the syntax error is the one to fix.
 */
public class MotorLearnLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  @Inject
  private IScopeProvider scopeProvider;

  @Override
  public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
    EClass type = context.getReference().getEReferenceType();
    String kind = kind(type);
    Set<String> candidates = new LinkedHashSet<>();
    try {
      IScope scope = scopeProvider.getScope(context.getContext(), context.getReference());
      for (IEObjectDescription description : scope.getAllElements()) {
        candidates.add(description.getName().toString());
      }
    } catch (RuntimeException e) {
      // no candidates to offer; the message below still names what is unknown
    }
    if (candidates.isEmpty() && hasSyntaxError(context.getContext())) {
      // nothing of the kind was read at all: the parser most likely lost the block that declares it
      // (its syntax error says where); an "unknown" name here would only add noise
      return null;
    }
    String name = context.getLinkText();
    StringBuilder message = new StringBuilder("unknown " + kind + " '" + name + "'; ");
    message.append(Suggestions.didYouMean(name, candidates));
    if (candidates.isEmpty()) {
      message.append(none(type));
    } else {
      message.append("known ").append(plural(type)).append(": ").append(String.join(", ", new ArrayList<>(candidates)));
    }
    return new DiagnosticMessage(message.toString(), Severity.ERROR, IssueCodes.UNRESOLVED_REFERENCE);
  }

  private static boolean hasSyntaxError(org.eclipse.emf.ecore.EObject object) {
    return object.eResource() != null
        && object.eResource().getErrors().stream().anyMatch(org.eclipse.xtext.resource.XtextSyntaxDiagnostic.class::isInstance);
  }

  private static String kind(EClass type) {
    if (type == ML.getNode()) {
      return "module, input or readout";
    }
    return type.getName().toLowerCase();
  }

  private static String plural(EClass type) {
    if (type == ML.getNode()) {
      return "modules, inputs and readouts";
    }
    return type.getName().toLowerCase() + "s";
  }

  private static String none(EClass type) {
    if (type == ML.getPhase()) {
      return "this experiment declares no phases";
    }
    if (type == ML.getModule() || type == ML.getNode() || type == ML.getReadout()) {
      return "there are no " + plural(type) + " in the network here";
    }
    return "no " + kind(type) + " is declared in this file or in the files it imports; declare one or import its file";
  }
}

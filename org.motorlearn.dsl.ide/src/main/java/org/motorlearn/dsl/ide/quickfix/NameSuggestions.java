package org.motorlearn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.motorlearn.dsl.validation.Suggestions;

/**
 * Names that a misspelt reference probably meant: the names in scope at that reference (so only
 * modules where a module is expected), closest first, within the language's typo distance
 * (the one its "did you mean" messages use).
 */
final class NameSuggestions {
  private static final int MAX_SUGGESTIONS = 3;

  private NameSuggestions() {
  }

  /** Suggestions for the cross reference at {@code offset}; empty when there is none there. */
  static List<String> forReferenceAt(XtextResource resource, int offset, String written) {
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
    CrossReference crossReference = leaf == null ? null : crossReferenceOf(leaf);
    if (crossReference == null) {
      return List.of();
    }
    EObject context = NodeModelUtils.findActualSemanticObjectFor(leaf);
    EReference reference = GrammarUtil.getReference(crossReference, context.eClass());
    if (reference == null) {
      return List.of();
    }
    IScope scope = resource.getResourceServiceProvider().get(IScopeProvider.class).getScope(context, reference);
    Set<String> names = new LinkedHashSet<>();
    for (IEObjectDescription description : scope.getAllElements()) {
      names.add(description.getName().toString());
    }
    return closest(written, names);
  }

  static List<String> closest(String written, Iterable<String> candidates) {
    List<String> similar = new ArrayList<>();
    for (String candidate : candidates) {
      if (!candidate.equals(written) && distance(written, candidate) <= Math.max(2, written.length() / 3)) {
        similar.add(candidate);
      }
    }
    similar.sort(Comparator.comparingInt((String candidate) -> distance(written, candidate))
        .thenComparing(Comparator.naturalOrder()));
    return similar.size() > MAX_SUGGESTIONS ? similar.subList(0, MAX_SUGGESTIONS) : similar;
  }

  private static int distance(String a, String b) {
    return Suggestions.editDistance(a.toLowerCase(), b.toLowerCase());
  }

  private static CrossReference crossReferenceOf(ILeafNode leaf) {
    INode node = leaf;
    while (node != null) {
      EObject element = node.getGrammarElement();
      if (element instanceof CrossReference crossReference) {
        return crossReference;
      }
      if (element != null && GrammarUtil.containingCrossReference(element) != null) {
        return GrammarUtil.containingCrossReference(element);
      }
      node = node.getParent();
    }
    return null;
  }
}

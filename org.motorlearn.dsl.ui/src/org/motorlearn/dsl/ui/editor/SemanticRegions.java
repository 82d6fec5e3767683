package org.motorlearn.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Semantic highlighting: which text spans name a declaration (module PMd, phase Hlocal) and which
 * refer to one (connect PMd -> M1). Computed from the node model, so it follows the grammar.
 */
public final class SemanticRegions {

  /** A styled span of the document. */
  public record Region(int offset, int length, String style) {
  }

  private SemanticRegions() {
  }

  public static List<Region> compute(XtextResource resource) {
    List<Region> regions = new ArrayList<>();
    IParseResult result = resource.getParseResult();
    if (result == null || result.getRootNode() == null) {
      return regions;
    }
    for (ILeafNode leaf : result.getRootNode().getLeafNodes()) {
      if (leaf.isHidden() || leaf.getLength() == 0) {
        continue;
      }
      String style = styleOf(leaf);
      if (style != null) {
        regions.add(new Region(leaf.getOffset(), leaf.getLength(), style));
      }
    }
    return regions;
  }

  private static String styleOf(ILeafNode leaf) {
    EObject grammarElement = grammarElementOf(leaf);
    if (grammarElement == null) {
      return null;
    }
    if (GrammarUtil.containingCrossReference(grammarElement) != null || grammarElement instanceof CrossReference) {
      return SpecColors.REFERENCE;
    }
    Assignment assignment = GrammarUtil.containingAssignment(grammarElement);
    if (assignment != null && "name".equals(assignment.getFeature())) {
      return SpecColors.DECLARATION;
    }
    return null;
  }

  /** The grammar element a leaf was parsed by, looking through datatype rules such as Name. */
  private static EObject grammarElementOf(ILeafNode leaf) {
    INode node = leaf;
    while (node != null) {
      EObject element = node.getGrammarElement();
      if (element != null && (GrammarUtil.containingAssignment(element) != null
          || GrammarUtil.containingCrossReference(element) != null || element instanceof CrossReference)) {
        return element;
      }
      node = node.getParent();
      if (node != null && node.getSemanticElement() != leaf.getSemanticElement()) {
        return null;
      }
    }
    return null;
  }
}

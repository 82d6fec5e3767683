package org.motorlearn.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Import;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Sweep;

/**
 * The outline's structure: which elements are shown (declarations and blocks, not settings) and
 * how they read. A label is the element's own header as written ("connect Upstream -> PMd sparse
 * 0.2", "phase Hlocal from initial under VR30"), so it never disagrees with the text.
 */
public final class Outlines {
  private static final int MAX_LABEL = 90;

  private Outlines() {
  }

  public static boolean isShown(EObject element) {
    return element instanceof Import || element instanceof Element || element instanceof Module
        || element instanceof Input || element instanceof Connection || element instanceof Readout
        || element instanceof Phase || element instanceof Analysis || element instanceof Sweep;
  }

  public static List<EObject> children(EObject element) {
    List<EObject> children = new ArrayList<>();
    for (EObject child : element.eContents()) {
      if (isShown(child)) {
        children.add(child);
      }
    }
    return children;
  }

  /**
   * The element's text up to its opening brace, on one line, spaced as written but with comments and
   * line breaks folded into single spaces: "module PMd", "input cue (3) -> Upstream, PMd".
   */
  public static String header(EObject element) {
    ICompositeNode node = NodeModelUtils.getNode(element);
    if (node == null) {
      return element.eClass().getName();
    }
    StringBuilder label = new StringBuilder();
    boolean pendingSpace = false;
    for (ILeafNode leaf : node.getLeafNodes()) {
      if (leaf.isHidden()) {
        pendingSpace = label.length() > 0;
        continue;
      }
      if (leaf.getGrammarElement() instanceof Keyword keyword && "{".equals(keyword.getValue())) {
        break;
      }
      if (pendingSpace) {
        label.append(' ');
        pendingSpace = false;
      }
      label.append(leaf.getText());
      if (label.length() > MAX_LABEL) {
        return label.substring(0, MAX_LABEL) + "...";
      }
    }
    return label.toString().strip();
  }
}

package org.motorlearn.dsl.model;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Documentation comments of a spec: a {@code /** ... *}{@code /} comment directly before an element
 * (only white space between) documents it. Plain {@code /* *}{@code /} and {@code //} comments are
 * not documentation.
 */
public final class DocComments {

  private DocComments() {
  }

  /** The text of the element's documentation comment without its markers, or "" if it has none. */
  public static String of(EObject element) {
    ICompositeNode node = NodeModelUtils.getNode(element);
    if (node == null) {
      return "";
    }
    // Hidden tokens before an element belong to its first leaf: walk the leaves up to the first real token.
    String comment = null;
    for (ILeafNode leaf : node.getLeafNodes()) {
      if (!leaf.isHidden()) {
        break;
      }
      String text = leaf.getText();
      if (text.startsWith("/*")) {
        comment = text;
      } else if (text.startsWith("//")) {
        comment = null;
      }
    }
    if (comment == null) {
      comment = precedingComment(node);
    }
    return comment != null && comment.startsWith("/**") && !comment.equals("/**/") ? strip(comment) : "";
  }

  /** Xtext may attach the comment to the previous sibling instead: look back over hidden leaves. */
  private static String precedingComment(INode node) {
    INode previous = node.getPreviousSibling();
    while (previous instanceof ILeafNode leaf && leaf.isHidden()) {
      String text = leaf.getText();
      if (text.startsWith("/*")) {
        return text;
      }
      if (text.startsWith("//")) {
        return null;
      }
      previous = previous.getPreviousSibling();
    }
    return null;
  }

  private static String strip(String comment) {
    String body = comment.substring(3, comment.length() - 2);
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("*")) {
        trimmed = trimmed.substring(1).strip();
      }
      lines.add(trimmed);
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}

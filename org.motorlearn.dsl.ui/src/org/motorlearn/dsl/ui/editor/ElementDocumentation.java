package org.motorlearn.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;
import org.motorlearn.dsl.ui.outline.Outlines;

/**
 * What the thing under the caret means: the keyword's documentation (keywords.properties), the
 * element it declares or refers to (its header and its doc comment), and derived quantities.
 */
public final class ElementDocumentation {
  private static final Properties KEYWORDS = load();

  private ElementDocumentation() {
  }

  /** Plain text for a hover at {@code offset}, or null when there is nothing to say. */
  public static String at(XtextResource resource, int offset) {
    IParseResult result = resource.getParseResult();
    if (result == null || result.getRootNode() == null) {
      return null;
    }
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(result.getRootNode(), offset);
    if (leaf == null || leaf.isHidden()) {
      return null;
    }
    List<String> sections = new ArrayList<>();
    if (leaf.getGrammarElement() instanceof Keyword keyword) {
      String documentation = KEYWORDS.getProperty(keyword.getValue());
      if (documentation != null) {
        sections.add(keyword.getValue() + ": " + documentation);
      }
    }
    EObject element = new EObjectAtOffsetHelper().resolveElementAt(resource, offset);
    if (element != null && !element.eIsProxy()) {
      sections.add(Outlines.header(element));
      String comment = MotorLearnLanguage.get(IEObjectDocumentationProvider.class).getDocumentation(element);
      if (comment != null && !comment.isBlank()) {
        sections.add(comment.strip());
      }
      sections.addAll(DerivedQuantities.of(element));
    }
    return sections.isEmpty() ? null : String.join("\n\n", sections);
  }

  /** The keyword's documentation, or null (for tests and content assist). */
  public static String keyword(String keyword) {
    return KEYWORDS.getProperty(keyword);
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = ElementDocumentation.class.getResourceAsStream("keywords.properties")) {
      if (in != null) {
        properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("keywords.properties of the MotorLearn editor is unreadable", e);
    }
    return properties;
  }

  /** The node of an element, for callers that show where it is. */
  static ICompositeNode node(EObject element) {
    return NodeModelUtils.getNode(element);
  }
}

package org.motorlearn.dsl.ide.hover;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.motorlearn.dsl.ide.documentation.KeywordDocumentation;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.util.ParameterNames;

/**
 * Hover texts: on a keyword, its documentation ({@link KeywordDocumentation}); on a declaration or a
 * reference to one, a title, the element's own documentation comment and the quantities derived from
 * it ({@link DerivedQuantities}): a = dt/tau for a module, the parameter count of a network, the
 * training memory of a phase; on a number, the parameter it is (the name --set and sweeps take).
 */
public class MotorLearnHoverService extends HoverService {

  @Inject
  private DocumentExtensions documentExtensions;

  @Inject
  private IEObjectDocumentationProvider documentationProvider;

  @Override
  public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
    int offset = document.getOffSet(params.getPosition());
    Keyword keyword = keywordAt(resource, offset);
    if (keyword != null) {
      String text = KeywordDocumentation.get().of(keyword);
      if (text != null) {
        ILeafNode leaf = leafAt(resource, offset);
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text),
            documentExtensions.newRange(resource, leaf.getTextRegion()));
      }
    }
    ILeafNode leaf = leafAt(resource, offset);
    EObject at = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
    if (at instanceof Quantity quantity) {
      ParameterNames.Parameter parameter = ParameterNames.of(quantity);
      if (parameter != null) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, parameterText(parameter)),
            documentExtensions.newRange(resource, NodeModelUtils.getNode(quantity).getTextRegion()));
      }
    }
    return super.hover(document, resource, params, cancelIndicator);
  }

  /** On a number: the parameter it is, and how to change it without editing the spec. */
  static String parameterText(ParameterNames.Parameter parameter) {
    String name = parameter.name();
    String unit = parameter.quantity().getUnit();
    return "**parameter** `" + name + "`\n\nChange it without editing the spec: `--set " + name + "=VALUE`"
        + (unit == null || "bin".equals(unit) ? "" : " (VALUE in " + unit + ", the unit written here)")
        + ", or sweep it: `sweep " + name + " in ...`. `motorlearn parameters FILE` lists them all.";
  }

  @Override
  public String getContents(EObject element) {
    List<String> parts = new ArrayList<>();
    String title = title(element);
    if (title != null) {
      parts.add(title);
    }
    String comment = element == null ? null : documentationProvider.getDocumentation(element);
    if (comment != null && !comment.isBlank()) {
      parts.add(comment.strip());
    }
    parts.addAll(derived(element));
    return String.join("\n\n", parts);
  }

  /** "**module** `PMd`": what the element is and its name; null for elements without a name. */
  private static String title(EObject element) {
    if (element == null) {
      return null;
    }
    EStructuralFeature nameFeature = element.eClass().getEStructuralFeature("name");
    Object name = nameFeature == null ? null : element.eGet(nameFeature);
    if (!(name instanceof String)) {
      return null;
    }
    return "**" + element.eClass().getName().toLowerCase(Locale.ROOT) + "** `" + name + "`";
  }

  private static List<String> derived(EObject element) {
    List<String> lines = new ArrayList<>();
    if (element instanceof Module module) {
      DerivedQuantities.EulerStep step = DerivedQuantities.eulerStep(module);
      if (step != null) {
        lines.add("Euler step: " + step.describe());
      }
    } else if (element instanceof Network network) {
      Long count = DerivedQuantities.parameterCount(network);
      if (count != null) {
        lines.add(String.format(Locale.ROOT, "Parameters: %,d", count));
      }
    } else if (element instanceof Phase phase) {
      DerivedQuantities.TrainingMemory memory = DerivedQuantities.trainingMemory(phase);
      if (memory != null) {
        lines.add("Estimated training memory: " + memory.describe());
      }
    }
    return lines;
  }

  /** The keyword under the cursor, unless the word is used as a name there ({@code phase initial}). */
  private static Keyword keywordAt(XtextResource resource, int offset) {
    ILeafNode leaf = leafAt(resource, offset);
    if (leaf == null || !(leaf.getGrammarElement() instanceof Keyword keyword)) {
      return null;
    }
    AbstractRule rule = GrammarUtil.containingRule(keyword);
    if (rule != null && "Name".equals(rule.getName())) {
      return null;
    }
    return keyword;
  }

  private static ILeafNode leafAt(XtextResource resource, int offset) {
    if (resource.getParseResult() == null) {
      return null;
    }
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
    if (leaf != null && leaf.isHidden() && leaf.getOffset() == offset && offset > 0) {
      // the cursor just after a word: the word is meant
      leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset - 1);
    }
    return leaf == null || leaf.isHidden() ? null : leaf;
  }
}

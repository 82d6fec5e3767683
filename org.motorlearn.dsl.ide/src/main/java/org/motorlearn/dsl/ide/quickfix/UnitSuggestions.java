package org.motorlearn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.units.SpecQuantities;

/**
 * The units a number without unit (or with the wrong one) may take, from the language's own table of what each setting
 * expects ({@link SpecQuantities#kindOf}): the unit of the kind's example first ("50 ms" for a time),
 * then the others its description lists ("a time (ms, s or bins)").
 */
final class UnitSuggestions {

  private UnitSuggestions() {
  }

  static List<String> forQuantityAt(XtextResource resource, int offset) {
    Quantity quantity = quantityAt(resource, offset);
    if (quantity == null) {
      return List.of();
    }
    EObject setting = quantity.eContainer() instanceof Range range ? range : quantity;
    EStructuralFeature feature = setting.eContainingFeature();
    SpecQuantities.Kind kind = feature == null ? null : SpecQuantities.kindOf(feature);
    return kind == null ? List.of() : units(kind);
  }

  /** The number of the quantity at {@code offset} as written ("50" of "50 cm" or of "bin 50"), or null. */
  static String valueAt(XtextResource resource, int offset) {
    Quantity quantity = quantityAt(resource, offset);
    List<INode> nodes = quantity == null ? List.of()
        : NodeModelUtils.findNodesForFeature(quantity, MotorLearnPackage.Literals.QUANTITY__VALUE);
    return nodes.isEmpty() ? null : NodeModelUtils.getTokenText(nodes.get(0));
  }

  private static Quantity quantityAt(XtextResource resource, int offset) {
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
    EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
    return element == null ? null : EcoreUtil2.getContainerOfType(element, Quantity.class);
  }

  static List<String> units(SpecQuantities.Kind kind) {
    Set<String> units = new LinkedHashSet<>();
    String[] example = kind.example().split(" ");
    if (example.length == 2) {
      units.add(example[1]);
    }
    String description = kind.description();
    int open = description.indexOf('(');
    int close = description.indexOf(')', open + 1);
    if (open >= 0 && close > open) {
      for (String unit : description.substring(open + 1, close).split(",| or ")) {
        String word = unit.strip();
        if (!word.isEmpty() && !word.contains(" ")) {
          units.add(word);
        }
      }
    }
    return new ArrayList<>(units);
  }
}

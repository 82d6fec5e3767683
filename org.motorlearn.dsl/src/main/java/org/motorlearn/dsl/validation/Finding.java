package org.motorlearn.dsl.validation;

import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * A problem found by a rule that reads effective settings ({@link NumericRules}): where it is, and which
 * assigned parameters (sweep values) it read, so a sweep point's problem can be reported at the sweep value.
 *
 * @param feature the wrong feature of {@code object}, or null for the object as a whole
 * @param index the position in a many-valued feature, or -1
 * @param assigned the overridden parameters the rule read, in the order read (empty when checking the spec as written)
 */
public record Finding(boolean error, String code, String message, EObject object, EStructuralFeature feature, int index,
    List<String> assigned) {
}

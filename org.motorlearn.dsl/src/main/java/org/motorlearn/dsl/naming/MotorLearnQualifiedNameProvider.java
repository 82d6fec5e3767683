package org.motorlearn.dsl.naming;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

/**
 * Every named element is known by its simple name ({@code PMd}, not {@code Cortex.PMd}). Which
 * elements a reference may see is decided by the scope provider, not by qualification.
 */
public class MotorLearnQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

  @Override
  public QualifiedName getFullyQualifiedName(EObject object) {
    EStructuralFeature feature = object.eClass().getEStructuralFeature("name");
    if (!(feature instanceof EAttribute) || feature.getEType().getInstanceClass() != String.class) {
      return null;
    }
    Object name = object.eGet(feature);
    if (!(name instanceof String) || ((String) name).isEmpty()) {
      return null;
    }
    return QualifiedName.create((String) name);
  }
}

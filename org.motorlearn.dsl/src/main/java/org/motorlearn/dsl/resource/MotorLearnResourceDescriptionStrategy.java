package org.motorlearn.dsl.resource;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.motorlearn.dsl.motorLearn.Model;

/**
 * Exports only the top-level declarations of a file (networks, tasks, perturbations, losses,
 * experiments): these are what {@code import} makes visible elsewhere. Modules, phases and other
 * nested elements are local to their network or experiment.
 */
public class MotorLearnResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

  @Override
  public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
    if (object instanceof Model) {
      return true;
    }
    if (object.eContainer() instanceof Model) {
      super.createEObjectDescriptions(object, acceptor);
    }
    return false;
  }
}

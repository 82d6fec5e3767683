package org.motorlearn.dsl.ide.symbols;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.units.SpecQuantities;

/** The short detail next to an outline entry: a module's size and activation, a phase's origin. */
public class MotorLearnSymbolDetails extends DocumentSymbolDetailsProvider {

  @Override
  public String getDetails(EObject object) {
    if (object instanceof Module module && module.getUnits() != null) {
      return SpecQuantities.format(module.getUnits()) + " units, " + module.getActivation().getLiteral();
    }
    if (object instanceof Phase phase) {
      List<String> parts = new ArrayList<>();
      if (phase.getFrom() != null && !phase.getFrom().eIsProxy()) {
        parts.add("from " + phase.getFrom().getName());
      }
      if (phase.getUnder() != null && !phase.getUnder().eIsProxy()) {
        parts.add("under " + phase.getUnder().getName());
      }
      return String.join(" ", parts);
    }
    return super.getDetails(object);
  }
}

package org.motorlearn.dsl.ide.symbols;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.motorLearn.Task;

/**
 * Names in the outline. Named declarations show their name; the parts of an experiment that have no
 * name of their own get one that says what they are: {@code Upstream -> PMd} for a projection,
 * {@code loss}, {@code analysis}, {@code sweep seed}.
 */
public class MotorLearnSymbolNames extends DocumentSymbolNameProvider {

  @Override
  public String getName(EObject object) {
    if (object instanceof Connection connection) {
      return nameOf(connection.getSource()) + " -> " + nameOf(connection.getTarget());
    }
    if (object instanceof Loss loss) {
      return loss.getName() == null ? "loss" : loss.getName();
    }
    if (object instanceof Analysis analysis) {
      return analysis.getName() == null ? "analysis" : analysis.getName();
    }
    if (object instanceof Sweep sweep) {
      List<String> parameters = new ArrayList<>();
      for (SweepAxis axis : sweep.getAxes()) {
        parameters.add(axis.getParameter());
      }
      return "sweep " + String.join(", ", parameters);
    }
    if (isDeclaration(object)) {
      return super.getName(object);
    }
    return null;
  }

  /** Elements with a name of their own that belong in the outline. */
  private static boolean isDeclaration(EObject object) {
    return object instanceof Element || object instanceof Network || object instanceof Module
        || object instanceof Input || object instanceof Readout
        || object instanceof Task || object instanceof Perturbation || object instanceof Phase;
  }

  private static String nameOf(Module module) {
    return module == null || module.eIsProxy() || module.getName() == null ? "?" : module.getName();
  }
}

package org.motorlearn.dsl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.NormalInit;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.UniformInit;

/** The network: its numbers, its connections, how activity flows from inputs to readouts, weight initialisations. */
public class NetworkValidator extends MotorLearnCheckBase {

  @Check
  public void checkNetworkNumbers(Network network) {
    NumericRules.network(network, EffectiveSettings.asWritten(network)).forEach(this::report);
  }

  @Check
  public void checkConnection(Connection connection) {
    Module source = connection.getSource();
    Module target = connection.getTarget();
    if (source == null || target == null || source.eIsProxy() || target.eIsProxy()) {
      return;
    }
    if (source == target) {
      warning("connect " + source.getName() + " -> " + target.getName() + " repeats the recurrent weights every module has ("
          + source.getName() + ".recurrent); remove it", connection, ML.getConnection_Target(), IssueCodes.SELF_CONNECTION);
      return;
    }
    Network network = (Network) connection.eContainer();
    for (Connection other : network.getConnections()) {
      if (other == connection) {
        return;
      }
      if (other.getSource() == source && other.getTarget() == target) {
        error("connect " + source.getName() + " -> " + target.getName() + " is already declared at line " + lineOf(other)
            + "; two modules are joined by one weight matrix: remove this line", connection, ML.getConnection_Target(),
            IssueCodes.DUPLICATE_CONNECTION);
        return;
      }
    }
  }

  @Check
  public void checkInputTargets(Input input) {
    Set<Module> seen = new HashSet<>();
    for (int i = 0; i < input.getTargets().size(); i++) {
      Module target = input.getTargets().get(i);
      if (!target.eIsProxy() && !seen.add(target)) {
        error("input " + input.getName() + " names " + target.getName() + " twice; remove the repetition", input,
            ML.getInput_Targets(), i, IssueCodes.DUPLICATE_INPUT_TARGET);
      }
    }
  }

  @Check
  public void checkReachability(Network network) {
    if (hasUnresolvedEdge(network)) {
      return;
    }
    Set<Module> fed = new LinkedHashSet<>();
    Deque<Module> work = new ArrayDeque<>();
    for (Input input : network.getInputs()) {
      work.addAll(input.getTargets());
    }
    while (!work.isEmpty()) {
      Module module = work.pop();
      if (module.eIsProxy() || !fed.add(module)) {
        continue;
      }
      for (Connection connection : network.getConnections()) {
        if (connection.getSource() == module && connection.getTarget() != null) {
          work.push(connection.getTarget());
        }
      }
    }
    Set<Module> read = new LinkedHashSet<>();
    for (Readout readout : network.getReadouts()) {
      if (readout.getSource() != null) {
        work.push(readout.getSource());
      }
    }
    while (!work.isEmpty()) {
      Module module = work.pop();
      if (module.eIsProxy() || !read.add(module)) {
        continue;
      }
      for (Connection connection : network.getConnections()) {
        if (connection.getTarget() == module && connection.getSource() != null) {
          work.push(connection.getSource());
        }
      }
    }
    for (Module module : network.getModules()) {
      if (module.getName() == null) {
        continue; // a syntax error already explains this module
      }
      if (!fed.contains(module)) {
        warning("module " + module.getName() + " receives no input, directly or through other modules, so its activity cannot "
            + "depend on the task; add it to an input's targets or connect a module to it", module, ML.getNode_Name(),
            IssueCodes.MODULE_UNREACHED);
      } else if (!read.contains(module)) {
        warning("module " + module.getName() + " reaches no readout, directly or through other modules, so it cannot affect "
            + "the output; connect it onward or read out from it", module, ML.getNode_Name(), IssueCodes.MODULE_WITHOUT_READOUT);
      }
    }
  }

  @Check
  public void checkInit(org.motorlearn.dsl.motorLearn.Init init) {
    if (init instanceof UniformInit uniform && uniform.getLow() != null && uniform.getHigh() != null
        && uniform.getLow().getValue() != null && uniform.getHigh().getValue() != null
        && uniform.getLow().getValue().compareTo(uniform.getHigh().getValue()) >= 0) {
      error("uniform(" + uniform.getLow().getValue().toPlainString() + ", " + uniform.getHigh().getValue().toPlainString()
          + ") is empty: the lower bound must be below the upper one, e.g. uniform(-0.05, 0.05)", init,
          ML.getUniformInit_High(), IssueCodes.INIT_INVALID);
    }
    if (init instanceof NormalInit normal && normal.getStd() != null && normal.getStd().getValue() != null
        && normal.getStd().getValue().signum() < 0) {
      error("the standard deviation of normal(...) must be 0 or more, e.g. normal(0, 0.05)", init, ML.getNormalInit_Std(),
          IssueCodes.INIT_INVALID);
    }
  }
}

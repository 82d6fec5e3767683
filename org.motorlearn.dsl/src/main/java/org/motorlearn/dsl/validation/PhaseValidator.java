package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.AllGroups;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Input;
import org.motorlearn.dsl.motorLearn.InputGroup;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Node;
import org.motorlearn.dsl.motorLearn.NoGroups;
import org.motorlearn.dsl.motorLearn.Optimizer;
import org.motorlearn.dsl.motorLearn.OptimizerKind;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.ProjectionGroup;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.ReadoutGroup;
import org.motorlearn.dsl.motorLearn.RecurrentGroup;
import org.motorlearn.dsl.motorLearn.WeightGroup;
import org.motorlearn.dsl.motorLearn.WeightGroups;
import org.motorlearn.dsl.util.Experiments;

/** Phases: where they start, what is plastic, the optimiser's settings. */
public class PhaseValidator extends MotorLearnCheckBase {

  @Check
  public void checkWeightGroup(WeightGroup group) {
    if (group instanceof InputGroup input && resolved(input.getModule())) {
      Module module = input.getModule();
      Network network = (Network) module.eContainer();
      List<String> fed = new ArrayList<>();
      for (Module other : network.getModules()) {
        if (network.getInputs().stream().anyMatch(in -> in.getTargets().contains(other))) {
          fed.add(other.getName() + ".input");
        }
      }
      if (!fed.contains(module.getName() + ".input")) {
        error(module.getName() + ".input names no weights: no input reaches " + module.getName() + " ("
            + (fed.isEmpty() ? "the network has no inputs" : "input weight groups: " + String.join(", ", fed))
            + "); add " + module.getName() + " to an input's targets or name another group", group, ML.getInputGroup_Module(),
            IssueCodes.UNKNOWN_WEIGHT_GROUP);
      }
    } else if (group instanceof RecurrentGroup recurrent && resolved(recurrent.getModule()) && recurrent.getModule().isNoRecurrence()) {
      error(recurrent.getModule().getName() + ".recurrent names no weights: module " + recurrent.getModule().getName()
          + " says 'no recurrence'", group, ML.getRecurrentGroup_Module(), IssueCodes.UNKNOWN_WEIGHT_GROUP);
    } else if (group instanceof ProjectionGroup projection && resolved(projection.getSource()) && resolved(projection.getTarget())) {
      checkProjection(projection);
    } else if (group instanceof ReadoutGroup readout && readout.getReadout() == null) {
      List<Network> networks = Experiments.networksOf(group);
      if (!networks.isEmpty() && networks.get(0).getReadouts().isEmpty()) {
        error("readout names no weights: network " + networks.get(0).getName() + " has no readout", group, null,
            IssueCodes.UNKNOWN_WEIGHT_GROUP);
      }
    }
  }

  @Check
  public void checkRepeatedWeightGroups(WeightGroups groups) {
    String keyword = settingWords(groups.eContainingFeature());
    EObject owner = groups.eContainer();
    List<AllGroups> all = groups.getGroups().stream().filter(AllGroups.class::isInstance).map(AllGroups.class::cast).toList();
    for (int i = 0; i < groups.getGroups().size(); i++) {
      WeightGroup group = groups.getGroups().get(i);
      List<Object> key = key(group);
      if (key == null) {
        continue;
      }
      String name = NodeModelUtils.getTokenText(NodeModelUtils.getNode(group));
      boolean twice = groups.getGroups().subList(0, i).stream().anyMatch(earlier -> key.equals(key(earlier)));
      // 'all' names every group but its exceptions: naming one of them again adds nothing
      boolean inAll = !(group instanceof AllGroups) && !(group instanceof NoGroups) && all.stream()
          .anyMatch(a -> a.getExcept().stream().allMatch(except -> key(except) != null && !key.equals(key(except))));
      if (twice) {
        warning(name + " is listed twice after '" + keyword + "' " + in(owner) + "; remove it", groups,
            ML.getWeightGroups_Groups(), i, IssueCodes.DUPLICATE_ENTRY);
      } else if (inAll) {
        warning(name + " is already included in 'all' after '" + keyword + "' " + in(owner) + "; remove it", groups,
            ML.getWeightGroups_Groups(), i, IssueCodes.DUPLICATE_ENTRY);
      }
    }
  }

  /** What a weight group names, to compare groups; null when a name does not resolve (its own error says so). */
  private static List<Object> key(WeightGroup group) {
    List<Object> key = new ArrayList<>();
    key.add(group.eClass());
    for (org.eclipse.emf.ecore.EReference reference : group.eClass().getEAllReferences()) {
      if (reference.isContainment()) {
        continue; // the exceptions of 'all': any two 'all' overlap
      }
      Object target = group.eGet(reference);
      if (target instanceof EObject object && object.eIsProxy()) {
        return null;
      }
      key.add(target);
    }
    return key;
  }

  private void checkProjection(ProjectionGroup projection) {
    Node source = projection.getSource();
    Node target = projection.getTarget();
    Network network = (Network) source.eContainer();
    List<String> groups = new ArrayList<>();
    boolean exists = false;
    for (Input input : network.getInputs()) {
      for (Module module : input.getTargets()) {
        if (resolved(module)) {
          groups.add(input.getName() + " -> " + module.getName());
          exists |= input == source && module == target;
        }
      }
    }
    for (Connection connection : network.getConnections()) {
      if (resolved(connection.getSource()) && resolved(connection.getTarget())) {
        groups.add(connection.getSource().getName() + " -> " + connection.getTarget().getName());
        exists |= connection.getSource() == source && connection.getTarget() == target;
      }
    }
    for (Readout readout : network.getReadouts()) {
      if (resolved(readout.getSource())) {
        groups.add(readout.getSource().getName() + " -> " + readout.getName());
        exists |= readout.getSource() == source && readout == target;
      }
    }
    // an edge that does not resolve may be the one meant: its own error says what is wrong
    if (!exists && !hasUnresolvedEdge(network)) {
      error(source.getName() + " -> " + target.getName() + " names no weights: it is no connection, input or readout of network "
          + network.getName() + "; its weight groups between nodes are: " + String.join(", ", groups), projection,
          ML.getProjectionGroup_Target(), IssueCodes.UNKNOWN_WEIGHT_GROUP);
    }
  }

  @Check
  public void checkPlasticity(Phase phase) {
    if (phase.getFrom() == null || phase.isEvaluateOnly() || phase.getPlastic() == null) {
      return;
    }
    boolean nothing = phase.getPlastic().getGroups().stream().allMatch(NoGroups.class::isInstance);
    if (nothing) {
      error("phase " + phase.getName() + " adapts from " + phase.getFrom().getName() + " but nothing is plastic: declare it "
          + "'evaluate only' to score the trained network unchanged, or name the weight groups that learn", phase,
          ML.getPhase_Plastic(), IssueCodes.ADAPTATION_WITHOUT_PLASTICITY);
    }
  }

  @Check
  public void checkEvaluateOnly(Phase phase) {
    if (!phase.isEvaluateOnly()) {
      return;
    }
    if (phase.getFrom() == null) {
      error("phase " + phase.getName() + " is 'evaluate only' but starts from no phase, so there is no trained network to "
          + "evaluate; add 'from <phase>'", phase, ML.getPhase_EvaluateOnly(), IssueCodes.EVALUATE_ONLY_WITHOUT_FROM);
    }
    EStructuralFeature[] training = {ML.getPhase_Optimizer(), ML.getPhase_Updates(), ML.getPhase_Batch(), ML.getPhase_Clip()};
    List<String> ignored = new ArrayList<>();
    EStructuralFeature first = null;
    if (phase.getPlastic() != null && !phase.getPlastic().getGroups().stream().allMatch(NoGroups.class::isInstance)) {
      ignored.add("plastic");
      first = ML.getPhase_Plastic();
    }
    for (EStructuralFeature feature : training) {
      if (phase.eGet(feature) != null) {
        ignored.add(feature == ML.getPhase_Optimizer() ? "the optimiser" : settingWords(feature));
        first = first == null ? feature : first;
      }
    }
    if (first != null) {
      warning("phase " + phase.getName() + " is 'evaluate only', so it trains nothing and ignores " + String.join(", ", ignored)
          + "; remove them, or remove 'evaluate only' to train", phase, first, IssueCodes.EVALUATE_ONLY_WITH_TRAINING_SETTINGS);
    }
  }

  @Check
  public void checkFrom(Phase phase) {
    Phase from = phase.getFrom();
    if (from == null || from.eIsProxy()) {
      if (phase.isContinueOptimizer()) {
        error("phase " + phase.getName() + " says 'continue optimizer' but starts from no phase; add 'from <phase>' or remove it",
            phase, ML.getPhase_ContinueOptimizer(), IssueCodes.CONTINUE_WITHOUT_FROM);
      }
      return;
    }
    if (from == phase) {
      error("phase " + phase.getName() + " starts from itself; name an earlier phase, e.g. the initial training", phase,
          ML.getPhase_From(), IssueCodes.PHASE_FROM_ITSELF);
      return;
    }
    Experiment experiment = (Experiment) phase.eContainer();
    if (experiment.getPhases().indexOf(from) > experiment.getPhases().indexOf(phase)) {
      error("phase " + phase.getName() + " starts from " + from.getName() + ", which comes later; phases run in the order written: "
          + "move " + from.getName() + " above " + phase.getName(), phase, ML.getPhase_From(), IssueCodes.PHASE_FROM_LATER);
    }
  }

  @Check
  public void checkUnderWithoutFrom(Phase phase) {
    if (phase.getUnder() != null && phase.getFrom() == null && !phase.isEvaluateOnly()) {
      warning("phase " + phase.getName() + " trains under " + phase.getUnder().getName() + " from freshly initialised weights; "
          + "to adapt a trained network write 'from <phase>' before 'under'", phase, ML.getPhase_Under(), IssueCodes.UNDER_WITHOUT_FROM);
    }
  }

  @Check
  public void checkOptimizerSettings(Optimizer optimizer) {
    if (optimizer.getKind() == OptimizerKind.ADAM && optimizer.getMomentum() != null) {
      error("momentum is a setting of sgd, not adam (adam has betas); remove it or write 'sgd'", optimizer,
          ML.getOptimizer_Momentum(), IssueCodes.OPTIMIZER_SETTING_MISMATCH);
    }
    if (optimizer.getKind() == OptimizerKind.SGD && optimizer.getBeta1() != null) {
      error("betas are a setting of adam, not sgd (sgd has momentum); remove them or write 'adam'", optimizer,
          ML.getOptimizer_Beta1(), IssueCodes.OPTIMIZER_SETTING_MISMATCH);
    }
    if (optimizer.getKind() == OptimizerKind.SGD && optimizer.getEps() != null) {
      error("eps is a setting of adam, not sgd; remove it or write 'adam'", optimizer, ML.getOptimizer_Eps(),
          IssueCodes.OPTIMIZER_SETTING_MISMATCH);
    }
  }

}

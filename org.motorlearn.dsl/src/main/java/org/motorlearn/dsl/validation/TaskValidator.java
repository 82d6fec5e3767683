package org.motorlearn.dsl.validation;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.PerturbationTarget;
import org.motorlearn.dsl.motorLearn.Reassociation;
import org.motorlearn.dsl.motorLearn.Task;

/** Tasks, perturbations and losses on their own (their use in an experiment: ExperimentValidator). */
public class TaskValidator extends MotorLearnCheckBase {

  @Check
  public void checkTaskNumbers(Task task) {
    NumericRules.task(task, EffectiveSettings.asWritten(task)).forEach(this::report);
  }

  @Check
  public void checkPerturbationNumbers(Perturbation perturbation) {
    NumericRules.perturbation(perturbation, EffectiveSettings.asWritten(perturbation)).forEach(this::report);
  }

  @Check
  public void checkLossNumbers(Loss loss) {
    NumericRules.loss(loss, EffectiveSettings.asWritten(loss)).forEach(this::report);
  }

  @Check
  public void checkReassociation(Reassociation reassociation) {
    int size = reassociation.getMapping().size();
    Map<Integer, Integer> firstIndex = new HashMap<>();
    boolean permutation = true;
    for (int i = 0; i < size; i++) {
      int target = reassociation.getMapping().get(i);
      if (target < 0 || target >= size) {
        permutation = false;
        error("entry " + i + " of the re-association is " + target + ", but with " + size + " entries the targets are numbered 0.."
            + (size - 1) + "; the list must be a permutation of 0.." + (size - 1), reassociation, ML.getReassociation_Mapping(), i,
            IssueCodes.REASSOCIATION_NOT_PERMUTATION);
        continue;
      }
      Integer first = firstIndex.putIfAbsent(target, i);
      if (first != null) {
        permutation = false;
        error("target " + target + " appears twice in the re-association (entries " + first + " and " + i
            + "); each target must appear exactly once", reassociation, ML.getReassociation_Mapping(), i,
            IssueCodes.REASSOCIATION_NOT_PERMUTATION);
      }
    }
    if (!permutation) {
      return;
    }
    for (int i = 0; i < size; i++) {
      if (reassociation.getMapping().get(i) == i) {
        warning("cue " + i + " keeps its own movement (entry " + i + " is " + i + "); the paper's re-association moves every cue "
            + "to another target (no entry equals its position)", reassociation, ML.getReassociation_Mapping(), i,
            IssueCodes.REASSOCIATION_FIXED_POINT);
      }
    }
  }

  @Check
  public void checkReassociationOnOutput(Perturbation perturbation) {
    if (perturbation.getEffect() instanceof Reassociation && perturbation.getAppliesTo() == PerturbationTarget.OUTPUT) {
      error("a re-association changes which movement each cue asks for, so it applies to the targets, not to the output; "
          + "remove 'on output'", perturbation, ML.getPerturbation_AppliesTo(), IssueCodes.REASSOCIATION_ON_OUTPUT);
    }
  }
}

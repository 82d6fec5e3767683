package org.motorlearn.dsl.validation;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Perturbation;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.Reassociation;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.validation.EffectiveSettings.Value;

/** An experiment as a whole: its parts, how they fit together, the resources a run needs. */
public class ExperimentValidator extends MotorLearnCheckBase {

  /** The heap this JVM may use; the memory estimate warns above it. */
  private final long memoryLimitBytes = Runtime.getRuntime().maxMemory();

  @Check
  public void checkParts(Experiment experiment) {
    if (experiment.getNetwork() == null && experiment.getNetworkRef() == null) {
      error("experiment " + experiment.getName() + " has no network; declare one with 'network Name { ... }' or refer to one "
          + "with 'network Name'", experiment, ML.getElement_Name(), IssueCodes.EXPERIMENT_WITHOUT_NETWORK);
    }
    if (experiment.getTask() == null && experiment.getTaskRef() == null) {
      error("experiment " + experiment.getName() + " has no task; declare one with 'task Name { ... }' or refer to one with "
          + "'task Name'", experiment, ML.getElement_Name(), IssueCodes.EXPERIMENT_WITHOUT_TASK);
    }
    if (experiment.getPhases().isEmpty()) {
      error("experiment " + experiment.getName() + " has no phases, so nothing is trained; add e.g. 'phase initial { plastic all "
          + "adam lr 1e-4 updates 500 batch 80 }'", experiment, ML.getElement_Name(), IssueCodes.EXPERIMENT_WITHOUT_PHASES);
    }
  }

  @Check
  public void checkExperimentNumbers(Experiment experiment) {
    EffectiveSettings settings = EffectiveSettings.asWritten(experiment);
    reportLocal(NumericRules.experiment(experiment, settings, memoryLimitBytes), experiment);
    checkReassociationLength(experiment, settings);
  }

  /** A re-association must list every target of the experiment's task once. */
  private void checkReassociationLength(Experiment experiment, EffectiveSettings settings) {
    Task task = Experiments.task(experiment);
    java.util.Set<Perturbation> checked = new java.util.HashSet<>();
    for (Phase phase : experiment.getPhases()) {
      Perturbation perturbation = phase.getUnder();
      if (perturbation == null || perturbation.eIsProxy() || !(perturbation.getEffect() instanceof Reassociation reassociation)
          || !checked.add(perturbation)) {
        continue;
      }
      Value targets = task == null ? null : settings.value(task, ML.getTask_Targets());
      int count = targets == null ? 8 : (int) targets.value();
      int size = reassociation.getMapping().size();
      if (size != count) {
        String message = "re-association " + perturbation.getName() + " lists " + size + " targets but task "
            + (task == null ? "" : task.getName() + " ") + "has " + count + "; list each of the targets 0.." + (count - 1) + " once";
        if (EcoreUtil.isAncestor(experiment, perturbation)) {
          error(message, reassociation, ML.getReassociation_Mapping(), IssueCodes.REASSOCIATION_LENGTH);
        } else {
          error(message, phase, ML.getPhase_Under(), IssueCodes.REASSOCIATION_LENGTH);
        }
      }
    }
  }

  @Check
  public void checkReadoutDimension(Experiment experiment) {
    Network network = Experiments.network(experiment);
    Task task = Experiments.task(experiment);
    if (network == null || task == null || task.getTrajectories() != null) {
      return;
    }
    for (Readout readout : network.getReadouts()) {
      if (readout.getSize() == null || readout.getSize().getValue() == null || readout.getSize().getValue().intValue() == 2) {
        continue;
      }
      String message = "readout " + readout.getName() + " has dimension " + readout.getSize().getValue().toPlainString()
          + ", but the centre-out task " + task.getName() + " asks for a 2-d hand " + (readout.getKind() == null ? "position"
          : readout.getKind().getLiteral()) + " (x, y); write (2)";
      if (EcoreUtil.isAncestor(experiment, readout)) {
        error(message, readout, ML.getReadout_Size(), IssueCodes.READOUT_DIMENSION);
      } else {
        error(message, experiment, ML.getExperiment_NetworkRef(), IssueCodes.READOUT_DIMENSION);
      }
    }
  }

  @Check
  public void checkRepeatedAnalysisEntries(Analysis analysis) {
    repeatedEntries(analysis, ML.getAnalysis_Compared(), "with", "phase");
    repeatedEntries(analysis, ML.getAnalysis_Modules(), "on", "module");
    repeatedEntries(analysis, ML.getAnalysis_Metrics(), "metrics", "metric");
  }

  @Check
  public void checkAnalysisCompares(Analysis analysis) {
    Phase baseline = analysis.getBaseline();
    for (int i = 0; i < analysis.getCompared().size(); i++) {
      if (baseline != null && analysis.getCompared().get(i) == baseline && !baseline.eIsProxy()) {
        warning("the analysis compares phase " + baseline.getName() + " with itself, which always shows no change; remove it "
            + "from the list after 'with'", analysis, ML.getAnalysis_Compared(), i, IssueCodes.ANALYSIS_COMPARES_ITSELF);
      }
    }
  }
}

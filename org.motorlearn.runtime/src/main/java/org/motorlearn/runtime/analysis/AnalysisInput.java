package org.motorlearn.runtime.analysis;

import java.util.Map;
import java.util.Set;
import org.motorlearn.runtime.engine.Activity;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything {@link Analyzer#run} needs, as plain data.
 *
 * @param targets number of targets of the task (PSTHs have one row per target)
 * @param lossFromBin first bin of the behavioural MSE (the loss window, 50 in the reference)
 * @param readout name of the readout whose output is compared with the trials' targets
 * @param phases every phase the analysis names (its baseline and compared phases), by phase name
 * @param streams the run's random streams (for the synaptic-noise draws)
 * @param simulation runs a phase's network on that phase's test trials; needed only for the NOISE metric
 */
public record AnalysisInput(int targets, int lossFromBin, String readout, Map<String, Phase> phases, RandomStreams streams,
    Simulation simulation) {

  public AnalysisInput {
    phases = Map.copyOf(phases);
  }

  /**
   * What one phase produced.
   *
   * @param testTrials the test trials the phase was scored on (for an adapted phase: under its perturbation)
   * @param activity the phase's final network on {@code testTrials} (stream "test")
   * @param weightsBefore every parameter when the phase started
   * @param weightsAfter every parameter when it ended
   * @param plastic names of the parameters the phase trained (empty for an evaluation-only phase)
   * @param masks sparse masks by parameter name; dense parameters are absent
   */
  public record Phase(TrialSet testTrials, Activity activity, Map<String, INDArray> weightsBefore,
      Map<String, INDArray> weightsAfter, Set<String> plastic, Map<String, INDArray> masks) {
    public Phase {
      plastic = Set.copyOf(plastic);
      masks = masks == null ? Map.of() : Map.copyOf(masks);
    }
  }

  /** The phase's network (with its output perturbation, if any) on the phase's test trials with the given weights. */
  @FunctionalInterface
  public interface Simulation {
    Activity simulate(String phase, Map<String, INDArray> weights);
  }
}

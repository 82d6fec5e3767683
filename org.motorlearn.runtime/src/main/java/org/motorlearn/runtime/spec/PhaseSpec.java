package org.motorlearn.runtime.spec;

/**
 * One stage of an experiment: training (or only evaluation) of a network that starts from the
 * weights a named earlier phase ended with (or from fresh initial weights), on the task under an
 * optional perturbation.
 *
 * @param from the phase whose final weights this one starts from; null: freshly initialised weights
 * @param perturbation name of the perturbation to train and test under; null: the plain task
 * @param plasticity which weight groups change; all others keep their bits exactly
 * @param updates number of optimiser steps (0 for an evaluation-only phase)
 * @param batch trials per update, drawn without replacement (reshuffled each epoch)
 * @param clip global gradient-norm bound; {@code Double.POSITIVE_INFINITY} for none
 * @param continueOptimizer start from the optimiser state the {@code from} phase ended with
 *     instead of a fresh one
 * @param evaluateOnly the "null" hypothesis: nothing is plastic, the network is only scored
 */
public record PhaseSpec(
    String name,
    String from,
    String perturbation,
    Plasticity plasticity,
    OptimizerSpec optimizer,
    int updates,
    int batch,
    double clip,
    boolean continueOptimizer,
    boolean evaluateOnly) {

  public PhaseSpec {
    String where = "phase " + name + ": ";
    SpecException.require(name != null && !name.isBlank(), "phase: the name is missing");
    SpecException.require(!name.equals(from), where + "it cannot start from itself");
    SpecException.require(plasticity != null, where + "plastic set is missing");
    SpecException.require(clip > 0, where + "clip must be positive, got " + clip);
    if (evaluateOnly) {
      SpecException.require(from != null, where + "an evaluation-only phase needs a phase to start from");
    } else {
      SpecException.require(optimizer != null, where + "optimiser is missing");
      SpecException.require(updates > 0, where + "updates must be positive, got " + updates);
      SpecException.require(batch > 0, where + "batch must be positive, got " + batch);
    }
  }

  /** A training phase; refine with the {@code with...} methods. */
  public static PhaseSpec train(String name, Plasticity plasticity, OptimizerSpec optimizer, int updates, int batch) {
    return new PhaseSpec(name, null, null, plasticity, optimizer, updates, batch, Double.POSITIVE_INFINITY, false, false);
  }

  /** The null hypothesis: start from {@code from}, change nothing, score under the perturbation. */
  public static PhaseSpec evaluate(String name, String from, String perturbation) {
    return new PhaseSpec(name, from, perturbation, Plasticity.none(), null, 0, 1, Double.POSITIVE_INFINITY, false, true);
  }

  public PhaseSpec from(String phase) {
    return new PhaseSpec(name, phase, perturbation, plasticity, optimizer, updates, batch, clip, continueOptimizer, evaluateOnly);
  }

  public PhaseSpec under(String perturbationName) {
    return new PhaseSpec(name, from, perturbationName, plasticity, optimizer, updates, batch, clip, continueOptimizer, evaluateOnly);
  }

  public PhaseSpec clip(double maxNorm) {
    return new PhaseSpec(name, from, perturbation, plasticity, optimizer, updates, batch, maxNorm, continueOptimizer, evaluateOnly);
  }

  public PhaseSpec continuingOptimizer() {
    return new PhaseSpec(name, from, perturbation, plasticity, optimizer, updates, batch, clip, true, evaluateOnly);
  }
}

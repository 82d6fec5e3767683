package org.motorlearn.runtime.engine;

import java.util.Map;
import java.util.Set;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.SpecException;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains one phase: each {@link #update(int)} runs forward and BPTT on one batch, clips the global
 * gradient norm like torch.nn.utils.clip_grad_norm_ and steps the optimiser on the plastic
 * parameters only; frozen parameters keep their bits. Mutates the given {@link Weights} in place.
 */
public final class Trainer {

  private final Experiment experiment;
  private final PhaseSpec phase;
  private final Weights weights;
  private final RandomStreams streams;
  private final Layout layout;
  private final TrialData data;
  private final Set<String> plastic;
  private final BatchSchedule schedule;
  private final Optimizer optimizer;
  private final Bptt bptt;

  /**
   * @param continued the optimiser state to continue from; null for a fresh optimiser
   * @throws SpecException when the phase cannot train (evaluation only, batch larger than the set,
   *     precision or dimensions that do not match)
   */
  public Trainer(Experiment experiment, PhaseSpec phase, Weights weights, TrialSet train, RandomStreams streams,
      OptimizerState continued) {
    if (phase.evaluateOnly()) {
      throw new SpecException("phase " + phase.name() + " only evaluates; it has nothing to train");
    }
    if (weights.precision() != experiment.precision()) {
      throw new SpecException("phase " + phase.name() + ": the weights are " + weights.precision()
          + " but the experiment runs in " + experiment.precision());
    }
    this.experiment = experiment;
    this.phase = phase;
    this.weights = weights;
    this.streams = streams;
    this.layout = new Layout(experiment.network());
    this.data = TrialData.of(train, layout);
    this.plastic = phase.plasticity().resolve(experiment.network());
    this.schedule = new BatchSchedule(phase.name(), data.trials(), phase.batch(), streams);
    this.optimizer = Optimizer.create(phase.optimizer(), continued, phase.name(), plastic);
    Perturbation output = null;
    if (phase.perturbation() != null) {
      Perturbation p = experiment.perturbation(phase.perturbation());
      output = p.appliesTo() == Perturbation.AppliesTo.OUTPUT ? p : null;
    }
    this.bptt = new Bptt(layout, Precisions.dataType(experiment.precision()), phase.batch(), data.bins(), true, output);
  }

  /** The names of the parameters this phase changes, in network order. */
  public Set<String> plastic() {
    return plastic;
  }

  /**
   * Update k (0-based): batch from {@link BatchSchedule}, x0 and noise from stream
   * {@code "phase/<name>/update/<k>"}. Deterministic given the weights, the optimiser state and k.
   *
   * @throws NonFiniteLossException when the loss or the gradient is NaN or infinite; then nothing changed
   */
  public UpdateResult update(int k) {
    int[] trials = schedule.batch(k);
    Batch batch = Batch.assemble(layout, data, trials, streams, "phase/" + phase.name() + "/update/" + k, true);
    bptt.forward(weights, batch);
    Bptt.LossTerms loss = bptt.loss(weights, batch.targets(), experiment.loss());
    if (!Double.isFinite(loss.loss())) {
      throw new NonFiniteLossException(phase.name(), k, "the loss (" + loss.loss() + ")");
    }
    Map<String, INDArray> grads = bptt.backward(weights, batch.targets(), experiment.loss(), plastic);
    double sum = 0;
    for (INDArray g : grads.values()) {
      double n = g.norm2Number().doubleValue();
      sum += n * n;
    }
    double norm = Math.sqrt(sum);
    if (!Double.isFinite(norm)) {
      throw new NonFiniteLossException(phase.name(), k, "the gradient norm (" + norm + ")");
    }
    // torch.nn.utils.clip_grad_norm_: scale = max_norm / (norm + 1e-6), applied when below 1.
    double scale = phase.clip() / (norm + 1e-6);
    if (scale < 1) {
      grads.values().forEach(g -> g.muli(scale));
    }
    optimizer.apply(weights.values(), grads);
    return new UpdateResult(loss.loss(), loss.mse(), loss.weightPenalty(), loss.ratePenalty(), norm);
  }

  /** A deep copy of the optimiser state, for checkpoints and 'continue optimizer'. */
  public OptimizerState optimizerState() {
    return optimizer.state();
  }
}

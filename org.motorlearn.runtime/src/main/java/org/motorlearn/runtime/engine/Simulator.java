package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.task.TrialSet;

/** Runs a network forward on a set of trials (all trials as one batch) and reports its activity. */
public final class Simulator {

  private final Layout layout;
  private final Precision precision;
  private final Perturbation outputPerturbation;

  /**
   * @param outputPerturbation a perturbation that applies to the OUTPUT (the outputs reported are
   *     then the perturbed ones), or null
   */
  public Simulator(Network network, Precision precision, Perturbation outputPerturbation) {
    this.layout = new Layout(network);
    this.precision = precision;
    this.outputPerturbation = outputPerturbation != null
        && outputPerturbation.appliesTo() == Perturbation.AppliesTo.OUTPUT ? outputPerturbation : null;
  }

  /**
   * x0 of module M from stream {@code <streamName>/x0/<M>}, its noise from
   * {@code <streamName>/noise/<M>} (see {@link Batch}); trial i always draws the same numbers.
   */
  public Activity simulate(Weights weights, TrialSet trials, RandomStreams streams, String streamName) {
    TrialData data = TrialData.of(trials, layout);
    int[] all = new int[data.trials()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Batch batch = Batch.assemble(layout, data, all, streams, streamName, false);
    Bptt bptt = new Bptt(layout, Precisions.dataType(precision), all.length, data.bins(), false, outputPerturbation);
    bptt.forward(weights, batch);
    return new Activity(bptt.ratesByModule(), bptt.outputsByReadout(), bptt.initialStatesByModule());
  }
}

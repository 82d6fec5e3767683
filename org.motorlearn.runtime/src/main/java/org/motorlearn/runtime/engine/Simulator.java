package org.motorlearn.runtime.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs a network forward on a set of trials and reports its activity. Trials go through the engine
 * in chunks of at most {@link #CHUNK} (bounded memory); the random numbers of every trial are drawn
 * for the whole set first, so results do not depend on the chunking.
 */
public final class Simulator {

  /** Trials per forward pass. */
  static final int CHUNK = 64;

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
    DataType type = Precisions.dataType(precision);
    int trialsCount = all.length;
    int bins = data.bins();
    Map<String, INDArray> rates = new LinkedHashMap<>();
    for (int m = 0; m < layout.modules; m++) {
      rates.put(layout.names[m], Nd4j.create(type, trialsCount, bins, layout.units[m]));
    }
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    for (Layout.Readout r : layout.readouts) {
      outputs.put(r.spec().name(), Nd4j.create(type, trialsCount, bins, r.dimension()));
    }
    Map<String, INDArray> initialStates = new LinkedHashMap<>();
    for (int m = 0; m < layout.modules; m++) {
      initialStates.put(layout.names[m], Precisions.create(batch.initialStates()[m],
          new long[] {trialsCount, layout.units[m]}, type));
    }
    Bptt bptt = null;
    for (int from = 0; from < trialsCount; from += CHUNK) {
      int to = Math.min(trialsCount, from + CHUNK);
      if (bptt == null || bptt.batch() != to - from) {
        bptt = new Bptt(layout, type, to - from, bins, false, outputPerturbation);
      }
      bptt.forward(weights, batch.chunk(from, to, trialsCount, bins));
      INDArrayIndex chunk = NDArrayIndex.interval(from, to);
      bptt.ratesByModule().forEach((name, r) -> rates.get(name).get(chunk, NDArrayIndex.all(), NDArrayIndex.all()).assign(r));
      bptt.outputsByReadout().forEach((name, y) -> outputs.get(name).get(chunk, NDArrayIndex.all(), NDArrayIndex.all())
          .assign(y));
    }
    return new Activity(rates, outputs, initialStates);
  }
}

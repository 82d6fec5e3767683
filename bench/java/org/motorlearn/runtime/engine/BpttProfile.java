package org.motorlearn.runtime.engine;

import java.util.Locale;
import java.util.Set;
import org.motorlearn.bench.PaperScaleBenchmark;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Where the paper-scale update spends its time: forward, backward, and the bare GEMMs of the loops. */
public final class BpttProfile {

  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    System.out.println(ThreadLayout.apply(args.length > 1 ? Integer.parseInt(args[1]) : 0).describe());
    int n = 400;
    int bins = 400;
    int batch = 80;
    Network network = Network.builder("reference")
        .module(ModuleSpec.of("U", n)).module(ModuleSpec.of("PMd", n)).module(ModuleSpec.of("M1", n))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1")).readout(ReadoutSpec.position("hand", 2, "M1")).build();
    RandomStreams streams = new RandomStreams(1);
    Layout layout = new Layout(network);
    Weights weights = Weights.initialise(network, streams, Precision.FLOAT32, null);
    TrialData data = TrialData.of(PaperScaleBenchmark.reaches(batch, streams), layout);
    int[] all = java.util.stream.IntStream.range(0, batch).toArray();
    Batch b = Batch.assemble(layout, data, all, streams, "p", true);
    Bptt bptt = new Bptt(layout, DataType.FLOAT, batch, bins, true, null);
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      Batch again = Batch.assemble(layout, data, all, streams, "p", true);
      long t1 = System.nanoTime();
      bptt.forward(weights, again);
      long t2 = System.nanoTime();
      bptt.loss(weights, b.targets(), LossSpec.reference());
      long t3 = System.nanoTime();
      bptt.backward(weights, b.targets(), LossSpec.reference(), Set.copyOf(weights.names()));
      long t4 = System.nanoTime();
      System.out.printf(Locale.ROOT, "assemble %.3f forward %.3f loss %.3f backward %.3f s%n", (t1 - t0) / 1e9,
          (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    }
    // The bare recurrent GEMMs of one forward pass: per step U[80x400]x[400x400]^T, PMd [80x800]x[400x800]^T, M1 same.
    INDArray r = Nd4j.rand(DataType.FLOAT, batch, 3 * n);
    INDArray x = Nd4j.create(DataType.FLOAT, batch, 3 * n);
    INDArray w1 = Nd4j.rand(DataType.FLOAT, n, n).muli(0.01);
    INDArray w2 = Nd4j.rand(DataType.FLOAT, n, 2 * n).muli(0.01);
    INDArray rU = r.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
    INDArray rUP = r.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2 * n));
    INDArray rPM = r.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 3 * n));
    INDArray xU = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
    INDArray xP = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n));
    INDArray xM = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(2 * n, 3 * n));
    for (int rep = 0; rep < reps; rep++) {
      long t0 = System.nanoTime();
      for (int t = 0; t < bins; t++) {
        Gemm.mm(rU, false, w1, true, xU, 0.2, 0.8);
        Gemm.mm(rUP, false, w2, true, xP, 0.2, 0.8);
        Gemm.mm(rPM, false, w2, true, xM, 0.2, 0.8);
      }
      long t1 = System.nanoTime();
      for (int t = 0; t < bins; t++) {
        Nd4j.exec(new Tanh(x, r));
      }
      long t2 = System.nanoTime();
      double flops = 2.0 * bins * batch * 5 * n * n;
      System.out.printf(Locale.ROOT, "bare forward GEMMs %.3f s (%.1f GFLOP/s), tanh over [80 x 1200] x 400: %.3f s%n",
          (t1 - t0) / 1e9, flops / ((t1 - t0) / 1e9) / 1e9, (t2 - t1) / 1e9);
    }
    System.out.printf(Locale.ROOT, "sgemm %.1f GFLOP/s%n", PaperScaleBenchmark.sgemm(2048, 3));
  }
}

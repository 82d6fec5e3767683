package org.motorlearn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.motorlearn.runtime.engine.ThreadLayout;
import org.motorlearn.runtime.engine.Trainer;
import org.motorlearn.runtime.engine.UpdateResult;
import org.motorlearn.runtime.engine.Weights;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Experiment;
import org.motorlearn.runtime.spec.InputSpec;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.ModuleSpec;
import org.motorlearn.runtime.spec.Network;
import org.motorlearn.runtime.spec.OptimizerSpec;
import org.motorlearn.runtime.spec.PhaseSpec;
import org.motorlearn.runtime.spec.Plasticity;
import org.motorlearn.runtime.spec.Precision;
import org.motorlearn.runtime.spec.ProjectionSpec;
import org.motorlearn.runtime.spec.ReadoutSpec;
import org.motorlearn.runtime.spec.TaskSpec;
import org.motorlearn.runtime.task.TrialSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper-scale training update (MODEL.md sections 2 and 4: 3 x 400 tanh units, 400 bins, batch 80,
 * forward + BPTT + Adam + clipping, float32) timed through the public engine API, plus a large SGEMM
 * in the same JVM with the same thread layout. Prints one "key value" line per number.
 *
 * <p>Usage: PaperScaleBenchmark [updates=5] [threads=0 (all cores)]
 */
public final class PaperScaleBenchmark {

  static final int UNITS = 400;
  static final int BINS = 400;
  static final int BATCH = 80;
  /**
   * Untimed updates first, so that the timed ones are the steady state of a long training run:
   * HotSpot's compiler threads, which get little CPU beside two busy threads, finish compiling the
   * engine's methods only some seconds into the run and slow it meanwhile (with four warm-up
   * updates, the fifth and sixth were still 5 % slower than the rest). PyTorch, with nothing to
   * compile, warms up with one.
   */
  static final int WARMUP_UPDATES = 6;

  public static void main(String[] args) throws IOException {
    int updates = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    ThreadLayout layout = ThreadLayout.apply(threads);
    // -Dbench.ompThreads=N tries another OpenMP thread count for ND4J's element-wise ops (experiments only)
    int ompThreads = Integer.getInteger("bench.ompThreads", 0);
    if (ompThreads > 0) {
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(ompThreads);
      org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(ompThreads);
      layout = ThreadLayout.current();
    }
    System.out.println("thread_layout " + layout.describe());

    Network network = Network.builder("reference")
        .module(ModuleSpec.of("U", UNITS)).module(ModuleSpec.of("PMd", UNITS)).module(ModuleSpec.of("M1", UNITS))
        .input(InputSpec.of("u", 3, "U", "PMd"))
        .connect(ProjectionSpec.recurrent("U")).connect(ProjectionSpec.recurrent("PMd"))
        .connect(ProjectionSpec.recurrent("M1")).connect(ProjectionSpec.dense("U", "PMd"))
        .connect(ProjectionSpec.dense("PMd", "M1"))
        .readout(ReadoutSpec.position("hand", 2, "M1"))
        .build();
    PhaseSpec phase = PhaseSpec.train("bench", Plasticity.all(), OptimizerSpec.adam(1e-4), updates + WARMUP_UPDATES, BATCH).clip(0.2);
    Experiment experiment = Experiment.builder("bench").seed(1).precision(Precision.FLOAT32).network(network)
        .task(TaskSpec.CenterOut.reference("reach")).loss(LossSpec.reference()).phase(phase).build();
    RandomStreams streams = new RandomStreams(1);
    Weights weights = Weights.initialise(network, streams, Precision.FLOAT32, null);
    Trainer trainer = new Trainer(experiment, phase, weights, reaches(BATCH * (updates + WARMUP_UPDATES), streams), streams, null);

    double flops = flopsPerUpdate(network);
    for (int k = 0; k < WARMUP_UPDATES; k++) {
      long start = System.nanoTime();
      UpdateResult warm = trainer.update(k);
      double warmSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "warmup_update_s %.3f (loss %.5f)%n", warmSeconds, warm.loss());
    }
    double best = Double.MAX_VALUE;
    double total = 0;
    double cpu = 0;
    for (int k = WARMUP_UPDATES; k < WARMUP_UPDATES + updates; k++) {
      double c0 = cpuSeconds();
      long t0 = System.nanoTime();
      UpdateResult r = trainer.update(k);
      double s = (System.nanoTime() - t0) / 1e9;
      double c = cpuSeconds() - c0;
      best = Math.min(best, s);
      total += s;
      cpu += c;
      System.out.printf(Locale.ROOT, "update %d %.3f s (cpu %.2f s)  loss %.5f%n", k, s, c, r.loss());
    }
    double mean = total / updates;
    System.out.printf(Locale.ROOT, "engine_cpu_s_per_update %.4f%n", cpu / updates);
    System.out.printf(Locale.ROOT, "engine_flops_per_update %.4e%n", flops);
    System.out.printf(Locale.ROOT, "engine_update_s_mean %.4f%n", mean);
    System.out.printf(Locale.ROOT, "engine_update_s_best %.4f%n", best);
    System.out.printf(Locale.ROOT, "engine_updates_per_s %.4f%n", 1 / mean);
    System.out.printf(Locale.ROOT, "engine_gflops_mean %.2f%n", flops / mean / 1e9);
    System.out.printf(Locale.ROOT, "engine_gflops_best %.2f%n", flops / best / 1e9);
    double c0 = cpuSeconds();
    double gemmWall = sgemmSeconds(4096, 5);
    double gemmCpu = (cpuSeconds() - c0) / 6;
    System.out.printf(Locale.ROOT, "sgemm_gflops %.2f%n", 2.0 * 4096 * 4096 * 4096 / gemmWall / 1e9);
    System.out.printf(Locale.ROOT, "sgemm_gflop_per_cpu_s %.2f%n", 2.0 * 4096 * 4096 * 4096 / gemmCpu / 1e9);
    System.out.printf(Locale.ROOT, "engine_gflop_per_cpu_s %.2f%n", flops / (cpu / updates) / 1e9);
    System.out.println("peak_rss_mb " + peakRssMb());
  }

  /**
   * Matrix-multiply FLOPs of one update, 2mnk per GEMM: per projection (N_to x N_from) and per
   * input / readout matrix, three GEMMs over all T x B rows (forward, backward delta, weight gradient):
   * 6 T B (sum_p N_to N_from + sum_in N Din + sum_out D N). The backward delta GEMM skips the last
   * bin and readouts/inputs are <0.5% of the total; element-wise work is not counted.
   */
  static double flopsPerUpdate(Network network) {
    double sum = 0;
    for (ProjectionSpec p : network.projections()) {
      sum += (double) network.module(p.to()).units() * network.module(p.from()).units();
    }
    for (InputSpec in : network.inputs()) {
      for (String t : in.targets()) {
        sum += (double) network.module(t).units() * in.dimension();
      }
    }
    for (ReadoutSpec r : network.readouts()) {
      sum += (double) r.dimension() * network.module(r.from()).units();
    }
    return 6.0 * BINS * BATCH * sum;
  }

  /** Centre-out-like trials: a cue from bin 150, hold until 282, a sigmoid reach of 8 cm after. */
  public static TrialSet reaches(int trials, RandomStreams streams) {
    SplittableRandom random = streams.stream("bench/trials");
    float[] inputs = new float[trials * BINS * 3];
    float[] targets = new float[trials * BINS * 2];
    int[] ids = new int[trials];
    int[] cue = new int[trials];
    int[] go = new int[trials];
    for (int i = 0; i < trials; i++) {
      ids[i] = random.nextInt(8);
      double angle = ids[i] * Math.PI / 4;
      cue[i] = 150;
      go[i] = 282;
      for (int t = 0; t < BINS; t++) {
        int row = i * BINS + t;
        inputs[row * 3] = t >= cue[i] ? (float) (2 * Math.cos(angle)) : 0;
        inputs[row * 3 + 1] = t >= cue[i] ? (float) (2 * Math.sin(angle)) : 0;
        inputs[row * 3 + 2] = t < go[i] ? 2 : 0;
        double s = 1 / (1 + Math.exp(-(t - go[i] - 50) / 8.0));
        targets[row * 2] = (float) (8 * s * Math.cos(angle));
        targets[row * 2 + 1] = (float) (8 * s * Math.sin(angle));
      }
    }
    return new TrialSet(Nd4j.create(inputs, new long[] {trials, BINS, 3}, 'c'),
        Nd4j.create(targets, new long[] {trials, BINS, 2}, 'c'), ids, cue, go);
  }

  public static double sgemm(int n, int reps) {
    return 2.0 * n * n * n / sgemmSeconds(n, reps) / 1e9;
  }

  /** Best wall time of {@code reps} n x n SGEMMs (after one warm-up). */
  static double sgemmSeconds(int n, int reps) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  /** CPU seconds of the whole process (all threads) from /proc/self/stat. */
  static double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  static long peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}

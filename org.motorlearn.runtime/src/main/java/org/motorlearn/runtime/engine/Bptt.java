package org.motorlearn.runtime.engine;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motorlearn.runtime.spec.Activation;
import org.motorlearn.runtime.spec.LossSpec;
import org.motorlearn.runtime.spec.Perturbation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Forward pass and backpropagation through time for one batch size, on buffers allocated once.
 *
 * <p>Layout: time-major, all modules side by side. {@code rates} is [(bins + 1) * batch, totalUnits];
 * its row block 0 holds r = f(x0), block t + 1 the rates after step t. Step t reads block t and
 * writes block t + 1, so every module sees the others' rates of the previous step (MODEL.md section
 * 2): x_m <- (1 - a_m) x_m + a_m (sum_p W_p r_{t-1} + sum_i W_i u_t + sigma_m xi_t), r_t = f(x_t),
 * y_t = W_out r_t + b.
 *
 * <p>Backward: with g_t = a * dL/dx_t (per module) and q_t = dL/dr_t,
 * q_t = direct_t + sum_p g^{to}_{t+1} W_p and g_t = a f'(x_t) q_t + (1 - a) g_{t+1}; f' is computed
 * from the rates (tanh: 1 - r^2, relu: [r > 0], softplus: 1 - e^{-r}, linear: 1). Every weight
 * gradient is then ONE GEMM over all bins and trials: dW_p = sum_t g^{to}_t^T r^{from}_{t-1}.
 *
 * <p>Training a float32 tanh network (the paper's) takes a fused path ({@link FusedLoops}: its time
 * loops on a team of threads, with the {@link FloatKernels}): the forward kernel adds the input
 * projection itself, the backward kernel computes a f'(x) from the rates and adds the rate penalty's
 * direct term, and the input and readout gradients are summed step by step. That path needs no
 * [bins * batch, units] drive array (unless a module has process noise) and sweeps the large arrays
 * fewer times; {@code FloatKernelsTest} checks it against the general path.
 */
final class Bptt {

  private final Layout layout;
  private final DataType type;
  private final int batch;
  private final int bins;
  private final OutputHead head;

  private final INDArray rates;
  /**
   * Forward: a * (W_in u + sigma xi), on the fused path a * sigma * xi only; backward (general path):
   * a * f'(x). [bins * batch, totalUnits]; null on the fused path without process noise.
   */
  private final INDArray drive;
  /** dL/dr, turned step by step into g = a dL/dx. [bins * batch, totalUnits]; null when not training. */
  private final INDArray grad;
  private final INDArray inputs;
  private final INDArray state;
  private final INDArray scratch;
  private final INDArray decay;
  /** 1 - a per column, for {@link FloatKernels#backwardStep}. */
  private final float[] decayColumns;
  private final FloatKernels kernels;
  private final INDArray alphaRow;
  private final boolean uniformAlpha;
  private final boolean hasDrive;

  private final INDArray ratesBefore;
  private final INDArray ratesAfter;
  private final INDArray[] stateModule;
  private final INDArray[] rateStep;
  private final INDArray[] driveStep;
  private final INDArray[] inputStep;
  private final INDArray[] gradStep;
  private final INDArray[][] rateStepModule;
  private final INDArray[][] gradStepModule;
  /** [t][target module][run]: rates of the run's sources at block t. */
  private final INDArray[][][] forwardSource;
  /** [t][source module][run]: g of the run's targets at step t. */
  private final INDArray[][][] backwardSource;
  private final INDArray[] afterModule;
  private final INDArray[] gradModule;
  private final INDArray[] raw;
  private final double[][] x0;
  /** True when the drive buffer holds r^2 of the last forward pass (set by {@link #loss}). */
  private boolean squaresInDrive;
  /** Training a float32 tanh network in host memory: the fused kernels (see the class comment). */
  private final boolean fused;
  /** The fused path's time loops; null on the general path. */
  private final FusedLoops loops;
  /** Per module: whether a readout reads it, so that its dL/dr has a direct term for every bin. */
  private final boolean[] readFrom;
  private final float[] alphaColumns;
  /** The rate penalty's coefficient per column, for the fused backward kernel; set by {@link #backward}. */
  private final float[] penaltyColumns;
  /** The packed input weights' gradient, [totalUnits, inputDimension], summed step by step by {@link #propagate}. */
  private INDArray inputGradient;
  /** Fused path: dL/dy per readout, [bins * batch, dimension], which the backward loop reads step by step. */
  private final INDArray[] outputGradient;
  /** Fused path, per backward pass: each readout's weights, and their gradient (null when not plastic). */
  private final INDArray[] readoutWeight;
  private final INDArray[] readoutWeightGradient;
  private INDArray ones;
  private INDArray columnSums;

  Bptt(Layout layout, DataType type, int batch, int bins, boolean training, Perturbation outputPerturbation) {
    this(layout, type, batch, bins, training, outputPerturbation,
        layout.teamSize(Nd4j.factory().blas().getMaxThreads()));
  }

  /** @param teamSize threads that share the fused path's time loops ({@link FusedLoops}) */
  Bptt(Layout layout, DataType type, int batch, int bins, boolean training, Perturbation outputPerturbation,
      int teamSize) {
    this.layout = layout;
    this.type = type;
    this.batch = batch;
    this.bins = bins;
    this.head = new OutputHead(layout, batch, bins, outputPerturbation);
    int n = layout.totalUnits;
    int modules = layout.modules;
    fused = training && type == DataType.FLOAT && HostMemory.AVAILABLE && layout.tanhEverywhere();
    boolean anyNoise = java.util.Arrays.stream(layout.noise).anyMatch(sigma -> sigma > 0);
    rates = Nd4j.create(type, (long) (bins + 1) * batch, n);
    drive = fused && !anyNoise ? null : Nd4j.create(type, (long) bins * batch, n);
    grad = training ? Nd4j.create(type, (long) bins * batch, n) : null;
    inputs = Nd4j.create(type, (long) bins * batch, Math.max(1, layout.inputDimension));
    state = Nd4j.create(type, batch, n);
    scratch = Nd4j.create(type, batch, n);
    double[] decayValues = new double[n];
    double[] alphaValues = new double[n];
    boolean uniform = true;
    boolean anyDrive = false;
    readFrom = new boolean[modules];
    layout.readouts.forEach(r -> readFrom[r.module()] = true);
    for (int m = 0; m < modules; m++) {
      for (int j = 0; j < layout.units[m]; j++) {
        decayValues[layout.offset[m] + j] = 1 - layout.alpha[m];
        alphaValues[layout.offset[m] + j] = layout.alpha[m];
      }
      uniform &= layout.alpha[m] == layout.alpha[0];
      anyDrive |= layout.noise[m] > 0;
    }
    anyDrive |= !layout.inputs.isEmpty() && !fused;
    uniformAlpha = uniform;
    hasDrive = anyDrive;
    decay = Precisions.create(decayValues, new long[] {1, n}, type);
    decayColumns = new float[n];
    alphaColumns = new float[n];
    penaltyColumns = new float[n];
    for (int j = 0; j < n; j++) {
      decayColumns[j] = (float) decayValues[j];
      alphaColumns[j] = (float) alphaValues[j];
    }
    kernels = new FloatKernels();
    alphaRow = Precisions.create(alphaValues, new long[] {1, n}, type);

    long rows = (long) bins * batch;
    ratesBefore = rates.get(interval(0, rows), all());
    ratesAfter = rates.get(interval(batch, rows + batch), all());
    stateModule = new INDArray[modules];
    afterModule = new INDArray[modules];
    gradModule = new INDArray[modules];
    for (int m = 0; m < modules; m++) {
      stateModule[m] = columns(state, layout.offset[m], layout.units[m]);
      afterModule[m] = columns(ratesAfter, layout.offset[m], layout.units[m]);
      gradModule[m] = training ? columns(grad, layout.offset[m], layout.units[m]) : null;
    }
    rateStep = new INDArray[bins + 1];
    rateStepModule = new INDArray[bins + 1][modules];
    driveStep = new INDArray[bins];
    inputStep = new INDArray[bins];
    gradStep = new INDArray[bins];
    gradStepModule = new INDArray[bins][modules];
    forwardSource = new INDArray[bins][modules][];
    backwardSource = new INDArray[bins][modules][];
    for (int t = 0; t <= bins; t++) {
      rateStep[t] = rows(rates, t);
      for (int m = 0; m < modules; m++) {
        rateStepModule[t][m] = columns(rateStep[t], layout.offset[m], layout.units[m]);
      }
    }
    for (int t = 0; t < bins; t++) {
      driveStep[t] = drive == null ? null : rows(drive, t);
      inputStep[t] = rows(inputs, t);
      for (int m = 0; m < modules; m++) {
        List<Layout.Run> in = layout.forwardRuns.get(m);
        forwardSource[t][m] = new INDArray[in.size()];
        for (int i = 0; i < in.size(); i++) {
          forwardSource[t][m][i] = columns(rateStep[t], in.get(i).start(), in.get(i).width());
        }
      }
      if (training) {
        gradStep[t] = rows(grad, t);
        for (int m = 0; m < modules; m++) {
          gradStepModule[t][m] = columns(gradStep[t], layout.offset[m], layout.units[m]);
          List<Layout.Run> out = layout.backwardRuns.get(m);
          backwardSource[t][m] = new INDArray[out.size()];
          for (int i = 0; i < out.size(); i++) {
            backwardSource[t][m][i] = columns(gradStep[t], out.get(i).start(), out.get(i).width());
          }
        }
      }
    }
    raw = new INDArray[layout.readouts.size()];
    for (int k = 0; k < raw.length; k++) {
      raw[k] = Nd4j.create(type, rows, layout.readouts.get(k).dimension());
    }
    x0 = new double[modules][];
    outputGradient = new INDArray[raw.length];
    readoutWeight = new INDArray[raw.length];
    readoutWeightGradient = new INDArray[raw.length];
    if (fused) {
      for (int k = 0; k < raw.length; k++) {
        outputGradient[k] = Nd4j.create(type, rows, layout.readouts.get(k).dimension());
      }
    }
    loops = fused ? new FusedLoops(layout, batch, bins, StepTeam.of(teamSize), rates, state, drive, grad, inputs,
        outputGradient, forwardSource, backwardSource, alphaColumns, decayColumns, readFrom) : null;
  }

  private INDArray rows(INDArray array, int block) {
    return array.get(interval((long) block * batch, (long) (block + 1) * batch), all());
  }

  private static INDArray columns(INDArray array, int start, int width) {
    return array.get(all(), interval(start, start + width));
  }

  /** Whether training passes take the fused float32 tanh path (for tests). */
  boolean fused() {
    return fused;
  }

  /** Threads that share the fused path's time loops (1 on the general path). */
  int teamSize() {
    return fused ? loops.teamSize() : 1;
  }

  int batch() {
    return batch;
  }

  int bins() {
    return bins;
  }

  /** The forward pass of a batch: rates of every module and every bin, and the outputs. */
  void forward(Weights weights, Batch b) {
    Packed w = new Packed(weights);
    squaresInDrive = false;
    long rows = (long) bins * batch;
    if (!layout.inputs.isEmpty()) {
      inputs.assign(Precisions.create(b.inputs(), new long[] {rows, layout.inputDimension}, type));
    }
    if (drive != null && !layout.inputs.isEmpty() && !fused) {
      Gemm.mm(inputs, false, w.inputs, true, drive, 1, 0);
    } else if (drive != null) {
      drive.assign(0);
    }
    for (int m = 0; m < layout.modules; m++) {
      x0[m] = b.initialStates()[m];
      stateModule[m].assign(Precisions.create(x0[m], new long[] {batch, layout.units[m]}, type));
      if (b.noise()[m] != null) {
        INDArray xi = Precisions.create(b.noise()[m], new long[] {rows, layout.units[m]}, type);
        columns(drive, layout.offset[m], layout.units[m]).addi(xi.muli(layout.alpha[m] * layout.noise[m]));
      }
    }
    activate(state, rateStep[0], stateModule, rateStepModule[0]);

    boolean sameActivation = layout.sameActivationEverywhere();
    advance(w, sameActivation);

    double[][] rawValues = new double[raw.length][];
    double[][] biases = new double[raw.length][];
    for (int k = 0; k < raw.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      Gemm.mm(afterModule[r.module()], false, weights.get(r.spec().weightName()), true, raw[k], 1, 0);
      rawValues[k] = Precisions.values(raw[k]);
      biases[k] = r.spec().bias() ? Precisions.values(weights.get(r.spec().biasName())) : null;
    }
    head.forward(rawValues, biases);
  }

  /** The forward time loop: step t reads the rates of block t and writes those of block t + 1. */
  private void advance(Packed w, boolean sameActivation) {
    if (fused) {
      loops.forward(w.forward, w.inputColumns);
      return;
    }
    for (int t = 0; t < bins; t++) {
      for (int m = 0; m < layout.modules; m++) {
        double a = layout.alpha[m];
        INDArray[] sources = forwardSource[t][m];
        if (sources.length == 0) {
          stateModule[m].muli(1 - a);
        }
        for (int i = 0; i < sources.length; i++) {
          Gemm.mm(sources[i], false, w.forward[m][i], true, stateModule[m], a, i == 0 ? 1 - a : 1);
        }
      }
      if (hasDrive) {
        Gemm.axpy(1, driveStep[t], state);
      }
      if (sameActivation) {
        apply(layout.activation[0], state, rateStep[t + 1]);
      } else {
        activate(state, rateStep[t + 1], stateModule, rateStepModule[t + 1]);
      }
    }
  }

  private void activate(INDArray x, INDArray r, INDArray[] xModule, INDArray[] rModule) {
    if (layout.sameActivationEverywhere()) {
      apply(layout.activation[0], x, r);
    } else {
      for (int m = 0; m < layout.modules; m++) {
        apply(layout.activation[m], xModule[m], rModule[m]);
      }
    }
  }

  private void apply(Activation f, INDArray x, INDArray r) {
    switch (f) {
      case TANH -> {
        if (FloatKernels.applies(x, r)) {
          kernels.tanh(x, r);
        } else {
          Nd4j.exec(new Tanh(x, r));
        }
      }
      case RELU -> Nd4j.exec(new RectifiedLinear(x, r, 0.0));
      case SOFTPLUS -> Nd4j.exec(new SoftPlus(x, r));
      case LINEAR -> r.assign(x);
    }
  }

  /** The loss terms of the last forward pass. */
  LossTerms loss(Weights weights, double[] targets, LossSpec loss) {
    double mse = head.mse(targets, loss.fromBin());
    double rate = 0;
    if (loss.ratePenalty() > 0) {
      // The fused forward kernel summed r^2 already, which saves a sweep over all bins.
      double[] sums = fused ? loops.squareSums() : columnSumsOfSquares();
      for (int m = 0; m < layout.modules; m++) {
        double sum = 0;
        for (int j = 0; j < layout.units[m]; j++) {
          sum += sums[layout.offset[m] + j];
        }
        rate += sum / ((double) bins * batch * layout.units[m]);
      }
      rate *= loss.ratePenalty();
    }
    double penalty = 0;
    if (loss.weightPenalty() > 0) {
      for (String name : weightMatrices()) {
        double norm = weights.get(name).norm2Number().doubleValue();
        penalty += loss.norm() == LossSpec.WeightNorm.FROBENIUS ? norm : norm * norm;
      }
      penalty *= loss.weightPenalty();
    }
    return new LossTerms(mse + penalty + rate, mse, penalty, rate);
  }

  /**
   * Sum over all bins and trials of r^2, per column: r^2 into the drive buffer (free after the forward
   * pass; backward reuses it for tanh's 1 - r^2), then the column sums as one GEMV.
   */
  private double[] columnSumsOfSquares() {
    drive.assign(ratesAfter).muli(ratesAfter);
    squaresInDrive = true;
    if (ones == null) {
      ones = Nd4j.ones(type, 1, (long) bins * batch);
      columnSums = Nd4j.create(type, 1, layout.totalUnits);
    }
    Gemm.mm(ones, false, drive, false, columnSums, 1, 0);
    return Precisions.values(columnSums);
  }

  /** Every weight matrix (inputs, projections, readout weights; not biases): the penalised ones. */
  private List<String> weightMatrices() {
    return weightsOf(layout);
  }

  static List<String> weightsOf(Layout layout) {
    List<String> names = new java.util.ArrayList<>();
    layout.inputs.forEach(i -> names.add(i.parameter()));
    layout.projections.forEach(p -> names.add(p.parameter()));
    layout.readouts.forEach(r -> names.add(r.spec().weightName()));
    return names;
  }

  /**
   * Gradients of the full loss of the last forward pass with respect to the plastic parameters
   * (masked for sparse projections), in the network's parameter order.
   */
  Map<String, INDArray> backward(Weights weights, double[] targets, LossSpec loss, Set<String> plastic) {
    Packed w = new Packed(weights);
    Map<String, INDArray> grads = new LinkedHashMap<>();
    directTerms(weights, targets, loss, plastic, grads);

    // a * f'(x) for every bin, into the drive buffer (no longer needed); the fused kernel computes it from r.
    if (!fused) {
      derivatives();
    }

    boolean inputsPlastic = layout.inputs.stream().anyMatch(i -> plastic.contains(i.parameter()));
    inputGradient = inputsPlastic ? Nd4j.create(type, layout.totalUnits, layout.inputDimension) : null;
    propagate(w);

    weightGradients(plastic, grads);

    // Weight penalty, masks, and the network's parameter order.
    Map<String, INDArray> ordered = new LinkedHashMap<>();
    for (String name : weights.names()) {
      INDArray g = grads.get(name);
      if (g == null) {
        continue;
      }
      if (loss.weightPenalty() > 0 && weightMatrices().contains(name)) {
        INDArray value = weights.get(name);
        if (loss.norm() == LossSpec.WeightNorm.SQUARED) {
          g.addi(value.mul(2 * loss.weightPenalty()));
        } else {
          double norm = value.norm2Number().doubleValue();
          if (norm > 0) {
            g.addi(value.mul(loss.weightPenalty() / norm));
          }
        }
      }
      INDArray mask = weights.mask(name);
      if (mask != null) {
        g.muli(mask);
      }
      ordered.put(name, g);
    }
    return ordered;
  }

  /** dL/dr of the rate penalty and the readouts into the grad buffer; the readouts' own gradients into {@code grads}. */
  private void directTerms(Weights weights, double[] targets, LossSpec loss, Set<String> plastic,
      Map<String, INDArray> grads) {
    long rows = (long) bins * batch;
    boolean sameUnits = java.util.Arrays.stream(layout.units).allMatch(u -> u == layout.units[0]);
    if (fused) {
      fusedDirectTerms(weights, targets, loss, plastic, grads);
      return;
    }
    if (loss.ratePenalty() > 0 && sameUnits) {
      ratesAfter.mul(2 * loss.ratePenalty() / ((double) bins * batch * layout.units[0]), grad);
    } else if (loss.ratePenalty() > 0) {
      double[] coefficient = new double[layout.totalUnits];
      for (int m = 0; m < layout.modules; m++) {
        for (int j = 0; j < layout.units[m]; j++) {
          coefficient[layout.offset[m] + j] = 2 * loss.ratePenalty() / ((double) bins * batch * layout.units[m]);
        }
      }
      Nd4j.exec(new BroadcastMulOp(ratesAfter, Precisions.create(coefficient, new long[] {1, layout.totalUnits}, type),
          grad, 1));
    } else {
      grad.assign(0);
    }
    double[][] dy = head.gradient(targets, loss.fromBin());
    for (int k = 0; k < raw.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      INDArray dY = Precisions.create(dy[k], new long[] {rows, r.dimension()}, type);
      INDArray weight = weights.get(r.spec().weightName());
      Gemm.mm(dY, false, weight, false, gradModule[r.module()], 1, 1);
      if (plastic.contains(r.spec().weightName())) {
        INDArray dW = Nd4j.create(type, r.dimension(), layout.units[r.module()]);
        Gemm.mm(dY, true, afterModule[r.module()], false, dW, 1, 0);
        grads.put(r.spec().weightName(), dW);
      }
      biasGradient(r, dy[k], plastic, grads);
    }
  }

  /**
   * The fused path's share of the direct terms: the rate penalty's coefficient per unit (the
   * backward kernel adds the term), dL/dy per readout and zeroed readout weight gradients (the
   * backward loop applies and sums them a step at a time, while the step's block is in the cache:
   * over all bins at once, these GEMMs with 2 output columns ran at memory speed), and zeros where no
   * term will be written: the last bin of a module without a readout, and all bins of a module that
   * neither a readout nor a projection reads.
   */
  private void fusedDirectTerms(Weights weights, double[] targets, LossSpec loss, Set<String> plastic,
      Map<String, INDArray> grads) {
    long rows = (long) bins * batch;
    for (int m = 0; m < layout.modules; m++) {
      for (int j = 0; j < layout.units[m]; j++) {
        penaltyColumns[layout.offset[m] + j] = (float) (2 * loss.ratePenalty() / ((double) rows * layout.units[m]));
      }
      if (!readFrom[m]) {
        (layout.backwardRuns.get(m).isEmpty() ? gradModule[m] : gradStepModule[bins - 1][m]).assign(0);
      }
    }
    double[][] dy = head.gradient(targets, loss.fromBin());
    for (int k = 0; k < raw.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      outputGradient[k].assign(Precisions.create(dy[k], new long[] {rows, r.dimension()}, type));
      readoutWeight[k] = weights.get(r.spec().weightName());
      readoutWeightGradient[k] = null;
      if (plastic.contains(r.spec().weightName())) {
        readoutWeightGradient[k] = Nd4j.create(type, r.dimension(), layout.units[r.module()]);
        grads.put(r.spec().weightName(), readoutWeightGradient[k]);
      }
      biasGradient(r, dy[k], plastic, grads);
    }
  }

  private void biasGradient(Layout.Readout r, double[] dy, Set<String> plastic, Map<String, INDArray> grads) {
    if (r.spec().bias() && plastic.contains(r.spec().biasName())) {
      double[] db = new double[r.dimension()];
      for (int i = 0; i < dy.length; i++) {
        db[i % r.dimension()] += dy[i];
      }
      grads.put(r.spec().biasName(), Precisions.create(db, new long[] {r.dimension()}, type));
    }
  }

  /** Every plastic projection's and input's gradient: one GEMM per run of adjacent sources, over all bins and trials. */
  private void weightGradients(Set<String> plastic, Map<String, INDArray> grads) {
    for (int m = 0; m < layout.modules; m++) {
      List<Layout.Run> runs = layout.forwardRuns.get(m);
      for (Layout.Run run : runs) {
        if (run.parts().stream().noneMatch(p -> plastic.contains(p.parameter()))) {
          continue;
        }
        INDArray dPacked = Nd4j.create(type, layout.units[m], run.width());
        Gemm.mm(gradModule[m], true, columns(ratesBefore, run.start(), run.width()), false, dPacked, 1, 0);
        int column = 0;
        for (Layout.Projection p : run.parts()) {
          int width = layout.units[p.from()];
          if (plastic.contains(p.parameter())) {
            grads.put(p.parameter(), run.parts().size() == 1 ? dPacked : columns(dPacked, column, width).dup('c'));
          }
          column += width;
        }
      }
    }
    if (layout.inputs.stream().anyMatch(i -> plastic.contains(i.parameter()))) {
      INDArray dInputs = inputGradient;
      for (Layout.Input in : layout.inputs) {
        if (plastic.contains(in.parameter())) {
          grads.put(in.parameter(), dInputs.get(interval(layout.offset[in.module()], layout.offset[in.module()]
              + layout.units[in.module()]), interval(in.column(), in.column() + in.dimension())).dup('c'));
        }
      }
    }
  }

  /**
   * The backward time loop: turns dL/dr (direct terms) into g = a dL/dx, bin by bin from the last.
   * A method of its own, so HotSpot compiles the hot loop early (as part of a 1.7 kB method it
   * compiled only after some 12 s of a benchmark, on compiler threads starved by BLAS).
   */
  private void propagate(Packed w) {
    if (fused) {
      loops.backward(w.backward, penaltyColumns, inputGradient, readoutWeight, readoutWeightGradient);
      return;
    }
    for (int t = bins - 1; t >= 0; t--) {
      boolean last = t == bins - 1;
      if (!last) {
        for (int s = 0; s < layout.modules; s++) {
          INDArray[] sources = backwardSource[t + 1][s];
          for (int i = 0; i < sources.length; i++) {
            Gemm.mm(sources[i], false, w.backward[s][i], false, gradStepModule[t][s], 1, 1);
          }
        }
      }
      if (FloatKernels.applies(gradStep[t], driveStep[t])) {
        kernels.backwardStep(gradStep[t], driveStep[t], last ? null : gradStep[t + 1], decayColumns);
      } else {
        gradStep[t].muli(driveStep[t]);
        if (!last) {
          if (uniformAlpha) {
            Gemm.axpy(1 - layout.alpha[0], gradStep[t + 1], gradStep[t]);
          } else {
            Nd4j.exec(new BroadcastMulOp(gradStep[t + 1], decay, scratch, 1));
            gradStep[t].addi(scratch);
          }
        }
      }
      if (inputGradient != null) {
        // The input weights' gradient sum_t g_t^T u_t, a step at a time while g_t is in the cache
        // (one GEMM over all bins would read the whole gradient array again for 3 input columns).
        Gemm.mm(gradStep[t], true, inputStep[t], false, inputGradient, 1, 1);
      }
    }
  }

  private void derivatives() {
    if (layout.sameActivationEverywhere()) {
      derivative(layout.activation[0], ratesAfter, drive, squaresInDrive);
    } else {
      for (int m = 0; m < layout.modules; m++) {
        derivative(layout.activation[m], afterModule[m], columns(drive, layout.offset[m], layout.units[m]),
            squaresInDrive);
      }
    }
    squaresInDrive = false;
    if (uniformAlpha) {
      drive.muli(layout.alpha[0]);
    } else {
      drive.muliRowVector(alphaRow);
    }
  }

  /** f'(x) from r = f(x) into {@code out}; {@code squared}: out already holds r^2. */
  private static void derivative(Activation f, INDArray r, INDArray out, boolean squared) {
    switch (f) {
      case TANH -> {
        if (!squared) {
          out.assign(r).muli(r);
        }
        out.rsubi(1);
      }
      case RELU -> out.assign(r.gt(0).castTo(r.dataType()));
      case SOFTPLUS -> out.assign(Transforms.exp(r.neg(), false).rsubi(1));
      case LINEAR -> out.assign(1);
    }
  }

  /** Rates per module of the last forward pass, [trials, bins, units]. */
  Map<String, INDArray> ratesByModule() {
    Map<String, INDArray> result = new LinkedHashMap<>();
    for (int m = 0; m < layout.modules; m++) {
      INDArray timeMajor = afterModule[m].dup('c').reshape(bins, batch, layout.units[m]);
      result.put(layout.names[m], timeMajor.permute(1, 0, 2).dup('c'));
    }
    return result;
  }

  /** Outputs per readout of the last forward pass, [trials, bins, dimension]. */
  Map<String, INDArray> outputsByReadout() {
    Map<String, INDArray> result = new LinkedHashMap<>();
    double[][] outputs = head.outputs();
    for (int k = 0; k < outputs.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      int dim = r.dimension();
      double[] trialMajor = new double[outputs[k].length];
      for (int t = 0; t < bins; t++) {
        for (int b = 0; b < batch; b++) {
          System.arraycopy(outputs[k], (t * batch + b) * dim, trialMajor, (b * bins + t) * dim, dim);
        }
      }
      result.put(r.spec().name(), Precisions.create(trialMajor, new long[] {batch, bins, dim}, type));
    }
    return result;
  }

  /** Initial states per module of the last forward pass, [trials, units]. */
  Map<String, INDArray> initialStatesByModule() {
    Map<String, INDArray> result = new LinkedHashMap<>();
    for (int m = 0; m < layout.modules; m++) {
      result.put(layout.names[m], Precisions.create(x0[m], new long[] {batch, layout.units[m]}, type));
    }
    return result;
  }

  /** The weights arranged for the GEMMs of one pass (runs concatenated; inputs scaled by a). */
  private final class Packed {
    final INDArray[][] forward = new INDArray[layout.modules][];
    final INDArray[][] backward = new INDArray[layout.modules][];
    final INDArray inputs;
    /** The fused forward kernel's copy of {@link #inputs}: [input column][unit]; null when not fused or no inputs. */
    final float[][] inputColumns;

    Packed(Weights weights) {
      for (int m = 0; m < layout.modules; m++) {
        List<Layout.Run> in = layout.forwardRuns.get(m);
        forward[m] = new INDArray[in.size()];
        for (int i = 0; i < in.size(); i++) {
          forward[m][i] = pack(weights, in.get(i), true);
        }
        List<Layout.Run> out = layout.backwardRuns.get(m);
        backward[m] = new INDArray[out.size()];
        for (int i = 0; i < out.size(); i++) {
          backward[m][i] = pack(weights, out.get(i), false);
        }
      }
      if (layout.inputs.isEmpty()) {
        inputs = null;
      } else {
        inputs = Nd4j.create(type, layout.totalUnits, layout.inputDimension);
        for (Layout.Input in : layout.inputs) {
          int m = in.module();
          inputs.get(interval(layout.offset[m], layout.offset[m] + layout.units[m]),
                  interval(in.column(), in.column() + in.dimension()))
              .assign(weights.get(in.parameter()).mul(layout.alpha[m]));
        }
      }
      inputColumns = fused && inputs != null ? inputs.transpose().dup('c').toFloatMatrix() : null;
    }

    /** Forward: [W_1 W_2 ...] side by side (sources adjacent); backward: stacked (targets adjacent). */
    private INDArray pack(Weights weights, Layout.Run run, boolean forwardRun) {
      if (run.parts().size() == 1) {
        return weights.get(run.parts().get(0).parameter());
      }
      INDArray[] parts = run.parts().stream().map(p -> weights.get(p.parameter())).toArray(INDArray[]::new);
      return forwardRun ? Nd4j.hstack(parts) : Nd4j.vstack(parts);
    }
  }

  /** The loss and its parts. */
  record LossTerms(double loss, double mse, double weightPenalty, double ratePenalty) {}
}

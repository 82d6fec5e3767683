package org.motorlearn.runtime.engine;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The time loops of training a float32 tanh network (the paper's), on the {@link FloatKernels} and a
 * {@link StepTeam}: each member owns a contiguous range of units ({@link Layout#shares}) and, every
 * step, computes their GEMM rows and their element-wise work, then waits for the others.
 *
 * <p>Forward, step t: x = (1 - a) x + a W r_t (GEMMs), then x += a W_in u_t (+ noise) and r_{t+1} =
 * tanh(x) in the kernel, which also sums r^2 for the rate penalty. Backward, step t: q_t = direct
 * terms + sum_p g_{t+1} W_p (GEMMs), then g_t = a (1 - r_{t+1}^2)(q_t + c r_{t+1}) + (1 - a) g_{t+1}
 * in the kernel (r_{t+1}: the rates step t computed), and the input weights' gradient += g_t^T u_t
 * while g_t is in the cache. The readouts'
 * direct terms dL/dy_t W_out and weight gradients += dL/dy_t^T r_{t+1} are applied step by step, too.
 *
 * <p>The result does not depend on timing: every member always computes the same units in the same
 * order. It does depend on the team size (as GEMM sums depend on BLAS threads), which the thread
 * layout fixes. Bptt owns the arrays; this class only holds views of them.
 */
final class FusedLoops {

  private final Layout layout;
  private final int bins;
  private final StepTeam team;
  private final boolean[] readFrom;
  private final INDArray[][][] forwardSource;
  private final INDArray[][][] backwardSource;
  private final INDArray[] inputStep;
  /** [readout][t]: dL/dy of the readout at step t, [batch, dimension]. */
  private final INDArray[][] outputStep;
  private final Share[] forward;
  private final Share[] backward;

  /**
   * @param rates [(bins + 1) * batch, units], block t the rates after step t - 1
   * @param drive [bins * batch, units] of process noise a sigma xi, or null
   * @param grad [bins * batch, units]
   * @param outputGradient per readout, dL/dy [bins * batch, dimension], filled before each backward pass
   * @param readFrom per module: a readout reads it (its dL/dr starts with a direct term)
   */
  FusedLoops(Layout layout, int batch, int bins, StepTeam team, INDArray rates, INDArray state, INDArray drive,
      INDArray grad, INDArray inputs, INDArray[] outputGradient, INDArray[][][] forwardSource, INDArray[][][] backwardSource,
      float[] alpha, float[] decay, boolean[] readFrom) {
    this.layout = layout;
    this.bins = bins;
    this.team = team;
    this.readFrom = readFrom;
    this.forwardSource = forwardSource;
    this.backwardSource = backwardSource;
    inputStep = new INDArray[bins];
    for (int t = 0; t < bins; t++) {
      inputStep[t] = block(inputs, t, batch, 0, (int) inputs.size(1));
    }
    outputStep = new INDArray[outputGradient.length][bins];
    for (int k = 0; k < outputGradient.length; k++) {
      for (int t = 0; t < bins; t++) {
        outputStep[k][t] = block(outputGradient[k], t, batch, 0, (int) outputGradient[k].size(1));
      }
    }
    int[] forwardCuts = layout.shares(team.size(), true);
    int[] backwardCuts = layout.shares(team.size(), false);
    forward = new Share[team.size()];
    backward = new Share[team.size()];
    for (int member = 0; member < team.size(); member++) {
      forward[member] = new Share(forwardCuts[member], forwardCuts[member + 1], batch, rates, state, drive, null,
          alpha, decay);
      backward[member] = new Share(backwardCuts[member], backwardCuts[member + 1], batch, rates, state, null, grad,
          alpha, decay);
    }
  }

  int teamSize() {
    return team.size();
  }

  /**
   * The forward time loop, from the rates in block 0 and the state in {@code state}.
   *
   * @param weights per module and run, the packed forward weights [units, run width]
   * @param inputColumns the input weights times a, [input column][unit], or null (no inputs)
   */
  void forward(INDArray[][] weights, float[][] inputColumns) {
    for (Share share : forward) {
      share.resetSquareSums();
      share.forwardWeights(weights, inputColumns);
    }
    team.run(member -> {
      Share share = forward[member];
      for (int t = 0; t < bins; t++) {
        share.forwardStep(t);
        team.await();
      }
    });
  }

  /** Sums over all bins and trials of r^2 per unit, of the last forward pass. */
  double[] squareSums() {
    double[] sums = new double[layout.totalUnits];
    for (Share share : forward) {
      double[] part = share.kernels.squareSums();
      System.arraycopy(part, 0, sums, share.start, part.length);
    }
    return sums;
  }

  /**
   * The backward time loop: g = a dL/dx into the grad array, which holds zeros on entry where no
   * term will be written (the last bin of a module without a readout; a module nothing reads).
   *
   * @param weights per module and run, the packed backward weights [run width, units]
   * @param penalty the rate penalty's coefficient per unit
   * @param inputGradient [units, input columns], summed into; null when no input is plastic
   * @param readoutWeights per readout, its weights [dimension, units of its module]
   * @param readoutGradients per readout, its weights' gradient (zeros on entry), or null when not plastic
   */
  void backward(INDArray[][] weights, float[] penalty, INDArray inputGradient, INDArray[] readoutWeights,
      INDArray[] readoutGradients) {
    for (Share share : backward) {
      share.backwardWeights(weights, penalty, inputGradient, readoutWeights, readoutGradients);
    }
    team.run(member -> {
      Share share = backward[member];
      for (int t = bins - 1; t >= 0; t--) {
        share.backwardStep(t);
        team.await();
      }
    });
  }

  private static INDArray block(INDArray array, int t, int batch, int start, int width) {
    return array.get(interval((long) t * batch, (long) (t + 1) * batch), interval(start, start + width));
  }

  /** One member's units [start, end) and its views of the loops' arrays. */
  private final class Share {
    final int start;
    final int end;
    final FloatKernels kernels = new FloatKernels();
    /** The modules this share overlaps, and the overlap's columns [from, to) in all-units numbering. */
    final int[] modules;
    final int[] from;
    final int[] to;
    final INDArray state;
    final INDArray[] stateModule;
    final INDArray[] rates;
    final INDArray[] drive;
    final INDArray[] grad;
    final INDArray[][] gradModule;
    /** [t][overlap]: the overlap's columns of the rates block t. */
    final INDArray[][] rateModule;
    /** Per overlap: the readouts of its module. */
    final int[][] readoutsOf;
    final float[] alpha;
    final float[] decay;
    /** Per pass: the overlapping rows (forward) or columns (backward) of each module's packed weights. */
    INDArray[][] weights;
    float[][] inputColumns;
    float[] penalty;
    INDArray inputGradient;
    /** Per pass, per overlap and readout of its module: the overlap's columns of the readout's weights and gradient. */
    INDArray[][] readoutWeight;
    INDArray[][] readoutGradient;

    Share(int start, int end, int batch, INDArray allRates, INDArray allState, INDArray allDrive, INDArray allGrad,
        float[] allAlpha, float[] allDecay) {
      this.start = start;
      this.end = end;
      List<int[]> overlaps = new ArrayList<>();
      for (int m = 0; m < layout.modules; m++) {
        int a = Math.max(start, layout.offset[m]);
        int b = Math.min(end, layout.offset[m] + layout.units[m]);
        if (a < b) {
          overlaps.add(new int[] {m, a, b});
        }
      }
      modules = overlaps.stream().mapToInt(o -> o[0]).toArray();
      from = overlaps.stream().mapToInt(o -> o[1]).toArray();
      to = overlaps.stream().mapToInt(o -> o[2]).toArray();
      state = allState.get(all(), interval(start, end));
      stateModule = new INDArray[modules.length];
      for (int q = 0; q < modules.length; q++) {
        stateModule[q] = allState.get(all(), interval(from[q], to[q]));
      }
      rates = new INDArray[bins + 1];
      rateModule = new INDArray[bins + 1][modules.length];
      for (int t = 0; t <= bins; t++) {
        rates[t] = block(allRates, t, batch, start, end - start);
        for (int q = 0; q < modules.length; q++) {
          rateModule[t][q] = block(allRates, t, batch, from[q], to[q] - from[q]);
        }
      }
      readoutsOf = new int[modules.length][];
      for (int q = 0; q < modules.length; q++) {
        int m = modules[q];
        readoutsOf[q] = java.util.stream.IntStream.range(0, layout.readouts.size())
            .filter(k -> layout.readouts.get(k).module() == m).toArray();
      }
      drive = allDrive == null ? null : new INDArray[bins];
      grad = allGrad == null ? null : new INDArray[bins];
      gradModule = allGrad == null ? null : new INDArray[bins][modules.length];
      for (int t = 0; t < bins; t++) {
        if (drive != null) {
          drive[t] = block(allDrive, t, batch, start, end - start);
        }
        if (grad != null) {
          grad[t] = block(allGrad, t, batch, start, end - start);
          for (int q = 0; q < modules.length; q++) {
            gradModule[t][q] = block(allGrad, t, batch, from[q], to[q] - from[q]);
          }
        }
      }
      alpha = Arrays.copyOfRange(allAlpha, start, end);
      decay = Arrays.copyOfRange(allDecay, start, end);
    }

    void resetSquareSums() {
      kernels.resetSquareSums(end - start);
    }

    void forwardWeights(INDArray[][] packed, float[][] allInputColumns) {
      weights = new INDArray[modules.length][];
      for (int q = 0; q < modules.length; q++) {
        int m = modules[q];
        weights[q] = new INDArray[packed[m].length];
        for (int i = 0; i < packed[m].length; i++) {
          weights[q][i] = packed[m][i].get(interval(from[q] - layout.offset[m], to[q] - layout.offset[m]), all());
        }
      }
      if (allInputColumns == null) {
        inputColumns = null;
      } else {
        inputColumns = new float[allInputColumns.length][];
        for (int k = 0; k < allInputColumns.length; k++) {
          inputColumns[k] = Arrays.copyOfRange(allInputColumns[k], start, end);
        }
      }
    }

    void forwardStep(int t) {
      for (int q = 0; q < modules.length; q++) {
        int m = modules[q];
        double a = layout.alpha[m];
        INDArray[] sources = forwardSource[t][m];
        if (sources.length == 0) {
          stateModule[q].muli(1 - a);
        }
        for (int i = 0; i < sources.length; i++) {
          Gemm.mm(sources[i], false, weights[q][i], true, stateModule[q], a, i == 0 ? 1 - a : 1);
        }
      }
      kernels.tanhForTraining(state, drive == null ? null : drive[t], inputColumns == null ? null : inputStep[t],
          inputColumns, rates[t + 1]);
    }

    void backwardWeights(INDArray[][] packed, float[] allPenalty, INDArray allInputGradient,
        INDArray[] readoutWeights, INDArray[] readoutGradients) {
      weights = new INDArray[modules.length][];
      for (int q = 0; q < modules.length; q++) {
        int s = modules[q];
        weights[q] = new INDArray[packed[s].length];
        for (int i = 0; i < packed[s].length; i++) {
          weights[q][i] = packed[s][i].get(all(), interval(from[q] - layout.offset[s], to[q] - layout.offset[s]));
        }
      }
      penalty = Arrays.copyOfRange(allPenalty, start, end);
      readoutWeight = new INDArray[modules.length][];
      readoutGradient = new INDArray[modules.length][];
      for (int q = 0; q < modules.length; q++) {
        int[] ks = readoutsOf[q];
        readoutWeight[q] = new INDArray[ks.length];
        readoutGradient[q] = new INDArray[ks.length];
        int columnsFrom = from[q] - layout.offset[modules[q]];
        int columnsTo = to[q] - layout.offset[modules[q]];
        for (int i = 0; i < ks.length; i++) {
          readoutWeight[q][i] = readoutWeights[ks[i]].get(all(), interval(columnsFrom, columnsTo));
          readoutGradient[q][i] = readoutGradients[ks[i]] == null ? null
              : readoutGradients[ks[i]].get(all(), interval(columnsFrom, columnsTo));
        }
      }
      inputGradient = allInputGradient == null ? null : allInputGradient.get(interval(start, end), all());
    }

    void backwardStep(int t) {
      boolean last = t == bins - 1;
      for (int q = 0; q < modules.length; q++) {
        int s = modules[q];
        int[] ks = readoutsOf[q];
        // The first term written into a block replaces (beta 0) what an earlier pass left there.
        for (int i = 0; i < ks.length; i++) {
          INDArray dY = outputStep[ks[i]][t];
          Gemm.mm(dY, false, readoutWeight[q][i], false, gradModule[t][q], 1, i == 0 ? 0 : 1);
          if (readoutGradient[q][i] != null) {
            Gemm.mm(dY, true, rateModule[t + 1][q], false, readoutGradient[q][i], 1, 1);
          }
        }
        if (!last) {
          INDArray[] sources = backwardSource[t + 1][s];
          for (int i = 0; i < sources.length; i++) {
            double beta = i == 0 && !readFrom[s] ? 0 : 1;
            Gemm.mm(sources[i], false, weights[q][i], false, gradModule[t][q], 1, beta);
          }
        }
      }
      kernels.tanhBackwardStep(grad[t], rates[t + 1], last ? null : grad[t + 1], alpha, penalty, decay);
      if (inputGradient != null) {
        // sum_t g_t^T u_t a step at a time, while g_t is in the cache: one GEMM over all bins would
        // read the whole gradient array again for the 3 input columns.
        Gemm.mm(grad[t], true, inputStep[t], false, inputGradient, 1, 1);
      }
    }
  }
}

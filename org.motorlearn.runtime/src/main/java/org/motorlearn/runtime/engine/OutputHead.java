package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.Perturbation;
import org.motorlearn.runtime.spec.ReadoutSpec;

/**
 * The small output side of the network, in double precision in Java: readout bias, integration of
 * velocity readouts (p_t = p_{t-1} + dt * v_t from p = 0), the output perturbation z = A p, the MSE
 * against the targets and its gradient with respect to the raw readout W r. Arrays are time-major:
 * element (t, b, d) of a readout of dimension D is at {@code (t * batch + b) * D + d}.
 */
final class OutputHead {

  private final Layout layout;
  private final int batch;
  private final int bins;
  private final double[][][] maps;
  private final double[][] outputs;

  OutputHead(Layout layout, int batch, int bins, Perturbation outputPerturbation) {
    this.layout = layout;
    this.batch = batch;
    this.bins = bins;
    int count = layout.readouts.size();
    maps = new double[count][][];
    outputs = new double[count][];
    for (int k = 0; k < count; k++) {
      Layout.Readout r = layout.readouts.get(k);
      maps[k] = OutputMap.matrix(outputPerturbation, r.dimension(), r.spec().name());
      outputs[k] = new double[bins * batch * r.dimension()];
    }
  }

  /** Hand positions per readout (perturbed if a perturbation applies), time-major. */
  double[][] outputs() {
    return outputs;
  }

  /** Turns the raw readouts W r (time-major, per readout) and the biases (null: none) into outputs. */
  void forward(double[][] raw, double[][] biases) {
    for (int k = 0; k < outputs.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      int dim = r.dimension();
      double[] p = outputs[k];
      double[] y = raw[k];
      for (int i = 0; i < p.length; i++) {
        p[i] = y[i] + (biases[k] == null ? 0 : biases[k][i % dim]);
      }
      if (r.spec().kind() == ReadoutSpec.Kind.VELOCITY) {
        double dt = layout.network.dt();
        int row = batch * dim;
        for (int i = 0; i < row; i++) {
          p[i] = dt * p[i];
        }
        for (int i = row; i < p.length; i++) {
          p[i] = p[i - row] + dt * p[i];
        }
      }
      if (maps[k] != null) {
        apply(maps[k], p, dim, false);
      }
    }
  }

  /** Mean over bins t >= fromBin, trials and all readouts' dimensions of (z - target)^2. */
  double mse(double[] targets, int fromBin) {
    double sum = 0;
    for (int k = 0; k < outputs.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      int dim = r.dimension();
      for (int t = fromBin; t < bins; t++) {
        for (int b = 0; b < batch; b++) {
          for (int d = 0; d < dim; d++) {
            double e = outputs[k][(t * batch + b) * dim + d] - targets[(t * batch + b) * layout.outputDimension + r.column() + d];
            sum += e * e;
          }
        }
      }
    }
    return sum / ((double) batch * (bins - fromBin) * layout.outputDimension);
  }

  /** d mse / d (raw readout W r) per readout, time-major; the bias gradient is its sum over rows. */
  double[][] gradient(double[] targets, int fromBin) {
    double scale = 2.0 / ((double) batch * (bins - fromBin) * layout.outputDimension);
    double[][] grads = new double[outputs.length][];
    for (int k = 0; k < outputs.length; k++) {
      Layout.Readout r = layout.readouts.get(k);
      int dim = r.dimension();
      double[] g = new double[outputs[k].length];
      for (int t = fromBin; t < bins; t++) {
        for (int b = 0; b < batch; b++) {
          for (int d = 0; d < dim; d++) {
            int i = (t * batch + b) * dim + d;
            g[i] = scale * (outputs[k][i] - targets[(t * batch + b) * layout.outputDimension + r.column() + d]);
          }
        }
      }
      if (maps[k] != null) {
        apply(maps[k], g, dim, true);
      }
      if (r.spec().kind() == ReadoutSpec.Kind.VELOCITY) {
        double dt = layout.network.dt();
        int row = batch * dim;
        for (int i = g.length - row - 1; i >= 0; i--) {
          g[i] += g[i + row];
        }
        for (int i = 0; i < g.length; i++) {
          g[i] *= dt;
        }
      }
      grads[k] = g;
    }
    return grads;
  }

  /** v := A v (or A^T v) for every dim-vector of the array. */
  private static void apply(double[][] a, double[] values, int dim, boolean transpose) {
    double[] v = new double[dim];
    for (int i = 0; i < values.length; i += dim) {
      System.arraycopy(values, i, v, 0, dim);
      for (int row = 0; row < dim; row++) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
          s += (transpose ? a[c][row] : a[row][c]) * v[c];
        }
        values[i + row] = s;
      }
    }
  }
}

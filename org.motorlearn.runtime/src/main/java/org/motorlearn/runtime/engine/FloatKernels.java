package org.motorlearn.runtime.engine;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise work of the float32 time loop as plain Java loops over float[] copies of one
 * step's block, which HotSpot's C2 compiles to SIMD code.
 *
 * <p>Why: ND4J's tanh is a scalar libm call per element (0.27 s of a 3.4 s paper-scale update, where
 * PyTorch's vectorised tanh takes 0.05 s), and every ND4J op costs tens of microseconds of
 * bookkeeping, paid hundreds of times per pass. Copying a block of 80 x 1200 floats in and out costs
 * less than either. Java float arithmetic is strict IEEE 754 and C2's vector code computes the same
 * operations in the same order, so the results are bitwise reproducible on any x86 or ARM machine.
 *
 * <p>Operands are row-major float32 matrices in host memory ({@link #applies}); others go through ND4J.
 * One instance per {@link Bptt} (it owns scratch arrays); not thread-safe.
 */
final class FloatKernels {

  /** Beyond this, tanh rounds to +-1 in float32 (Eigen's clamp for the same approximation). */
  private static final float TANH_CLAMP = 7.90531110763549805f;

  /**
   * Elements per chunk: the loops copy a few whole rows at a time (64 kB per operand), so their
   * scratch arrays stay in the level-2 cache beside the weights the next GEMMs need.
   */
  private static final int CHUNK = 16384;

  private float[] first = new float[0];
  private float[] second = new float[0];
  private float[] third = new float[0];
  /**
   * Per-column values repeated over the rows of a chunk, so that every loop is a flat loop over
   * same-indexed arrays, which C2 vectorises (with a per-column index it ran at half the speed).
   */
  private final Pattern alpha = new Pattern();
  private final Pattern decay = new Pattern();
  private final Pattern penalty = new Pattern();
  private float[] stepInputs = new float[0];
  private Pattern[] inputPatterns = new Pattern[0];
  /** r^2 summed per chunk position (column = position % width) since {@link #resetSquareSums}. */
  private float[] squares = new float[0];
  private int squaresWidth;

  /** True when every operand is a float32 row-major matrix in host memory of the same shape. */
  static boolean applies(INDArray... operands) {
    for (INDArray x : operands) {
      if (!HostMemory.AVAILABLE || x.dataType() != DataType.FLOAT || !HostMemory.rowMajor(x)
          || x.size(0) != operands[0].size(0) || x.size(1) != operands[0].size(1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * r = tanh(x), by the rational approximation Eigen and XLA use for float32 (odd polynomial of
   * degree 13 over one of degree 6 on [-7.9, 7.9]): below 4e-7 relative error (about 3 float32
   * epsilons) against the exact tanh; NaN stays NaN, +-infinity gives +-1.
   */
  void tanh(INDArray x, INDArray r) {
    Chunks chunks = chunks(x);
    for (int row = 0; row < chunks.rows; row += chunks.rowsPerChunk) {
      int n = read(x, row, chunks, first);
      tanhInPlace(first, n);
      write(first, r, row, chunks);
    }
  }

  /** Starts the sums of r^2 of {@link #tanhForTraining} afresh, for matrices {@code width} columns wide. */
  void resetSquareSums(int width) {
    int capacity = chunks(width).capacity();
    if (squares.length < capacity) {
      squares = new float[capacity];
    }
    java.util.Arrays.fill(squares, 0f);
    squaresWidth = width;
  }

  /** The sums of r^2 per column since {@link #resetSquareSums}. */
  double[] squareSums() {
    double[] sums = new double[squaresWidth];
    for (int i = 0; i < squares.length; i++) {
      sums[i % squaresWidth] += squares[i];
    }
    return sums;
  }

  /**
   * One activation step of a training pass: x += drive (when {@code drive} is not null) and
   * x += u W^T (when {@code u} is not null: that step's task inputs, one row per trial, and
   * {@code inputColumns[k]} the weights of input column k for every unit, already scaled by a),
   * then r = tanh(x), with r^2 added to the sums of {@link #resetSquareSums} while r is in the cache.
   * The input projection has 3 columns in the paper's network: computed here, it costs a few
   * multiply-adds per element instead of an [all bins x units] array written and read back.
   */
  void tanhForTraining(INDArray x, INDArray drive, INDArray u, float[][] inputColumns, INDArray r) {
    Chunks chunks = chunks(x);
    if (chunks.width != squaresWidth) {
      throw new IllegalStateException("resetSquareSums(" + chunks.width + ") first");
    }
    float[] v = first;
    float[] dv = second;
    float[] sums = squares;
    float[] inputs = u == null ? null : inputs(u, chunks.rows);
    for (int row = 0; row < chunks.rows; row += chunks.rowsPerChunk) {
      int n = read(x, row, chunks, v);
      if (drive != null) {
        read(drive, row, chunks, dv);
        for (int i = 0; i < n; i++) {
          v[i] += dv[i];
        }
      }
      if (inputs != null) {
        addInputs(v, n, chunks, inputs, row, inputColumns);
      }
      if (drive != null || inputs != null) {
        write(v, x, row, chunks);
      }
      tanhInPlace(v, n);
      write(v, r, row, chunks);
      for (int i = 0; i < n; i++) {
        sums[i] += v[i] * v[i];
      }
    }
  }

  /**
   * v += sum_k u_k w_k over a chunk, row by row: u_k is the row's input k, w_k input k's weights
   * spread out over the chunk like its rows, so that v and w_k are indexed alike (C2 vectorises
   * v[i] += u w[i]; v[start + j] += u w[j] it does not, as it cannot rule out that v and w are one array).
   */
  private void addInputs(float[] v, int n, Chunks chunks, float[] u, int firstRow, float[][] columns) {
    int k = columns.length;
    if (inputPatterns.length != k) {
      inputPatterns = new Pattern[k];
      for (int c = 0; c < k; c++) {
        inputPatterns[c] = new Pattern();
      }
    }
    for (int c = 0; c < k; c++) {
      float[] w = inputPatterns[c].of(columns[c], chunks);
      for (int start = 0, row = firstRow; start < n; start += chunks.width, row++) {
        float input = u[row * k + c];
        for (int i = start; i < start + chunks.width; i++) {
          v[i] += input * w[i];
        }
      }
    }
  }

  /** tanh of v[0, n) in place; see {@link #tanh}. */
  private static void tanhInPlace(float[] v, int n) {
    for (int i = 0; i < n; i++) {
      float c = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v[i]));
      float c2 = c * c;
      float p = -2.76076847742355e-16f;
      p = p * c2 + 2.00018790482477e-13f;
      p = p * c2 - 8.60467152213735e-11f;
      p = p * c2 + 5.12229709037114e-08f;
      p = p * c2 + 1.48572235717979e-05f;
      p = p * c2 + 6.37261928875436e-04f;
      p = p * c2 + 4.89352455891786e-03f;
      float q = 1.19825839466702e-06f;
      q = q * c2 + 1.18534705686654e-04f;
      q = q * c2 + 2.26843463243900e-03f;
      q = q * c2 + 4.89352518554385e-03f;
      // c * (p / q), not (c * p) / q: keeps tiny arguments out of the subnormal range.
      v[i] = c * (p / q);
    }
  }

  /**
   * One step of the backward recursion: g = d * g + decay * next, element by element, with
   * {@code decayPerColumn} the 1 - a of each column; {@code next} may be null (the last bin, where
   * nothing follows).
   */
  void backwardStep(INDArray g, INDArray d, INDArray next, float[] decayPerColumn) {
    Chunks chunks = chunks(g);
    float[] gv = first;
    float[] dv = second;
    float[] nv = third;
    float[] c = decay.of(decayPerColumn, chunks);
    for (int row = 0; row < chunks.rows; row += chunks.rowsPerChunk) {
      int n = read(g, row, chunks, gv);
      read(d, row, chunks, dv);
      if (next == null) {
        for (int i = 0; i < n; i++) {
          gv[i] = dv[i] * gv[i];
        }
      } else {
        read(next, row, chunks, nv);
        for (int i = 0; i < n; i++) {
          gv[i] = dv[i] * gv[i] + c[i] * nv[i];
        }
      }
      write(gv, g, row, chunks);
    }
  }

  /**
   * One step of the backward recursion of a tanh network, with the rate penalty's direct term:
   * g = a (1 - r^2) (q + c r) + (1 - a) next, where {@code g} holds q = dL/dr from the readouts and
   * the later steps on entry and g = a dL/dx on return; {@code r} is the step's rates; a, c (the
   * penalty's coefficient) and 1 - a are given per column; {@code next} may be null (the last bin).
   */
  void tanhBackwardStep(INDArray g, INDArray r, INDArray next, float[] alphaPerColumn, float[] penaltyPerColumn,
      float[] decayPerColumn) {
    Chunks chunks = chunks(g);
    float[] gv = first;
    float[] rv = second;
    float[] nv = third;
    float[] a = alpha.of(alphaPerColumn, chunks);
    float[] c = penalty.of(penaltyPerColumn, chunks);
    float[] keep = decay.of(decayPerColumn, chunks);
    for (int row = 0; row < chunks.rows; row += chunks.rowsPerChunk) {
      int n = read(g, row, chunks, gv);
      read(r, row, chunks, rv);
      if (next == null) {
        for (int i = 0; i < n; i++) {
          gv[i] = a[i] * (1 - rv[i] * rv[i]) * (gv[i] + c[i] * rv[i]);
        }
      } else {
        read(next, row, chunks, nv);
        for (int i = 0; i < n; i++) {
          gv[i] = a[i] * (1 - rv[i] * rv[i]) * (gv[i] + c[i] * rv[i]) + keep[i] * nv[i];
        }
      }
      write(gv, g, row, chunks);
    }
  }

  /** One step's task inputs (a contiguous [rows x k] block) as a float[]. */
  private float[] inputs(INDArray u, int rows) {
    if (!HostMemory.contiguous(u) || u.size(0) != rows || u.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("inputs: need a contiguous float32 [" + rows + " x k] block, got "
          + u.dataType() + java.util.Arrays.toString(u.shape()));
    }
    int length = (int) u.length();
    if (stepInputs.length < length) {
      stepInputs = new float[length];
    }
    HostMemory.floats(u).get(stepInputs, 0, length);
    return stepInputs;
  }

  /** How a matrix is walked: whole rows, {@code rowsPerChunk} at a time. */
  private record Chunks(int rows, int width, int rowsPerChunk) {
    int capacity() {
      return rowsPerChunk * width;
    }
  }

  private static Chunks chunks(int width) {
    return new Chunks(0, width, Math.max(1, CHUNK / width));
  }

  private Chunks chunks(INDArray x) {
    int width = (int) x.size(1);
    Chunks chunks = new Chunks((int) x.size(0), width, chunks(width).rowsPerChunk());
    if (first.length < chunks.capacity()) {
      first = new float[chunks.capacity()];
      second = new float[chunks.capacity()];
      third = new float[chunks.capacity()];
    }
    return chunks;
  }

  /** Per-column values laid out like a chunk's rows: value of column j at every position p with p % width == j. */
  private static final class Pattern {
    private float[] source;
    private float[] values = new float[0];

    float[] of(float[] perColumn, Chunks chunks) {
      if (perColumn.length != chunks.width) {
        throw new IllegalArgumentException(perColumn.length + " values for " + chunks.width + " columns");
      }
      if (source != perColumn || values.length != chunks.capacity()) {
        values = new float[chunks.capacity()];
        for (int i = 0; i < values.length; i++) {
          values[i] = perColumn[i % chunks.width];
        }
        source = perColumn;
      }
      return values;
    }
  }

  /** Copies rows [row, row + rowsPerChunk) of a row-major matrix into {@code into}; returns the count. */
  private static int read(INDArray x, int row, Chunks chunks, float[] into) {
    FloatPointer p = HostMemory.floats(x);
    int rows = Math.min(chunks.rowsPerChunk, chunks.rows - row);
    int lead = HostMemory.lead(x);
    if (lead == chunks.width) {
      p.position((long) row * lead).get(into, 0, rows * chunks.width);
    } else {
      FloatBuffer b = rowsOf(p, row, rows, lead, chunks.width);
      for (int i = 0; i < rows; i++) {
        b.get(i * lead, into, i * chunks.width, chunks.width);
      }
    }
    return rows * chunks.width;
  }

  private static void write(float[] from, INDArray x, int row, Chunks chunks) {
    FloatPointer p = HostMemory.floats(x);
    int rows = Math.min(chunks.rowsPerChunk, chunks.rows - row);
    int lead = HostMemory.lead(x);
    if (lead == chunks.width) {
      p.position((long) row * lead).put(from, 0, rows * chunks.width);
    } else {
      FloatBuffer b = rowsOf(p, row, rows, lead, chunks.width);
      for (int i = 0; i < rows; i++) {
        b.put(i * lead, from, i * chunks.width, chunks.width);
      }
    }
  }

  /**
   * Rows [row, row + rows) of a matrix whose rows are {@code lead} apart, as a buffer from the first
   * row's start: one JNI call per chunk rather than one per row (a team member's share of a step is
   * a block of rows {@code width} of {@code lead} wide).
   */
  private static FloatBuffer rowsOf(FloatPointer p, int row, int rows, int lead, int width) {
    long start = (long) row * lead;
    return p.position(start).limit(start + (long) (rows - 1) * lead + width).asBuffer();
  }
}

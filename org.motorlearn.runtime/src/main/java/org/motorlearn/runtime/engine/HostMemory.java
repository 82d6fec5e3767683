package org.motorlearn.runtime.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Raw access to ND4J arrays that live in host memory: the direct BLAS calls of {@link Gemm} and the
 * Java loops of {@link FloatKernels} read and write the engine's buffers through these pointers.
 */
final class HostMemory {

  /** Only on the CPU backend do ND4J's buffers live in host memory. */
  static final boolean AVAILABLE = "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());

  private HostMemory() {}

  /** A matrix whose rows are contiguous runs, each {@code stride(0)} elements after the previous. */
  static boolean rowMajor(INDArray x) {
    return x.rank() == 2 && (x.stride(1) == 1 || x.size(1) == 1) && x.stride(0) >= x.size(1) && x.size(0) > 0
        && x.size(1) > 0;
  }

  /** A row-major matrix whose elements are one run of memory (a block of whole rows, for example). */
  static boolean contiguous(INDArray x) {
    return rowMajor(x) && (x.size(0) == 1 || x.stride(0) == x.size(1));
  }

  /** The distance between the starts of two rows of a row-major matrix (BLAS's leading dimension). */
  static int lead(INDArray x) {
    return (int) Math.max(x.stride(0), x.size(1));
  }

  /** A view's data buffer already starts at the view's first element (ND4J creates it offset). */
  static FloatPointer floats(INDArray x) {
    return new FloatPointer(x.data().addressPointer());
  }

  static DoublePointer doubles(INDArray x) {
    return new DoublePointer(x.data().addressPointer());
  }
}

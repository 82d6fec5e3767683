package org.motorlearn.runtime.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha * op(A) op(B) + beta * C into a preallocated C, which may be a column block of a wider
 * row-major matrix (the engine multiplies blocks of its all-modules arrays in place, no copies).
 *
 * <p>Row-major operands go straight to OpenBLAS's cblas_?gemm (the same library and thread pool
 * ND4J uses), with the view's offset and row stride as leading dimension: one JNI call of about a
 * microsecond, where an ND4J Mmul op costs some 50 us of bookkeeping; the time loop makes thousands
 * of these calls per update. Anything else goes through ND4J's Mmul op.
 */
final class Gemm {

  /** Direct OpenBLAS calls only on the CPU backend, where ND4J's buffers live in host memory. */
  private static final boolean HOST_BLAS = "CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName());

  private Gemm() {}

  static void mm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha, double beta) {
    DataType type = c.dataType();
    if (HOST_BLAS && rowMajor(a) && rowMajor(b) && rowMajor(c) && a.dataType() == type && b.dataType() == type
        && (type == DataType.FLOAT || type == DataType.DOUBLE)) {
      int m = (int) c.size(0);
      int n = (int) c.size(1);
      int k = (int) (transposeA ? a.size(0) : a.size(1));
      if ((transposeA ? a.size(1) : a.size(0)) != m || (transposeB ? b.size(1) : b.size(0)) != k
          || (transposeB ? b.size(0) : b.size(1)) != n) {
        throw new IllegalArgumentException("gemm: shapes " + java.util.Arrays.toString(a.shape()) + (transposeA ? "^T" : "")
            + " x " + java.util.Arrays.toString(b.shape()) + (transposeB ? "^T" : "") + " -> "
            + java.util.Arrays.toString(c.shape()));
      }
      int ta = transposeA ? CblasTrans : CblasNoTrans;
      int tb = transposeB ? CblasTrans : CblasNoTrans;
      if (type == DataType.FLOAT) {
        openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, floats(a), lead(a), floats(b), lead(b),
            (float) beta, floats(c), lead(c));
      } else {
        openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, doubles(a), lead(a), doubles(b), lead(b),
            beta, doubles(c), lead(c));
      }
      return;
    }
    MMulTranspose t = MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build();
    Nd4j.exec(new Mmul(a, b, c, alpha, beta, t));
  }

  /** A matrix whose rows are contiguous runs, each {@code stride(0)} elements after the previous. */
  private static boolean rowMajor(INDArray x) {
    return x.rank() == 2 && (x.stride(1) == 1 || x.size(1) == 1) && x.stride(0) >= x.size(1) && x.size(0) > 0
        && x.size(1) > 0;
  }

  private static int lead(INDArray x) {
    return (int) Math.max(x.stride(0), x.size(1));
  }

  /** A view's data buffer already starts at the view's first element (ND4J creates it offset). */
  private static FloatPointer floats(INDArray x) {
    return new FloatPointer(x.data().addressPointer());
  }

  private static DoublePointer doubles(INDArray x) {
    return new DoublePointer(x.data().addressPointer());
  }
}

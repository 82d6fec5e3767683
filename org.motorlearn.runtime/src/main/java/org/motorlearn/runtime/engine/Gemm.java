package org.motorlearn.runtime.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.motorlearn.runtime.engine.HostMemory.contiguous;
import static org.motorlearn.runtime.engine.HostMemory.doubles;
import static org.motorlearn.runtime.engine.HostMemory.floats;
import static org.motorlearn.runtime.engine.HostMemory.lead;
import static org.motorlearn.runtime.engine.HostMemory.rowMajor;

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
 * of these calls per update. Anything else goes through ND4J's Mmul op. {@link #axpy} likewise.
 */
final class Gemm {

  private Gemm() {}

  static void mm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha, double beta) {
    DataType type = c.dataType();
    if (HostMemory.AVAILABLE && rowMajor(a) && rowMajor(b) && rowMajor(c) && a.dataType() == type && b.dataType() == type
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

  /** y += alpha x for two arrays of the same type and length, each one contiguous run of memory. */
  static void axpy(double alpha, INDArray x, INDArray y) {
    DataType type = y.dataType();
    if (x.length() != y.length() || x.dataType() != type) {
      throw new IllegalArgumentException("axpy: " + x.dataType() + java.util.Arrays.toString(x.shape()) + " into "
          + type + java.util.Arrays.toString(y.shape()));
    }
    if (HostMemory.AVAILABLE && contiguous(x) && contiguous(y) && (type == DataType.FLOAT || type == DataType.DOUBLE)) {
      int n = (int) y.length();
      if (type == DataType.FLOAT) {
        openblas_nolapack.cblas_saxpy(n, (float) alpha, floats(x), 1, floats(y), 1);
      } else {
        openblas_nolapack.cblas_daxpy(n, alpha, doubles(x), 1, doubles(y), 1);
      }
      return;
    }
    y.addi(alpha == 1 ? x : x.mul(alpha));
  }
}

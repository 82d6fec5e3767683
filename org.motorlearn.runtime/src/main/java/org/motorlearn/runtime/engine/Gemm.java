package org.motorlearn.runtime.engine;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha * op(A) op(B) + beta * C into a preallocated C. Unlike {@code Nd4j.gemm}, C may be a
 * column block of a wider row-major matrix: libnd4j passes the leading dimension to BLAS, so blocks
 * of the engine's all-modules arrays are multiplied in place without copies.
 */
final class Gemm {

  private Gemm() {}

  static void mm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha, double beta) {
    MMulTranspose t = MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build();
    Nd4j.exec(new Mmul(a, b, c, alpha, beta, t));
  }
}

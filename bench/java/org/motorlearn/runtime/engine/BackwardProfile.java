package org.motorlearn.runtime.engine;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Pieces of the backward loop timed separately (paper scale). */
public final class BackwardProfile {
  public static void main(String[] args) {
    System.out.println(ThreadLayout.apply(2).describe());
    int n = 400, bins = 400, batch = 80;
    INDArray grad = Nd4j.rand(DataType.FLOAT, (long) bins * batch, 3 * n).muli(0.01);
    INDArray drive = Nd4j.rand(DataType.FLOAT, (long) bins * batch, 3 * n);
    INDArray wb = Nd4j.rand(DataType.FLOAT, 2 * n, n).muli(0.01);
    INDArray w1 = Nd4j.rand(DataType.FLOAT, n, n).muli(0.01);
    INDArray[] g = new INDArray[bins];
    INDArray[] d = new INDArray[bins];
    for (int t = 0; t < bins; t++) {
      g[t] = grad.get(interval((long) t * batch, (long) (t + 1) * batch), all());
      d[t] = drive.get(interval((long) t * batch, (long) (t + 1) * batch), all());
    }
    for (int rep = 0; rep < 2; rep++) {
      long t0 = System.nanoTime();
      for (int t = bins - 2; t >= 0; t--) {
        Gemm.mm(g[t + 1].get(all(), interval(0, 2 * n)), false, wb, false, g[t].get(all(), interval(0, n)), 1, 1);
        Gemm.mm(g[t + 1].get(all(), interval(n, 3 * n)), false, wb, false, g[t].get(all(), interval(n, 2 * n)), 1, 1);
        Gemm.mm(g[t + 1].get(all(), interval(2 * n, 3 * n)), false, w1, false, g[t].get(all(), interval(2 * n, 3 * n)), 1, 1);
      }
      long t1 = System.nanoTime();
      for (int t = bins - 1; t >= 0; t--) {
        g[t].muli(d[t]);
      }
      long t2 = System.nanoTime();
      for (int t = bins - 2; t >= 0; t--) {
        Nd4j.getBlasWrapper().level1().axpy(g[t].length(), 0.8, g[t + 1], g[t]);
      }
      long t3 = System.nanoTime();
      INDArray dW = Nd4j.create(DataType.FLOAT, n, 2 * n);
      Gemm.mm(grad.get(all(), interval(n, 2 * n)), true, drive.get(all(), interval(0, 2 * n)), false, dW, 1, 0);
      long t4 = System.nanoTime();
      INDArray ones = Nd4j.ones(DataType.FLOAT, 1, (long) bins * batch);
      INDArray sums = Nd4j.create(DataType.FLOAT, 1, 3 * n);
      Gemm.mm(ones, false, drive, false, sums, 1, 0);
      long t5 = System.nanoTime();
      double norm = drive.get(all(), interval(0, n)).norm2Number().doubleValue();
      long t6 = System.nanoTime();
      drive.muli(0.999).addi(0.0001);
      long t7 = System.nanoTime();
      System.out.printf(Locale.ROOT, "bwd gemms %.3f (%.1f GFLOP/s)  muli %.3f  axpy %.3f  dW(400x32000x800) %.3f (%.1f GFLOP/s)  "
          + "gemv-sum %.3f  strided norm2 %.3f  two scalar ops on all %.3f%n",
          (t1 - t0) / 1e9, 2.0 * 5 * n * n * batch * (bins - 1) / ((t1 - t0) / 1e9) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
          (t4 - t3) / 1e9, 2.0 * 2 * n * n * batch * bins / ((t4 - t3) / 1e9) / 1e9, (t5 - t4) / 1e9, (t6 - t5) / 1e9,
          (t7 - t6) / 1e9 + norm * 0);
    }
  }
}

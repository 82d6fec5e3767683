package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.motorlearn.runtime.rng.RandomStreams;
import org.motorlearn.runtime.spec.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The direct BLAS path on blocks of wider matrices (offsets, leading dimensions, transposes, beta). */
class GemmTest {

  @ParameterizedTest
  @EnumSource(Precision.class)
  void blocksOfWiderMatricesMultiplyInPlace(Precision precision) {
    DataType type = Precisions.dataType(precision);
    double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 1e-4;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        INDArray bigA = random(type, 9, 11, 1);
        INDArray bigB = random(type, 8, 12, 2);
        INDArray bigC = random(type, 7, 13, 3);
        // op(A): 4 x 5, op(B): 5 x 3, C: 4 x 3 block at rows 2..5, columns 6..8.
        INDArray a = ta ? bigA.get(interval(3, 8), interval(2, 6)) : bigA.get(interval(3, 7), interval(2, 7));
        INDArray b = tb ? bigB.get(interval(1, 4), interval(5, 10)) : bigB.get(interval(1, 6), interval(5, 8));
        // C is a view of a view, as the engine's per-step module blocks are.
        INDArray c = bigC.get(interval(1, 7), all()).get(interval(1, 5), interval(6, 9));
        INDArray before = bigC.dup();
        INDArray expected = (ta ? a.transpose() : a).dup().mmul((tb ? b.transpose() : b).dup()).muli(0.7)
            .addi(c.dup().muli(0.3));
        Gemm.mm(a, ta, b, tb, c, 0.7, 0.3);
        double[] got = Precisions.values(c);
        double[] want = Precisions.values(expected);
        for (int i = 0; i < want.length; i++) {
          assertEquals(want[i], got[i], tolerance, "ta " + ta + " tb " + tb + " entry " + i);
        }
        before.get(interval(2, 6), interval(6, 9)).assign(c);
        assertEquals(before, bigC, "nothing outside the block changes");
      }
    }
  }

  private static INDArray random(DataType type, int rows, int columns, long seed) {
    var random = new RandomStreams(seed).stream("gemm");
    double[] v = new double[rows * columns];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextDouble() - 0.5;
    }
    return Precisions.create(v, new long[] {rows, columns}, type);
  }
}

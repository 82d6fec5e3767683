package org.motorlearn.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  @ParameterizedTest
  @EnumSource(Precision.class)
  void axpyAddsIntoBlocksOfRowsAndFallsBackForColumnBlocks(Precision precision) {
    DataType type = Precisions.dataType(precision);
    double tolerance = precision == Precision.FLOAT64 ? 1e-15 : 1e-7;
    INDArray big = random(type, 10, 6, 4);
    INDArray before = big.dup();
    INDArray x = random(type, 3, 6, 5);
    // Rows 4..6 of a matrix: one contiguous run, the direct BLAS path.
    Gemm.axpy(0.5, x, big.get(interval(4, 7), all()));
    // Columns 1..3: not contiguous, the ND4J path; same arithmetic.
    INDArray y = random(type, 3, 2, 6);
    Gemm.axpy(-2, y, big.get(interval(0, 3), interval(1, 3)));
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 6; j++) {
        double want = before.getDouble(i, j);
        if (i >= 4 && i < 7) {
          want += 0.5 * x.getDouble(i - 4, j);
        }
        if (i < 3 && j >= 1 && j < 3) {
          want -= 2 * y.getDouble(i, j - 1);
        }
        assertEquals(want, big.getDouble(i, j), tolerance, "(" + i + ", " + j + ")");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Gemm.axpy(1, x, big), "lengths differ");
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

package org.motorlearn.runtime.engine;

import org.motorlearn.runtime.spec.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J data types of the two precisions, and array creation from Java values in a precision. */
final class Precisions {

  private Precisions() {}

  static DataType dataType(Precision precision) {
    return precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
  }

  static int bytes(Precision precision) {
    return precision == Precision.FLOAT64 ? 8 : 4;
  }

  /** A C-order array of the given shape holding {@code values} rounded to the precision. */
  static INDArray create(double[] values, long[] shape, DataType type) {
    if (type == DataType.DOUBLE) {
      return Nd4j.create(values, shape, 'c');
    }
    float[] single = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      single[i] = (float) values[i];
    }
    return Nd4j.create(single, shape, 'c');
  }

  /** The values of any array as doubles, in C order. */
  static double[] values(INDArray array) {
    return array.dup('c').castTo(DataType.DOUBLE).data().asDouble();
  }
}

package org.motorlearn.runtime.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's .npy format (https://numpy.org/neps/nep-0001-npy-format.html), written and read in pure Java
 * so that every array of a run folder loads with {@code numpy.load} alone.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, C order, and the dtypes {@code f4}, {@code f8},
 * {@code i4}, {@code i8} (little- or big-endian) and {@code |b1}, {@code |u1}. They become ND4J arrays of
 * type FLOAT, DOUBLE, INT32, INT64, BOOL and UINT8. Writing produces little-endian C-order files of
 * version 1.0, or 2.0 when the header does not fit version 1.0's 64 KiB; FLOAT, DOUBLE, INT32, INT64,
 * BOOL and UINT8 arrays can be written. Errors are {@link NpyException}s that name the file and what
 * is wrong with it.
 */
public final class Npy {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** NumPy pads headers so the data starts at a multiple of 64 bytes (aligned memory maps). */
  private static final int ALIGNMENT = 64;
  private static final int CHUNK = 1 << 16;

  private Npy() {}

  /** Reads a .npy file into an ND4J array of the file's dtype. */
  public static INDArray read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      return read(in, file.toString());
    } catch (NpyException e) {
      throw e;
    } catch (IOException e) {
      throw new NpyException(file + ": cannot read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + ")", e);
    }
  }

  /**
   * Reads one array from a stream positioned at the start of a .npy record.
   *
   * @param source names the stream in error messages (usually the file)
   */
  public static INDArray read(InputStream stream, String source) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    NpyHeader header;
    try {
      header = NpyHeader.read(in, source);
    } catch (EOFException e) {
      throw new NpyException(source + ": the file ends inside its .npy header; it is truncated or not a .npy file", e);
    }
    long count = 1;
    for (long d : header.shape()) {
      count *= d;
    }
    if (count > Integer.MAX_VALUE) {
      throw new NpyException(source + ": " + count + " elements are more than one Java array can hold");
    }
    int n = (int) count;
    ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(n, header.itemSize())).order(header.order());
    try {
      in.readFully(bytes.array());
    } catch (EOFException e) {
      throw new NpyException(source + ": the file ends before the " + n + " elements its header promises"
          + " (shape " + shapeText(header.shape()) + "); the file is truncated", e);
    }
    long[] shape = header.shape();
    if (shape.length == 0) {
      return scalar(header, bytes);
    }
    return switch (header.kind()) {
      case 'f' -> header.itemSize() == 4 ? floats(bytes, n, shape) : doubles(bytes, n, shape);
      case 'i' -> header.itemSize() == 4 ? ints(bytes, n, shape) : longs(bytes, n, shape);
      case 'b' -> bytesAs(bytes.array(), shape, DataType.BOOL);
      default -> bytesAs(bytes.array(), shape, DataType.UINT8);
    };
  }

  /** Writes an array as a little-endian, C-order .npy file (version 1.0, or 2.0 for very long headers). */
  public static void write(Path file, INDArray array) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
      write(out, array);
    } catch (NpyException e) {
      throw new NpyException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new NpyException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }

  /** Writes one .npy record to a stream (for callers that write to a temporary file and rename). */
  public static void write(OutputStream out, INDArray array) throws IOException {
    DataType type = array.dataType();
    String descr = switch (type) {
      case FLOAT -> "<f4";
      case DOUBLE -> "<f8";
      case INT -> "<i4";
      case LONG -> "<i8";
      case BOOL -> "|b1";
      case UBYTE -> "|u1";
      default -> throw new NpyException("arrays of type " + type
          + " cannot be written; cast to FLOAT, DOUBLE, INT32, INT64, BOOL or UINT8 first");
    };
    out.write(headerBytes(descr, array.shape()));
    long length = array.length();
    if (length == 0) {
      return;
    }
    boolean plain = !array.isView() && array.ordering() == 'c' && array.data().length() == length;
    INDArray c = plain ? array : array.dup('c');
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case FLOAT -> {
        float[] v = c.data().asFloat();
        for (int i = 0; i < length; i++) {
          flushIfFull(out, chunk, 4).putFloat(v[i]);
        }
      }
      case DOUBLE -> {
        double[] v = c.data().asDouble();
        for (int i = 0; i < length; i++) {
          flushIfFull(out, chunk, 8).putDouble(v[i]);
        }
      }
      case INT -> {
        int[] v = c.data().asInt();
        for (int i = 0; i < length; i++) {
          flushIfFull(out, chunk, 4).putInt(v[i]);
        }
      }
      case LONG -> {
        long[] v = c.data().asLong();
        for (int i = 0; i < length; i++) {
          flushIfFull(out, chunk, 8).putLong(v[i]);
        }
      }
      default -> {
        // BOOL and UINT8: one byte per element; asInt() widens both without loss
        int[] v = c.data().asInt();
        for (int i = 0; i < length; i++) {
          flushIfFull(out, chunk, 1).put((byte) v[i]);
        }
      }
    }
    out.write(chunk.array(), 0, chunk.position());
    out.flush();
  }

  /** Reads a one-dimensional integer array (int32, int64, uint8 or bool) as Java ints. */
  public static int[] readInts(Path file) {
    INDArray a = read(file);
    if (a.rank() != 1) {
      throw new NpyException(file + ": expected a one-dimensional array, found shape " + shapeText(a.shape()));
    }
    DataType type = a.dataType();
    if (type == DataType.FLOAT || type == DataType.DOUBLE) {
      throw new NpyException(file + ": expected integers, found " + type + "; save it with dtype int32 or int64");
    }
    long[] values = a.castTo(DataType.INT64).data().asLong();
    int[] result = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
        throw new NpyException(file + ": element " + i + " = " + values[i] + " does not fit a 32-bit integer");
      }
      result[i] = (int) values[i];
    }
    return result;
  }

  /** Writes Java ints as a one-dimensional int32 array. */
  public static void writeInts(Path file, int[] values) {
    write(file, Nd4j.createFromArray(values.clone()));
  }

  private static ByteBuffer flushIfFull(OutputStream out, ByteBuffer chunk, int needed) throws IOException {
    if (chunk.remaining() < needed) {
      out.write(chunk.array(), 0, chunk.position());
      chunk.clear();
    }
    return chunk;
  }

  static byte[] headerBytes(String descr, long[] shape) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
    byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
    // version 1.0: magic(6) + version(2) + uint16 length; 2.0: uint32 length
    int prefix = padded(10, text.length) - 10 <= 0xffff ? 10 : 12;
    int total = padded(prefix, text.length);
    int headerLength = total - prefix;
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC);
    if (prefix == 10) {
      b.put((byte) 1).put((byte) 0).putShort((short) headerLength);
    } else {
      b.put((byte) 2).put((byte) 0).putInt(headerLength);
    }
    b.put(text);
    while (b.position() < total - 1) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n');
    return b.array();
  }

  /** Bytes up to the end of the header: prefix, text, newline, spaces to the next multiple of 64. */
  private static int padded(int prefix, int textLength) {
    return ((prefix + textLength + 1 + ALIGNMENT - 1) / ALIGNMENT) * ALIGNMENT;
  }

  private static INDArray scalar(NpyHeader header, ByteBuffer bytes) {
    return switch (header.kind()) {
      case 'f' -> header.itemSize() == 4 ? Nd4j.scalar(bytes.getFloat(0)) : Nd4j.scalar(bytes.getDouble(0));
      case 'i' -> header.itemSize() == 4 ? Nd4j.scalar(bytes.getInt(0)) : Nd4j.scalar(bytes.getLong(0));
      case 'b' -> Nd4j.scalar(bytes.get(0) != 0);
      default -> Nd4j.scalar(Byte.toUnsignedInt(bytes.get(0))).castTo(DataType.UINT8);
    };
  }

  private static INDArray floats(ByteBuffer bytes, int n, long[] shape) {
    float[] v = new float[n];
    bytes.asFloatBuffer().get(v);
    return n == 0 ? Nd4j.create(DataType.FLOAT, shape) : Nd4j.create(v, shape, 'c');
  }

  private static INDArray doubles(ByteBuffer bytes, int n, long[] shape) {
    double[] v = new double[n];
    bytes.asDoubleBuffer().get(v);
    return n == 0 ? Nd4j.create(DataType.DOUBLE, shape) : Nd4j.create(v, shape, 'c');
  }

  private static INDArray ints(ByteBuffer bytes, int n, long[] shape) {
    int[] v = new int[n];
    bytes.asIntBuffer().get(v);
    return n == 0 ? Nd4j.create(DataType.INT32, shape) : Nd4j.createFromArray(v).reshape('c', shape);
  }

  private static INDArray longs(ByteBuffer bytes, int n, long[] shape) {
    long[] v = new long[n];
    bytes.asLongBuffer().get(v);
    return n == 0 ? Nd4j.create(DataType.INT64, shape) : Nd4j.createFromArray(v).reshape('c', shape);
  }

  private static INDArray bytesAs(byte[] v, long[] shape, DataType type) {
    if (v.length == 0) {
      return Nd4j.create(type, shape);
    }
    if (type == DataType.BOOL) {
      boolean[] b = new boolean[v.length];
      for (int i = 0; i < v.length; i++) {
        b[i] = v[i] != 0;
      }
      return Nd4j.createFromArray(b).reshape('c', shape);
    }
    int[] unsigned = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      unsigned[i] = Byte.toUnsignedInt(v[i]);
    }
    return Nd4j.createFromArray(unsigned).castTo(DataType.UINT8).reshape('c', shape);
  }

  static String shapeText(long[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : (i < shape.length - 1 ? ", " : ""));
    }
    return b.append(')').toString();
  }
}

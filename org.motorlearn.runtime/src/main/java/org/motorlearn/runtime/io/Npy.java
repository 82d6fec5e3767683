package org.motorlearn.runtime.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minimal NumPy .npy reader and writer: little-endian float32 / float64, C order, format 1.0 on
 * write and 1.0-3.0 on read. Placeholder with the final signatures; the science branch owns the
 * complete version.
 */
public final class Npy {

  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  public static INDArray read(Path file) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[6];
      buffer.get(magic);
      if (!new String(magic, StandardCharsets.ISO_8859_1).equals("\u0093NUMPY")) {
        throw new IllegalArgumentException(file + ": not a NumPy .npy file");
      }
      int major = buffer.get();
      buffer.get();
      int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
      byte[] header = new byte[headerLength];
      buffer.get(header);
      String text = new String(header, StandardCharsets.ISO_8859_1);
      String descr = find(DESCR, text, file);
      if (find(FORTRAN, text, file).equals("True")) {
        throw new IllegalArgumentException(file + ": Fortran-order arrays are not supported; save with numpy.ascontiguousarray");
      }
      String[] dims = find(SHAPE, text, file).split(",");
      long[] shape = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
      long count = 1;
      for (long d : shape) {
        count *= d;
      }
      INDArray result;
      switch (descr) {
        case "<f4" -> {
          float[] values = new float[(int) count];
          buffer.asFloatBuffer().get(values);
          result = Nd4j.create(values, shape, 'c');
        }
        case "<f8" -> {
          double[] values = new double[(int) count];
          buffer.asDoubleBuffer().get(values);
          result = Nd4j.create(values, shape, 'c');
        }
        default -> throw new IllegalArgumentException(file + ": dtype " + descr + " is not supported (float32 or float64)");
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static void write(Path file, INDArray array) {
    boolean isDouble = array.dataType() == DataType.DOUBLE;
    INDArray data = array.castTo(isDouble ? DataType.DOUBLE : DataType.FLOAT).dup('c');
    StringBuilder shape = new StringBuilder();
    for (long d : data.shape()) {
      shape.append(d).append(", ");
    }
    String dims = data.rank() == 1 ? data.shape()[0] + "," : shape.substring(0, Math.max(0, shape.length() - 2));
    String header = "{'descr': '" + (isDouble ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    int total = 10 + header.length() + 1;
    int padding = (64 - total % 64) % 64;
    header = header + " ".repeat(padding) + "\n";
    long count = data.length();
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + (int) count * (isDouble ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    out.put("\u0093NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0);
    out.putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
    if (isDouble) {
      out.asDoubleBuffer().put(data.data().asDouble());
    } else {
      out.asFloatBuffer().put(data.data().asFloat());
    }
    try {
      Files.write(file, out.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String find(Pattern pattern, String header, Path file) {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(file + ": malformed .npy header " + header.trim());
    }
    return m.group(1);
  }
}

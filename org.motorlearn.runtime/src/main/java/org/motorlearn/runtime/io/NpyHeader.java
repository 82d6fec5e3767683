package org.motorlearn.runtime.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a .npy file: element type and shape. Reading it touches no ND4J class, so editors
 * and validators can check a file's shape without starting the numerical backend.
 *
 * @param kind 'f' float, 'i' signed integer, 'b' bool, 'u' unsigned byte
 * @param itemSize bytes per element
 * @param order byte order of the data
 * @param shape dimensions, C order
 */
public record NpyHeader(char kind, int itemSize, ByteOrder order, long[] shape) {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** Reads only the header of a .npy file. */
  public static NpyHeader read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
      return read(new DataInputStream(in), file.toString());
    } catch (NpyException e) {
      throw e;
    } catch (IOException e) {
      throw new NpyException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  static NpyHeader read(DataInputStream in, String source) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    try {
      in.readFully(magic);
    } catch (EOFException e) {
      throw new NpyException(source + ": not a .npy file (shorter than the 6-byte magic string)", e);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (magic[i] != MAGIC[i]) {
        throw new NpyException(source + ": not a .npy file (it does not start with \\x93NUMPY);"
            + " save arrays with numpy.save");
      }
    }
    int major = in.readUnsignedByte();
    int minor = in.readUnsignedByte();
    long headerLength;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    } else if (major == 2 || major == 3) {
      headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
    } else {
      throw new NpyException(source + ": .npy format version " + major + "." + minor
          + " is not supported (versions 1.0, 2.0 and 3.0 are)");
    }
    if (headerLength > 1 << 24) {
      throw new NpyException(source + ": implausible header length " + headerLength + "; the file is damaged");
    }
    byte[] text = new byte[(int) headerLength];
    in.readFully(text);
    String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    return parseHeader(dict, source);
  }

  private static NpyHeader parseHeader(String dict, String source) {
    Matcher descr = DESCR.matcher(dict);
    Matcher fortran = FORTRAN.matcher(dict);
    Matcher shape = SHAPE.matcher(dict);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw new NpyException(source + ": the header " + dict.strip() + " lacks 'descr', 'fortran_order' or 'shape'");
    }
    if (fortran.group(1).equals("True")) {
      throw new NpyException(source + ": the array is stored in Fortran order, which is not supported;"
          + " save numpy.ascontiguousarray(a) instead");
    }
    String type = descr.group(1);
    NpyHeader header = switch (type) {
      case "<f4", "=f4" -> new NpyHeader('f', 4, ByteOrder.LITTLE_ENDIAN, null);
      case ">f4" -> new NpyHeader('f', 4, ByteOrder.BIG_ENDIAN, null);
      case "<f8", "=f8" -> new NpyHeader('f', 8, ByteOrder.LITTLE_ENDIAN, null);
      case ">f8" -> new NpyHeader('f', 8, ByteOrder.BIG_ENDIAN, null);
      case "<i4", "=i4" -> new NpyHeader('i', 4, ByteOrder.LITTLE_ENDIAN, null);
      case ">i4" -> new NpyHeader('i', 4, ByteOrder.BIG_ENDIAN, null);
      case "<i8", "=i8" -> new NpyHeader('i', 8, ByteOrder.LITTLE_ENDIAN, null);
      case ">i8" -> new NpyHeader('i', 8, ByteOrder.BIG_ENDIAN, null);
      case "|b1" -> new NpyHeader('b', 1, ByteOrder.LITTLE_ENDIAN, null);
      case "|u1" -> new NpyHeader('u', 1, ByteOrder.LITTLE_ENDIAN, null);
      default -> throw new NpyException(source + ": dtype '" + type + "' is not supported"
          + " (supported: float32 <f4, float64 <f8, int32 <i4, int64 <i8, bool |b1, uint8 |u1);"
          + " convert with a.astype(numpy.float64) before saving");
    };
    List<Long> dims = new ArrayList<>();
    for (String part : shape.group(1).split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.endsWith("L")) {
        p = p.substring(0, p.length() - 1); // Python 2 long literals
      }
      try {
        long d = Long.parseLong(p);
        if (d < 0) {
          throw new NumberFormatException();
        }
        dims.add(d);
      } catch (NumberFormatException e) {
        throw new NpyException(source + ": bad shape (" + shape.group(1) + ") in the header", e);
      }
    }
    long[] s = dims.stream().mapToLong(Long::longValue).toArray();
    return new NpyHeader(header.kind, header.itemSize, header.order, s);
  }
}

package org.motorlearn.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NpyTest {

  @TempDir
  Path dir;

  @Test
  void roundTripKeepsTypeShapeAndValues() {
    INDArray f = Nd4j.create(new float[] {1.5f, -2.25f, Float.MIN_VALUE, Float.MAX_VALUE, 0f, -0f}, new long[] {2, 3}, 'c');
    INDArray d = Nd4j.create(new double[] {Math.PI, -1e-300, 7, 8, 9, 10, 11, 12}, new long[] {2, 2, 2}, 'c');
    INDArray i = Nd4j.createFromArray(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE});
    INDArray l = Nd4j.createFromArray(new long[] {Long.MIN_VALUE, 1, Long.MAX_VALUE}).reshape(3, 1);
    INDArray b = Nd4j.createFromArray(new boolean[] {true, false, true, true});
    INDArray u = Nd4j.createFromArray(new int[] {0, 7, 200, 255}).castTo(DataType.UINT8);
    for (INDArray a : List.of(f, d, i, l, b, u)) {
      Path file = dir.resolve("a.npy");
      Npy.write(file, a);
      INDArray back = Npy.read(file);
      assertEquals(a.dataType(), back.dataType());
      assertArrayEquals(a.shape(), back.shape());
      assertEquals(a, back, "round trip of " + a.dataType());
    }
  }

  @Test
  void viewsAndFortranOrderedArraysAreWrittenInCOrder() {
    INDArray base = Nd4j.arange(24).castTo(DataType.DOUBLE).reshape(2, 3, 4);
    INDArray view = base.get(NDArrayIndex.point(1), NDArrayIndex.interval(1, 3), NDArrayIndex.all());
    INDArray fortran = base.dup('f');
    Npy.write(dir.resolve("v.npy"), view);
    Npy.write(dir.resolve("f.npy"), fortran);
    assertEquals(view, Npy.read(dir.resolve("v.npy")));
    assertEquals(base, Npy.read(dir.resolve("f.npy")));
    assertEquals(16.0, Npy.read(dir.resolve("v.npy")).getDouble(0, 0));
  }

  @Test
  void headerIsPaddedTo64BytesAndEndsWithNewline() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, Nd4j.create(DataType.FLOAT, 4, 5));
    byte[] bytes = out.toByteArray();
    assertEquals(1, bytes[6]);
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64);
    assertEquals('\n', bytes[10 + headerLength - 1]);
    assertEquals(10 + headerLength + 4 * 20, bytes.length);
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 5), }"), header);
  }

  @Test
  void longHeadersSwitchToVersion2() {
    byte[] header = Npy.headerBytes("<f8", new long[30000]);
    assertEquals(2, header[6]);
    assertEquals(0, header.length % 64);
  }

  @Test
  void scalarsAndVectorsKeepTheirRank() {
    Npy.write(dir.resolve("s.npy"), Nd4j.scalar(2.5));
    INDArray s = Npy.read(dir.resolve("s.npy"));
    assertEquals(0, s.rank());
    assertEquals(2.5, s.getDouble(0));
    Npy.writeInts(dir.resolve("ids.npy"), new int[] {3, 1, 4, 1, 5});
    assertArrayEquals(new int[] {3, 1, 4, 1, 5}, Npy.readInts(dir.resolve("ids.npy")));
    assertEquals(1, Npy.read(dir.resolve("ids.npy")).rank());
  }

  @Test
  void readsVersion3AndBigEndianFiles() throws IOException {
    byte[] dict = "{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 3, 0});
    out.write(new byte[] {(byte) dict.length, 0, 0, 0});
    out.write(dict);
    out.write(new byte[] {0, 0, 1, 2, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe});
    Path file = dir.resolve("v3.npy");
    Files.write(file, out.toByteArray());
    assertArrayEquals(new int[] {258, -2}, Npy.readInts(file));
  }

  @Test
  void errorsNameTheFileAndTheProblem() throws IOException {
    Path fortran = dir.resolve("fortran.npy");
    Files.write(fortran, rawNpy("{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", 8));
    NpyException e = assertThrows(NpyException.class, () -> Npy.read(fortran));
    assertTrue(e.getMessage().contains("fortran.npy") && e.getMessage().contains("Fortran order"), e.getMessage());

    Path complex = dir.resolve("complex.npy");
    Files.write(complex, rawNpy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", 16));
    e = assertThrows(NpyException.class, () -> Npy.read(complex));
    assertTrue(e.getMessage().contains("complex.npy") && e.getMessage().contains("'<c16' is not supported"), e.getMessage());

    Path truncated = dir.resolve("short.npy");
    Files.write(truncated, rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 16));
    e = assertThrows(NpyException.class, () -> Npy.read(truncated));
    assertTrue(e.getMessage().contains("short.npy") && e.getMessage().contains("truncated"), e.getMessage());

    Path text = dir.resolve("text.npy");
    Files.writeString(text, "1,2,3\n");
    e = assertThrows(NpyException.class, () -> Npy.read(text));
    assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("not a .npy file"), e.getMessage());

    Path cut = dir.resolve("cut.npy");
    byte[] whole = rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 24);
    Files.write(cut, java.util.Arrays.copyOf(whole, 40));
    e = assertThrows(NpyException.class, () -> Npy.read(cut));
    assertTrue(e.getMessage().contains("cut.npy: the file ends inside its .npy header"), e.getMessage());

    Path matrix = dir.resolve("matrix.npy");
    Npy.write(matrix, Nd4j.createFromArray(new int[][] {{1, 2}}));
    e = assertThrows(NpyException.class, () -> Npy.readInts(matrix));
    assertTrue(e.getMessage().contains("one-dimensional"), e.getMessage());
  }

  @Test
  void numpyLoadsWhatWeWriteAndWeLoadWhatNumpyWrites() throws Exception {
    assumeTrue(numpyAvailable(), "python3 with numpy is not installed; install python3-numpy to run this test");
    INDArray f = Nd4j.create(new float[] {1.5f, -2.25f, 3f, 4f, 5f, 6f}, new long[] {3, 2}, 'c');
    INDArray d = Nd4j.arange(24).castTo(DataType.DOUBLE).div(7).reshape(2, 3, 4);
    Npy.write(dir.resolve("f.npy"), f);
    Npy.write(dir.resolve("d.npy"), d);
    Npy.write(dir.resolve("i.npy"), Nd4j.createFromArray(new int[] {-1, 2, 3}));
    Npy.write(dir.resolve("l.npy"), Nd4j.createFromArray(new long[] {Long.MAX_VALUE, -5}));
    Npy.write(dir.resolve("b.npy"), Nd4j.createFromArray(new boolean[] {true, false}));
    String script = String.join("\n",
        "import numpy as np, sys",
        "d = sys.argv[1]",
        "f = np.load(d + '/f.npy'); assert f.dtype == np.float32 and f.shape == (3, 2) and f[2, 1] == 6.0 and f[0, 1] == -2.25",
        "x = np.load(d + '/d.npy'); assert x.dtype == np.float64 and np.array_equal(x, np.arange(24).reshape(2, 3, 4) / 7)",
        "assert np.load(d + '/i.npy').tolist() == [-1, 2, 3] and np.load(d + '/i.npy').dtype == np.int32",
        "assert np.load(d + '/l.npy').tolist() == [2**63 - 1, -5]",
        "assert np.load(d + '/b.npy').tolist() == [True, False]",
        "np.save(d + '/np_f8.npy', np.arange(6.0).reshape(2, 3) / 3)",
        "np.save(d + '/np_f4.npy', np.array([[0.1, 0.2]], dtype=np.float32))",
        "np.save(d + '/np_i8.npy', np.array([5, -6, 7], dtype=np.int64))",
        "np.save(d + '/np_scalar.npy', np.float64(4.25))",
        "np.save(d + '/np_bool.npy', np.array([[True], [False]]))",
        "np.save(d + '/np_u1.npy', np.array([0, 200, 255], dtype=np.uint8))",
        "np.save(d + '/np_fortran.npy', np.asfortranarray(np.ones((2, 3))))",
        "np.lib.format.write_array(open(d + '/np_v2.npy', 'wb'), np.arange(4.0), version=(2, 0))",
        "print('ok')");
    Process p = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);

    INDArray f8 = Npy.read(dir.resolve("np_f8.npy"));
    assertEquals(Nd4j.arange(6).castTo(DataType.DOUBLE).div(3).reshape(2, 3), f8);
    INDArray f4 = Npy.read(dir.resolve("np_f4.npy"));
    assertEquals(DataType.FLOAT, f4.dataType());
    assertEquals(0.2f, f4.getFloat(0, 1));
    assertArrayEquals(new int[] {5, -6, 7}, Npy.readInts(dir.resolve("np_i8.npy")));
    assertEquals(4.25, Npy.read(dir.resolve("np_scalar.npy")).getDouble(0));
    INDArray bools = Npy.read(dir.resolve("np_bool.npy"));
    assertEquals(DataType.BOOL, bools.dataType());
    assertArrayEquals(new long[] {2, 1}, bools.shape());
    assertArrayEquals(new int[] {0, 200, 255}, Npy.read(dir.resolve("np_u1.npy")).castTo(DataType.INT32).toIntVector());
    assertEquals(Nd4j.arange(4).castTo(DataType.DOUBLE), Npy.read(dir.resolve("np_v2.npy")));
    NpyException e = assertThrows(NpyException.class, () -> Npy.read(dir.resolve("np_fortran.npy")));
    assertTrue(e.getMessage().contains("np_fortran.npy"), e.getMessage());
  }

  static boolean numpyAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static byte[] rawNpy(String dict, int dataBytes) {
    byte[] text = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[10 + text.length + dataBytes / 2];
    System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, 0}, 0, all, 0, 10);
    System.arraycopy(text, 0, all, 10, text.length);
    return all;
  }
}

package org.motorlearn.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class NpyHeaderTest {

  @TempDir Path folder;

  @Test
  void readsTheShapeAndTypeOfWhatNpyWrites() {
    Path file = folder.resolve("w.npy");
    Npy.write(file, Nd4j.zeros(DataType.FLOAT, 4, 7, 2));
    NpyHeader header = NpyHeader.read(file);
    assertArrayEquals(new long[] {4, 7, 2}, header.shape());
    assertEquals('f', header.kind());
    assertEquals(4, header.itemSize());
  }

  @Test
  void namesTheFileWhenItIsNotNpy() throws Exception {
    Path file = folder.resolve("bad.npy");
    Files.writeString(file, "hello, world");
    NpyException e = assertThrows(NpyException.class, () -> NpyHeader.read(file));
    assertEquals(file + ": not a .npy file (it does not start with \\x93NUMPY); save arrays with numpy.save", e.getMessage());
  }
}

package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void writtenFilesAndFoldersGetTheUmasksPermissionsNotPrivateOnes() throws IOException {
    // what any new file or folder here gets (0644 / 0755 with the usual umask 022)
    var plainFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    var plainFolder = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plain-folder")));

    Path file = dir.resolve("manifest.json");
    AtomicFiles.writeString(file, "{}");
    assertEquals(plainFile, Files.getPosixFilePermissions(file));
    Path folder = AtomicFiles.temporaryFolderFor(dir.resolve("phase"));
    assertEquals(plainFolder, Files.getPosixFilePermissions(folder));
  }

  @Test
  void writeReplacesContentAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a.json");
    AtomicFiles.writeString(file, "first");
    AtomicFiles.writeString(file, "second");
    assertEquals("second", Files.readString(file));
    assertEquals(List.of("a.json"), names(dir));
  }

  @Test
  void failingWriterKeepsThePreviousFileAndCleansUp() throws IOException {
    Path file = dir.resolve("weights.npy");
    AtomicFiles.writeString(file, "good");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, temporary -> {
      Files.writeString(temporary, "half");
      throw new IOException("disk full");
    }));
    assertTrue(e.getMessage().contains("weights.npy") && e.getMessage().contains("disk full"), e.getMessage());
    assertEquals("good", Files.readString(file));
    assertEquals(List.of("weights.npy"), names(dir));
  }

  @Test
  void replaceFolderSwapsAWholeFolder() throws IOException {
    Path target = dir.resolve("checkpoint");
    Path first = AtomicFiles.temporaryFolderFor(target);
    Files.writeString(first.resolve("x"), "1");
    AtomicFiles.replaceFolder(first, target);
    Path second = AtomicFiles.temporaryFolderFor(target);
    Files.writeString(second.resolve("y"), "2");
    AtomicFiles.replaceFolder(second, target);
    assertEquals(List.of("y"), names(target));
    assertEquals(List.of("checkpoint"), names(dir));
  }

  @Test
  void recoverSwapRestoresTheFolderSetAsideByACrashedSwap() throws IOException {
    Path target = dir.resolve("checkpoint");
    Path aside = dir.resolve(AtomicFiles.TEMPORARY_PREFIX + "checkpoint.old");
    Files.createDirectories(aside);
    Files.writeString(aside.resolve("x"), "1");
    assertTrue(AtomicFiles.recoverSwap(target));
    assertEquals("1", Files.readString(target.resolve("x")));
    assertFalse(AtomicFiles.recoverSwap(dir.resolve("none")));
  }

  @Test
  void deleteTemporariesRemovesOnlyTemporaryEntriesAtAnyDepth() throws IOException {
    Files.createDirectories(dir.resolve("phases/a/" + AtomicFiles.TEMPORARY_PREFIX + "x"));
    Files.writeString(dir.resolve("phases/a/keep.npy"), "k");
    Files.writeString(dir.resolve(AtomicFiles.TEMPORARY_PREFIX + "manifest.json.123"), "t");
    AtomicFiles.deleteTemporaries(dir);
    assertEquals(List.of("phases"), names(dir));
    assertEquals(List.of("keep.npy"), names(dir.resolve("phases/a")));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}

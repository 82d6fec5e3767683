package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that never leave a half-written file under its final name: the content goes to a temporary
 * name in the same folder (so the rename stays on one file system), is forced to disk, and is then
 * renamed over the final name. A reader, or a run resumed after kill -9, sees the old file or the new
 * one, never a torn mix. Temporary names start with {@link #TEMPORARY_PREFIX}.
 */
public final class AtomicFiles {

  /** Prefix of every temporary file or folder; a resumed run deletes leftovers with this prefix. */
  public static final String TEMPORARY_PREFIX = ".tmp-";

  /** Names of temporary files only; nothing computed depends on them. */
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** Produces the content of a file at a path it is given (for writers such as Npy.write that want a path). */
  @FunctionalInterface
  public interface PathWriter {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  public static void writeString(Path target, String text) {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeBytes(Path target, byte[] bytes) {
    write(target, temporary -> {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(bytes);
      }
    });
  }

  /** Lets {@code writer} fill a temporary file, then forces it to disk and renames it to {@code target}. */
  public static void write(Path target, PathWriter writer) {
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = temporaryFile(folder, TEMPORARY_PREFIX + target.getFileName() + ".");
      writer.writeTo(temporary);
      force(temporary);
      move(temporary, target);
      temporary = null;
      forceFolder(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  /**
   * Publishes a fully written folder under its final name: {@code complete} (a temporary sibling of
   * {@code target}) replaces {@code target}. An existing {@code target} is first renamed aside and
   * deleted only after the swap, so at every moment one complete version exists under a known name
   * (see {@link #recoverSwap}).
   */
  public static void replaceFolder(Path complete, Path target) {
    try {
      forceTree(complete);
      Path aside = target.resolveSibling(TEMPORARY_PREFIX + target.getFileName() + ".old");
      deleteTree(aside);
      if (Files.exists(target)) {
        move(target, aside);
      }
      move(complete, target);
      forceFolder(target.toAbsolutePath().getParent());
      deleteTree(aside);
    } catch (IOException e) {
      throw new UncheckedIOException("could not publish " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * After a crash inside {@link #replaceFolder}: if {@code target} is missing but the previous version
   * was set aside, puts it back. Returns whether {@code target} exists afterwards.
   */
  public static boolean recoverSwap(Path target) {
    Path aside = target.resolveSibling(TEMPORARY_PREFIX + target.getFileName() + ".old");
    try {
      if (!Files.exists(target) && Files.isDirectory(aside)) {
        move(aside, target);
      }
      return Files.exists(target);
    } catch (IOException e) {
      throw new UncheckedIOException("could not restore " + target + " from " + aside + ": " + e.getMessage(), e);
    }
  }

  /** Deletes temporary files and folders (our prefix) anywhere below {@code root}. */
  public static void deleteTemporaries(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
          deleteTree(entry);
        } else if (Files.isDirectory(entry)) {
          deleteTemporaries(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not clean temporary files in " + root + ": " + e.getMessage(), e);
    }
  }

  /** A fresh, empty temporary folder next to {@code target}, for building a folder to publish. */
  public static Path temporaryFolderFor(Path target) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return temporaryFolder(parent, TEMPORARY_PREFIX + target.getFileName() + ".");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary folder next to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new empty file {@code prefix + random} in {@code folder}, with the permissions every new file
   * gets (the umask's): {@code Files.createTempFile} makes it private (0600), and the rename would
   * carry that onto a run's results, unreadable to the collaborators of a shared folder.
   */
  public static Path temporaryFile(Path folder, String prefix) throws IOException {
    return createUnique(folder, prefix, Files::createFile);
  }

  /** A new empty folder {@code prefix + random} in {@code parent}, with the umask's permissions (see {@link #temporaryFile}). */
  public static Path temporaryFolder(Path parent, String prefix) throws IOException {
    return createUnique(parent, prefix, Files::createDirectory);
  }

  private interface Creation {
    Path create(Path path, java.nio.file.attribute.FileAttribute<?>... attributes) throws IOException;
  }

  /** Creates {@code prefix + random} in {@code parent}, drawing another name if one is taken. */
  private static Path createUnique(Path parent, String prefix, Creation creation) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return creation.create(parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36)));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path entry : entries) {
          deleteTree(entry);
        }
      }
    }
    Files.delete(root);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", e);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void forceTree(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path entry : entries) {
          forceTree(entry);
        }
      }
      forceFolder(root);
    } else {
      force(root);
    }
  }

  /** Makes a rename durable; some platforms cannot open a folder for syncing, which then is skipped. */
  private static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a channel; the rename itself is still atomic there.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the original failure is more informative than this one
    }
  }
}

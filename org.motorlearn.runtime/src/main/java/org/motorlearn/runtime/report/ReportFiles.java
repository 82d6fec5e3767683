package org.motorlearn.runtime.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import org.motorlearn.runtime.run.AtomicFiles;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Atomic output of a report: files are written under a temporary name ({@code .tmp-*}, the run
 * folder's convention) in the same folder and renamed into place; a folder of files is built whole
 * under a temporary name and swapped in, so a reader never sees half a report.
 */
final class ReportFiles {

  private ReportFiles() {}

  static Path temporaryFolder(Path parent, String name) {
    try {
      return AtomicFiles.temporaryFolder(parent, ".tmp-" + name + "-");
    } catch (IOException e) {
      throw new ReportException("cannot create a folder in " + parent + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, byte[] content) {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(content);
    } catch (IOException e) {
      throw new ReportException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String content) {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code target} through a temporary file in the same folder. */
  static void writeAtomically(Path target, String content) {
    Path temporary;
    try {
      temporary = AtomicFiles.temporaryFile(target.toAbsolutePath().getParent(), ".tmp-" + target.getFileName() + "-");
    } catch (IOException e) {
      throw new ReportException("cannot write in " + target.getParent() + ": " + e.getMessage(), e);
    }
    write(temporary, content);
    move(temporary, target);
  }

  /** Replaces folder {@code target} (if any) by the complete folder {@code built}. */
  static void swapFolder(Path built, Path target) {
    Path old = null;
    try {
      if (Files.exists(target)) {
        old = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".tmp-old-" + target.getFileName() + "-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ReportException("cannot put the new report in place at " + target + ": " + e.getMessage(), e);
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) {
    try {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ReportException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  static void deleteTree(Path folder) {
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ReportException("cannot delete " + folder + ": " + e.getMessage(), e);
    }
  }
}

package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run folder (its {@code .lock} file) for the duration of a run, so a resume
 * cannot write into a folder whose run is still alive. The operating system releases it when the
 * process dies, even by kill -9, so a killed run never blocks its own resume.
 */
final class RunLock implements AutoCloseable {

  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** True while some process holds the folder's lock, i.e. a run in it is alive (a killed one releases it). */
  static boolean isHeld(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException heldHere) {
      return true;
    } catch (IOException e) {
      return false; // unreadable: nothing proves a live run
    }
  }

  static RunLock acquire(Path root) {
    Path file = root.resolve(FILE);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new RunException("the run folder " + root + " is in use by another running MotorLearn run; wait for it to"
            + " end, or run into another folder with --out");
      }
      return new RunLock(channel, lock);
    } catch (IOException e) {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("could not lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not release " + channel + ": " + e.getMessage(), e);
    }
  }
}

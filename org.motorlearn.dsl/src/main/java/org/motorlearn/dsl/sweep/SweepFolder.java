package org.motorlearn.dsl.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;
import org.motorlearn.runtime.run.AtomicFiles;
import org.motorlearn.runtime.run.RunFolder;

/**
 * A sweep folder: {@code sweep.json}, one run folder {@code point-<k>} per point, {@code logs/} (one
 * log per point) and {@code slurm/} (batch scripts). sweep.json is changed by several processes (the
 * executor and every point), so each change is a read-modify-write under an OS file lock on
 * {@code .sweep.json.lock}, and the file itself is replaced atomically.
 */
public final class SweepFolder {

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();

  private final Path root;

  public SweepFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path manifestFile() {
    return root.resolve("sweep.json");
  }

  public Path point(SweepManifest.Point point) {
    return root.resolve(point.folder());
  }

  public Path log(int index) {
    return root.resolve("logs").resolve("point-" + index + ".log");
  }

  public Path slurm() {
    return root.resolve("slurm");
  }

  /** True if the folder holds a sweep manifest. */
  public boolean exists() {
    return Files.isRegularFile(manifestFile());
  }

  /**
   * True if {@code sweep.json} is the record {@code motorlearn run} writes for an experiment with a
   * sweep (its points run one after another, docs/cli.md), not the manifest of {@code motorlearn sweep}.
   */
  public boolean writtenByRun() {
    try {
      JsonElement tree = JsonParser.parseString(Files.readString(manifestFile(), StandardCharsets.UTF_8));
      return tree.isJsonObject() && tree.getAsJsonObject().has("commandLine");
    } catch (IOException | JsonParseException e) {
      return false; // read() says what is wrong with it
    }
  }

  public SweepManifest read() {
    if (exists() && writtenByRun()) {
      throw new SweepException(root + " holds a sweep that `motorlearn run` ran point by point, not one of `motorlearn sweep`; "
          + "its points are the run folders point-0, point-1, ... in it (`motorlearn collect " + root + "` tabulates the "
          + "finished ones)");
    }
    try {
      SweepManifest manifest = GSON.fromJson(Files.readString(manifestFile(), StandardCharsets.UTF_8), SweepManifest.class);
      if (manifest == null || !SweepManifest.FORMAT.equals(manifest.format())) {
        throw new SweepException(manifestFile() + " is not a MotorLearn sweep manifest (format " + SweepManifest.FORMAT + ")");
      }
      return manifest;
    } catch (IOException e) {
      throw new SweepException("cannot read " + manifestFile() + ": " + e.getMessage());
    } catch (JsonParseException e) {
      throw new SweepException(manifestFile() + " is damaged: " + e.getMessage());
    }
  }

  /** Writes a new sweep manifest (the folder is created). */
  public void create(SweepManifest manifest) {
    try {
      Files.createDirectories(root.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sweep folder " + root + ": " + e.getMessage(), e);
    }
    update(ignored -> manifest);
  }

  /** Applies {@code change} to the current manifest under the lock and writes the result; returns it. */
  public SweepManifest update(UnaryOperator<SweepManifest> change) {
    // threads of this process take turns here; other processes wait for the OS lock
    synchronized (SweepFolder.class) {
      try (FileChannel channel = FileChannel.open(root.resolve(".sweep.json.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
        SweepManifest changed = change.apply(exists() ? read() : null);
        AtomicFiles.writeString(manifestFile(), GSON.toJson(changed) + "\n");
        return changed;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update " + manifestFile() + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Claims the folder for one executing process (held until closed or the process ends), so two
   * {@code motorlearn sweep} commands never run the same points at once.
   *
   * @throws SweepException if another process holds it
   */
  public AutoCloseable exclusive() {
    try {
      FileChannel channel = FileChannel.open(root.resolve(".sweep.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new SweepException("the sweep folder " + root + " is being run by another motorlearn sweep process; wait for"
            + " it or stop it first");
      }
      return () -> {
        lock.release();
        channel.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the sweep folder " + root + ": " + e.getMessage(), e);
    }
  }

  /** True while some process holds the run folder's lock ({@code .lock}, taken by every running point). */
  public static boolean runIsLive(Path runFolder) {
    return new RunFolder(runFolder).isLive();
  }

}

package org.motorlearn.dsl.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.motorlearn.runtime.engine.BlasEnvironment;

/**
 * Runs sweep points on this machine, each in a child JVM ({@link PointMain}: same java, same class
 * path), at most {@code jobs} at once. Points that train a shared phase start first; a point that
 * reuses a phase starts once that phase is published in its trainer's folder (not when the trainer
 * has finished all its phases). A point that crashes is marked failed and the others go on; so does a
 * point whose trainer ended without the shared phase.
 */
public final class LocalExecutor {

  private static final long POLL_MILLIS = 200;

  private final SweepFolder folder;
  private final SweepDisplay display;
  private final int jobs;

  /** A running child: its process, its log writer thread and when it started. */
  private record Child(Process process, Thread output, long startedNanos) {}

  LocalExecutor(SweepFolder folder, SweepDisplay display, int jobs) {
    this.folder = folder;
    this.display = display;
    this.jobs = jobs;
  }

  /** Runs the scheduled points to their end; returns the final manifest. */
  SweepManifest run(Schedule schedule) {
    Map<Integer, Child> running = new ConcurrentSkipListMap<>();
    // Ctrl-C or kill reaches only this JVM when the sweep runs in the background: pass it on, so every
    // running point checkpoints and stops instead of running on without its sweep
    Thread stop = new Thread(() -> stopChildren(running), "sweep-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return run(schedule, running);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }

  /** Asks every running point to stop (SIGTERM: it checkpoints and marks itself interrupted) and waits for it. */
  private static void stopChildren(Map<Integer, Child> running) {
    List<Child> children = new ArrayList<>(running.values());
    if (children.isEmpty()) {
      return;
    }
    children.forEach(child -> child.process().destroy());
    for (Child child : children) {
      try {
        child.process().waitFor(PointMain.CHECKPOINT_GRACE_SECONDS + 5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    System.err.println("sweep stopped: " + children.size() + " running point(s) checkpointed and stopped; run the same "
        + "command again to continue");
  }

  private SweepManifest run(Schedule schedule, Map<Integer, Child> running) {
    Deque<Integer> waiting = new ArrayDeque<>(schedule.all());
    SweepManifest manifest = folder.read();
    while (!waiting.isEmpty() || !running.isEmpty()) {
      for (Map.Entry<Integer, Child> e : new ArrayList<>(running.entrySet())) {
        if (!e.getValue().process().isAlive()) {
          running.remove(e.getKey());
          finish(e.getKey(), e.getValue());
        }
      }
      manifest = folder.read();
      for (Integer index : new ArrayList<>(waiting)) {
        if (running.size() >= jobs) {
          break;
        }
        String blocked = blockedBy(manifest, index, waiting, running);
        if (blocked != null) {
          waiting.remove(index);
          int i = index;
          manifest = folder.update(m -> m.withPoint(i, p -> p.with(SweepManifest.Status.FAILED, blocked)));
          display.finished(index, describe(manifest, index), SweepManifest.Status.FAILED, blocked, 0);
        } else if (ready(manifest, index)) {
          waiting.remove(index);
          running.put(index, start(manifest, index));
        }
      }
      display.tick();
      sleep();
    }
    display.close();
    return folder.read();
  }

  /** True when every phase the point reuses is published in its trainer's folder. */
  private boolean ready(SweepManifest manifest, int index) {
    return manifest.point(index).reuses().entrySet().stream()
        .allMatch(r -> Schedule.phaseComplete(folder, manifest, r.getValue(), r.getKey()));
  }

  /** Why the point can never start (a trainer ended without the shared phase), or null. */
  private String blockedBy(SweepManifest manifest, int index, Deque<Integer> waiting, Map<Integer, Child> running) {
    for (Map.Entry<String, Integer> reuse : manifest.point(index).reuses().entrySet()) {
      int trainer = reuse.getValue();
      if (!Schedule.phaseComplete(folder, manifest, trainer, reuse.getKey()) && !waiting.contains(trainer)
          && !running.containsKey(trainer)) {
        return "phase " + reuse.getKey() + " is trained by point-" + trainer + ", which ended without it ("
            + manifest.point(trainer).status().label() + "); --retry-failed reruns both";
      }
    }
    return null;
  }

  private Child start(SweepManifest manifest, int index) {
    Path log = folder.log(index);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PointMain.class.getName(), folder.root().toString(),
        Integer.toString(index));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // one OpenMP thread, as ./motorlearn sets it: the BLAS threads are the point's (recorded) thread layout
    builder.environment().put("OMP_NUM_THREADS", "1");
    BlasEnvironment.addTo(builder.environment());
    try {
      Files.createDirectories(log.getParent());
      Process process = builder.start();
      process.getOutputStream().close();
      display.started(index, describe(manifest, index));
      Thread output = new Thread(() -> copyOutput(index, process, log), "point-" + index + "-output");
      output.setDaemon(true);
      output.start();
      return new Child(process, output, System.nanoTime());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the process of point-" + index + ": " + e.getMessage(), e);
    }
  }

  /** Appends the child's output to its log and feeds its progress lines to the display. */
  private void copyOutput(int index, Process process, Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            true, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        PointProgress.parse(line).ifPresent(state -> display.progress(index, state));
      }
    } catch (IOException e) {
      display.message("point-" + index + ": its output could not be logged to " + log + ": " + e.getMessage());
    }
  }

  private void finish(int index, Child child) {
    try {
      child.output().join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int exit = child.process().exitValue();
    double seconds = (System.nanoTime() - child.startedNanos()) * 1e-9;
    SweepManifest manifest = folder.update(m -> {
      SweepManifest.Point p = m.point(index);
      if (p.status() == SweepManifest.Status.RUNNING || p.status() == SweepManifest.Status.PENDING) {
        // the process died without recording its end: a crash (kill -9, out of memory, ...)
        return m.withPoint(index, old -> old.with(SweepManifest.Status.FAILED, "its process ended with exit code " + exit
            + " without finishing; see logs/point-" + index + ".log; --retry-failed resumes it from its checkpoint"));
      }
      return m;
    });
    SweepManifest.Point p = manifest.point(index);
    display.finished(index, describe(manifest, index), p.status(), p.error(), seconds);
  }

  private static String describe(SweepManifest manifest, int index) {
    return SweepPlanner.describe(index, manifest.point(index).parameters());
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepException("interrupted");
    }
  }
}

package org.motorlearn.runtime.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Threads that run a time loop side by side, each on its own share of the units, and meet once per
 * step: step t + 1 needs every unit's rate (or gradient) of step t.
 *
 * <p>Why not OpenBLAS's own threads: a step's GEMMs are small (batch 80), and between them the
 * element-wise work ran on one core while OpenBLAS's second thread spun idle. A team member does its
 * share of both, with single-threaded BLAS, so the element-wise work runs on every core too.
 *
 * <p>The meeting is a spin barrier (a step takes about a millisecond; parking a thread costs tens
 * of microseconds), which yields the core after a while so that an oversubscribed machine still
 * progresses. Helpers are daemon threads shared by all loops of a size ({@link #of}) and parked
 * between loops. A failing member makes the others leave their barrier; {@link #run} rethrows it.
 */
final class StepTeam {

  private static final Map<Integer, StepTeam> SHARED = new HashMap<>();
  /** Spins before a waiting member starts yielding its core. */
  private static final int SPINS = 1 << 14;

  private final int size;
  private final Thread[] helpers;
  private volatile IntConsumer body;
  /** Incremented to start a loop; helpers wait for it to change. */
  private volatile int round;
  private final AtomicInteger arrived = new AtomicInteger();
  private volatile int generation;
  private final AtomicInteger finished = new AtomicInteger();
  private volatile Throwable failure;
  private volatile Thread caller;

  private StepTeam(int size) {
    this.size = size;
    helpers = new Thread[size - 1];
    for (int i = 1; i < size; i++) {
      int member = i;
      Thread helper = new Thread(() -> serve(member), "motorlearn-step-" + i);
      helper.setDaemon(true);
      helpers[i - 1] = helper;
      helper.start();
    }
  }

  /** The process-wide team of {@code size} members (1: the calling thread alone, no helpers). */
  static synchronized StepTeam of(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a team has at least one member, got " + size);
    }
    return SHARED.computeIfAbsent(size, StepTeam::new);
  }

  int size() {
    return size;
  }

  /**
   * Runs {@code body.accept(member)} for every member 0..size-1 (member 0 on the calling thread) and
   * returns when all are done. With more than one member, BLAS runs single-threaded meanwhile (each
   * member calls it on its own share) and its thread count is restored afterwards.
   */
  synchronized void run(IntConsumer body) {
    if (size == 1) {
      body.accept(0);
      return;
    }
    int blasThreads = Nd4j.factory().blas().getMaxThreads();
    Nd4j.factory().blas().setMaxThreads(1);
    try {
      failure = null;
      finished.set(0);
      arrived.set(0);
      caller = Thread.currentThread();
      this.body = body;
      round++;
      for (Thread helper : helpers) {
        LockSupport.unpark(helper);
      }
      try {
        body.accept(0);
      } catch (Throwable t) {
        fail(t);
      }
      while (finished.get() < size - 1) {
        LockSupport.parkNanos(this, 10_000);
      }
      this.body = null;
      Throwable t = failure;
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    } finally {
      Nd4j.factory().blas().setMaxThreads(blasThreads);
    }
  }

  /** Inside {@link #run}: waits until every member has arrived here. */
  void await() {
    if (size == 1) {
      return;
    }
    int g = generation;
    if (arrived.incrementAndGet() == size) {
      arrived.set(0);
      generation = g + 1;
      return;
    }
    int spins = 0;
    while (generation == g) {
      if (failure != null) {
        throw new TeamAborted();
      }
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  private void fail(Throwable t) {
    if (failure == null && !(t instanceof TeamAborted)) {
      failure = t;
    }
  }

  private void serve(int member) {
    int seen = 0;
    while (true) {
      while (round == seen) {
        LockSupport.park(this);
      }
      seen = round;
      try {
        body.accept(member);
      } catch (Throwable t) {
        fail(t);
      }
      finished.incrementAndGet();
      LockSupport.unpark(caller);
    }
  }

  /** Thrown out of {@link #await} in the members that did not fail, to end the loop. */
  private static final class TeamAborted extends RuntimeException {
    TeamAborted() {
      super(null, null, false, false);
    }
  }
}

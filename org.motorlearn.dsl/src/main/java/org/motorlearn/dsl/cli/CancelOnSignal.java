package org.motorlearn.dsl.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While open, a termination signal (Ctrl-C, {@code kill}, Eclipse's cancel button) does not kill a
 * run mid-write: it asks the run to stop after its current update, and the JVM waits until the run
 * has written its checkpoint and marked its folder {@code cancelled} (continue it with --resume).
 */
final class CancelOnSignal implements AutoCloseable {

  /** How long a signalled JVM waits for the run to wind down before it exits anyway. */
  private static final long GRACE_SECONDS = 120;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::awaitRun, "motorlearn-cancel");

  CancelOnSignal() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether a signal asked the run to stop. */
  boolean requested() {
    return requested.get();
  }

  private void awaitRun() {
    requested.set(true);
    try {
      finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is the one waiting for us, and now returns
    }
  }
}

package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Bounded waits: a broken runtime makes a test fail, never hang. */
final class Waits {

  /** How long any single wait in a test may take before the test fails. */
  static final long SECONDS = 10;

  private Waits() {}

  /** Awaits the latch for at most {@link #SECONDS}; true if it opened. */
  static boolean await(CountDownLatch latch) {
    try {
      return latch.await(SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls until {@code condition} holds; fails the test after {@link #SECONDS}. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /**
   * Waits until {@code thread} is parked (WAITING or TIMED_WAITING) or has ended: used to know
   * that a thread calling flush, cancelSync or drain has reached its wait before the test lets the
   * run finish. A thread that ended instead did not wait, which the caller's assertions catch.
   */
  static void untilParked(Thread thread) {
    until(thread.getName() + " waits", () -> {
      Thread.State state = thread.getState();
      return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
          || state == Thread.State.TERMINATED;
    });
  }

  /** Joins {@code thread}, failing the test if it does not end in time. */
  static void join(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while joining " + thread.getName());
    }
    assertTrue(!thread.isAlive(), thread.getName() + " did not finish in time");
  }

  /** Starts a daemon thread running {@code body}. */
  static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The slot of a pointer, as the runtime finds it. */
  static <T, P extends WorkItemPointer<T, P>> Work<P> slot(P pointer) {
    return pointer.hasWork().workOf(pointer.item());
  }
}

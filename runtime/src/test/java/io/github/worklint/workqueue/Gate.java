package io.github.worklint.workqueue;

import java.util.concurrent.CountDownLatch;

/**
 * Holds a run in place: the run calls {@link #pass()}, the test waits for {@link #awaitEntered()},
 * does what it wants while the run is held, then {@link #release()}s it. Every wait is bounded, so
 * a broken runtime fails a test instead of hanging it; closing the gate releases it, so a queue
 * closed after its gate never waits for a held run.
 */
final class Gate implements AutoCloseable {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** Called from a run: says it is here, then waits for the release. */
  void pass() {
    entered.countDown();
    if (!Waits.await(released)) {
      throw new AssertionError("the gate was not released in time");
    }
  }

  /** Waits until a run is inside {@link #pass()}; fails the test if none gets there in time. */
  void awaitEntered() {
    if (!Waits.await(entered)) {
      throw new AssertionError("no run reached the gate in time");
    }
  }

  void release() {
    released.countDown();
  }

  @Override
  public void close() {
    release();
  }
}

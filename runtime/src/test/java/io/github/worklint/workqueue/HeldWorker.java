package io.github.worklint.workqueue;

import java.util.concurrent.CountDownLatch;

/**
 * An ordered queue whose only worker is held inside the run of a blocker item until a latch opens,
 * however long that takes: for the Lincheck checks, which outlast {@link Gate}'s bounded waits. The
 * worker is a daemon thread, so a queue that is never released cannot keep the test JVM alive.
 */
final class HeldWorker {

  private HeldWorker() {}

  /** Builds the queue and returns once {@code blocker} is running on its worker. */
  static WorkQueue queue(String name, TestItem blocker, CountDownLatch release) {
    WorkQueue queue = WorkQueue.builder(name).ordered()
        .threadFactory(new CountingThreadFactory(name)).build();
    CountDownLatch entered = new CountDownLatch(1);
    blocker.c.body = () -> {
      entered.countDown();
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    };
    queue.enqueue(blocker.c());
    if (!Waits.await(entered)) {
      throw new AssertionError("the blocker of " + name + " never started");
    }
    return queue;
  }
}

package io.github.worklint.workqueue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one slot of a {@link TestItem} does when it runs: counts its runs, tracks how many instances
 * of it are inside {@link #run()} at once, and then runs a replaceable body.
 */
final class Probe {

  /** Finished runs (counted before the run returns, so a flush that waited for a run sees it). */
  final AtomicLong runs = new AtomicLong();

  /** Instances inside run() now. */
  final AtomicInteger inside = new AtomicInteger();

  /** The most instances ever seen inside run() at once: 1 as long as the slot is not reentered. */
  final AtomicInteger maxInside = new AtomicInteger();

  /**
   * The body. Volatile, so set it before writing anything a test wants to see published by the
   * enqueue itself (see WorkQueueTest#writesBeforeEnqueueHappenBeforeTheRun).
   */
  volatile Runnable body = () -> {};

  void run() {
    int now = inside.incrementAndGet();
    int max = maxInside.get();
    while (now > max && !maxInside.compareAndSet(max, now)) {
      max = maxInside.get();
    }
    try {
      body.run();
    } finally {
      runs.incrementAndGet();
      inside.decrementAndGet();
    }
  }
}

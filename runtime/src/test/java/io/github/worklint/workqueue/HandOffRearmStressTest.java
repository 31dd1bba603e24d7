package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * modDelayed of an instance handed to the worker already running its slot (state RERUN), while
 * other producers enqueue the same slot: the re-arm must keep that instance's PENDING token. A
 * few slots whose runs last a few microseconds, on two queues, keep most enqueues handed off, so
 * modDelayed meets RERUN often and an enqueue that slips in between a release of the token and
 * the re-arm (which merges into a new instance and leaves the handed-off one neither run nor
 * cancelled) shows as runs != accepted - cancelled.
 *
 * <p>The invariants can only be counted once the queues are closed, so the test runs rounds of
 * {@code worklint.stress.handoff.ops} operations (default 5 * 10^5) on fresh queues until
 * {@code worklint.stress.handoff.seconds} (default 6) have passed: before the fix about half of
 * the rounds of 6 * 10^6 operations lost an instance.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandOffRearmStressTest {

  private static final int PRODUCERS = 4;
  private static final int ITEMS = 3;
  private static final long RUN_NANOS = 3_000;
  private static final Duration SHORT = Duration.ofNanos(20_000);

  @Test
  void reArmingAHandedOffInstanceNeverLosesIt() throws Exception {
    long operations = Long.getLong("worklint.stress.handoff.ops", 500_000L);
    long budget = TimeUnit.SECONDS.toNanos(Long.getLong("worklint.stress.handoff.seconds", 6L));
    long started = System.nanoTime();
    int rounds = 0;
    do {
      round(operations, 0x4A4D_0000L + 16L * rounds++);
    } while (System.nanoTime() - started < budget);
    System.out.printf("hand-off re-arm stress: %d rounds of %d operations%n", rounds, operations);
  }

  private static void round(long operations, long seed) throws InterruptedException {
    DelayedItem[] items = new DelayedItem[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      DelayedItem item = new DelayedItem(i);
      item.d.body = HandOffRearmStressTest::busyRun;
      items[i] = item;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<WorkQueue> queues = new ArrayList<>();
    for (int q = 0; q < 2; q++) {
      queues.add(WorkQueue.builder("handoff-" + q).maxActive(2)
          .threadFactory(new CountingThreadFactory("handoff-" + q))
          .uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e))
          .build());
    }
    long[][] accepted = new long[PRODUCERS][ITEMS];
    long[][] cancelled = new long[PRODUCERS][ITEMS];
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < PRODUCERS; t++) {
        int producer = t;
        SplittableRandom random = new SplittableRandom(seed + t);
        threads.add(Waits.start("handoff-producer-" + t, () -> {
          Waits.await(go);
          try {
            for (long op = producer; op < operations; op += PRODUCERS) {
              int i = random.nextInt(ITEMS);
              DelayedItem.D pointer = items[i].d();
              WorkQueue queue = queues.get(random.nextInt(2));
              int kind = random.nextInt(10);
              if (kind < 4) {
                if (queue.enqueue(pointer)) {
                  accepted[producer][i]++;
                }
              } else if (kind < 8) {
                if (!queue.modDelayed(pointer, kind < 6 ? Duration.ZERO : SHORT)) {
                  accepted[producer][i]++; // it was idle: a new instance
                }
              } else if (queue.cancel(pointer)) {
                cancelled[producer][i]++;
              }
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      go.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(50));
        assertFalse(thread.isAlive(), thread.getName() + " did not finish in time");
      }
    } finally {
      queues.forEach(WorkQueue::close);
    }
    if (failure.get() != null) {
      throw new AssertionError("a producer or a run failed", failure.get());
    }
    for (int i = 0; i < ITEMS; i++) {
      long acceptedHere = 0;
      long cancelledHere = 0;
      for (int t = 0; t < PRODUCERS; t++) {
        acceptedHere += accepted[t][i];
        cancelledHere += cancelled[t][i];
      }
      assertTrue(acceptedHere > 0 && cancelledHere > 0, "item " + i + " saw no accepts or cancels");
      assertEquals(acceptedHere - cancelledHere, items[i].d.runs.get(),
          "item " + i + ": runs != accepted - cancelled");
      assertTrue(items[i].d.maxInside.get() <= 1, "item " + i + " ran twice at once");
      assertFalse(items[i].slot().isPending(), "item " + i + " pending after close()");
    }
  }

  /** A run long enough that most enqueues meet the slot running and are handed off. */
  private static void busyRun() {
    long end = System.nanoTime() + RUN_NANOS;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }
}

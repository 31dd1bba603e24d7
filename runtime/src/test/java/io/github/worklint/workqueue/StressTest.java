package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Counted invariants under load: several producers enqueue, cancel and flush the slots of many
 * items on a few workers, and every run is accounted for. Per slot: runs == accepted enqueues −
 * successful cancels (nothing lost, nothing duplicated), never two runs at once, nothing pending
 * after close().
 *
 * <p>The number of enqueue attempts is the system property {@code worklint.stress.enqueues}
 * (default 10^6; {@code mvn -pl runtime verify -Dworklint.stress.enqueues=10000000} for a long
 * run).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StressTest {

  private static final int PRODUCERS = 4;
  private static final int ITEMS = 256;
  private static final int SLOTS_PER_ITEM = 3;
  private static final int SLOTS = ITEMS * SLOTS_PER_ITEM;
  private static final int WORKERS = 3;

  /** One in this many operations also cancels a random slot. */
  private static final int CANCEL_EVERY = 16;

  /** One in this many operations also flushes a random slot. */
  private static final int FLUSH_EVERY = 256;

  /**
   * With two queues, a slot running on one queue's worker is often queued on the other, whose
   * worker hands it over: that queue must still count it (flush, drain and close wait for it).
   */
  @ParameterizedTest(name = "{0} queue(s)")
  @ValueSource(ints = {1, 2})
  void everyAcceptedEnqueueRunsExactlyOnceUnlessCancelled(int queueCount) throws Exception {
    long enqueues = Long.getLong("worklint.stress.enqueues", 1_000_000L);
    assertTrue(enqueues >= PRODUCERS, "worklint.stress.enqueues must be at least " + PRODUCERS);

    List<TestItem> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      TestItem item = new TestItem(i);
      items.add(item);
      for (Probe probe : List.of(item.a, item.b, item.c)) {
        probe.body = () -> {
          if ((probe.runs.get() & 63) == 0) {
            Thread.yield(); // now and then, widen the window in which a slot is re-queued
          }
        };
      }
    }
    Probe[] probes = new Probe[SLOTS];
    Work<?>[] slots = new Work<?>[SLOTS];
    Pointers pointers = new Pointers(items);
    for (int i = 0; i < ITEMS; i++) {
      TestItem item = items.get(i);
      probes[3 * i] = item.a;
      probes[3 * i + 1] = item.b;
      probes[3 * i + 2] = item.c;
      slots[3 * i] = Waits.slot(item.a());
      slots[3 * i + 1] = Waits.slot(item.b());
      slots[3 * i + 2] = Waits.slot(item.c());
    }

    Producer[] producers = new Producer[PRODUCERS];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long started = System.nanoTime();
    long elapsedNanos;
    List<WorkQueue> queues = new ArrayList<>();
    for (int q = 0; q < queueCount; q++) {
      queues.add(WorkQueue.builder("stress-" + q).maxActive(WORKERS)
          .threadFactory(new CountingThreadFactory("stress-" + q))
          .uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e))
          .build());
    }
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < PRODUCERS; t++) {
        long share = enqueues / PRODUCERS + (t < enqueues % PRODUCERS ? 1 : 0);
        Producer producer = new Producer(queues, pointers, share, 0x5EED_0000L + t);
        producers[t] = producer;
        threads.add(Waits.start("stress-producer-" + t, () -> {
          Waits.await(go);
          try {
            producer.run();
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      go.countDown();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(120));
        assertFalse(thread.isAlive(), thread.getName() + " did not finish in time");
      }
    } finally {
      queues.forEach(WorkQueue::close); // drains, then stops the workers
    }
    elapsedNanos = System.nanoTime() - started;
    if (failure.get() != null) {
      throw new AssertionError("a producer or a run failed", failure.get());
    }

    long attempts = 0;
    long accepted = 0;
    long cancelled = 0;
    long flushes = 0;
    long flushesThatWaited = 0;
    long[] acceptedPerSlot = new long[SLOTS];
    long[] cancelledPerSlot = new long[SLOTS];
    for (Producer producer : producers) {
      attempts += producer.attempts;
      flushes += producer.flushes;
      flushesThatWaited += producer.flushesThatWaited;
      for (int s = 0; s < SLOTS; s++) {
        acceptedPerSlot[s] += producer.accepted[s];
        cancelledPerSlot[s] += producer.cancelled[s];
      }
    }
    long runs = 0;
    int maxInside = 0;
    for (int s = 0; s < SLOTS; s++) {
      accepted += acceptedPerSlot[s];
      cancelled += cancelledPerSlot[s];
      runs += probes[s].runs.get();
      maxInside = Math.max(maxInside, probes[s].maxInside.get());
    }
    System.out.printf(
        "stress: %d queue(s), %d producers, %d workers each, %d slots; %d enqueue attempts, %d accepted,"
            + " %d cancelled, %d runs, %d flush(p) (%d waited); max runs at once per slot %d;"
            + " %d ms%n",
        queueCount, PRODUCERS, WORKERS, SLOTS, attempts, accepted, cancelled, runs, flushes,
        flushesThatWaited, maxInside, TimeUnit.NANOSECONDS.toMillis(elapsedNanos));

    assertEquals(enqueues, attempts);
    for (int s = 0; s < SLOTS; s++) {
      assertEquals(acceptedPerSlot[s] - cancelledPerSlot[s], probes[s].runs.get(),
          "slot " + s + ": runs != accepted - cancelled");
      assertTrue(probes[s].maxInside.get() <= 1, "slot " + s + " ran twice at once");
      assertFalse(slots[s].isPending(), "slot " + s + " still pending after close()");
    }
    assertEquals(accepted - cancelled, runs, "runs != accepted - cancelled");
    assertTrue(cancelled > 0, "the mix must include successful cancels");
    assertTrue(runs > 0);
  }

  /**
   * Slot number s is slot s % 3 (A, B, C) of item s / 3; the pointers are made once, so that the
   * producers allocate nothing per operation.
   */
  private static final class Pointers {
    private final TestItem.A[] a = new TestItem.A[ITEMS];
    private final TestItem.B[] b = new TestItem.B[ITEMS];
    private final TestItem.C[] c = new TestItem.C[ITEMS];

    Pointers(List<TestItem> items) {
      for (int i = 0; i < ITEMS; i++) {
        a[i] = items.get(i).a();
        b[i] = items.get(i).b();
        c[i] = items.get(i).c();
      }
    }

    boolean enqueue(WorkQueue queue, int s) {
      return switch (s % SLOTS_PER_ITEM) {
        case 0 -> queue.enqueue(a[s / SLOTS_PER_ITEM]);
        case 1 -> queue.enqueue(b[s / SLOTS_PER_ITEM]);
        default -> queue.enqueue(c[s / SLOTS_PER_ITEM]);
      };
    }

    boolean cancel(WorkQueue queue, int s) {
      return switch (s % SLOTS_PER_ITEM) {
        case 0 -> queue.cancel(a[s / SLOTS_PER_ITEM]);
        case 1 -> queue.cancel(b[s / SLOTS_PER_ITEM]);
        default -> queue.cancel(c[s / SLOTS_PER_ITEM]);
      };
    }

    boolean flush(WorkQueue queue, int s) {
      return switch (s % SLOTS_PER_ITEM) {
        case 0 -> queue.flush(a[s / SLOTS_PER_ITEM]);
        case 1 -> queue.flush(b[s / SLOTS_PER_ITEM]);
        default -> queue.flush(c[s / SLOTS_PER_ITEM]);
      };
    }
  }

  /** One producer thread's operations and its own counts (read after it is joined). */
  private static final class Producer {
    private final List<WorkQueue> queues;
    private final Pointers pointers;
    private final long operations;
    private final SplittableRandom random;

    final long[] accepted = new long[SLOTS];
    final long[] cancelled = new long[SLOTS];
    long attempts;
    long flushes;
    long flushesThatWaited;

    Producer(List<WorkQueue> queues, Pointers pointers, long operations, long seed) {
      this.queues = queues;
      this.pointers = pointers;
      this.operations = operations;
      this.random = new SplittableRandom(seed);
    }

    void run() {
      for (long op = 0; op < operations; op++) {
        int s = random.nextInt(SLOTS);
        WorkQueue queue = queues.get(random.nextInt(queues.size()));
        attempts++;
        if (pointers.enqueue(queue, s)) {
          accepted[s]++;
        }
        if (random.nextInt(CANCEL_EVERY) == 0) {
          int c = random.nextInt(SLOTS);
          if (pointers.cancel(queue, c)) {
            cancelled[c]++;
          }
        }
        if (random.nextInt(FLUSH_EVERY) == 0) {
          flushes++;
          if (pointers.flush(queue, random.nextInt(SLOTS))) {
            flushesThatWaited++;
          }
        }
      }
    }
  }
}

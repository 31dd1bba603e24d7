package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counted invariants of delayed work under load: four producers arm ({@code enqueueDelayed}),
 * re-arm ({@code modDelayed}, also moving timers between two queues), queue at once, cancel and
 * flush the delayed slots of many items while the timer fires them and the workers run them.
 * Per slot: runs == accepted instances − successful cancels; never two runs at once; nothing
 * pending after close(); and no run before its deadline.
 *
 * <p>How "never early" is checked soundly. Each slot has one fixed delay, and every arming call
 * passes a fresh pointer carrying {@code nanoTime() + delay} read before the call: a lower bound
 * of the deadline of any instance that pointer starts, and re-arming (which keeps the instance's
 * pointer) only moves a deadline later. The run compares its start with its pointer's bound,
 * except while a {@code flush(p)} of the slot is in progress, which fires armed work at once by
 * design.
 *
 * <p>Operations: the system property {@code worklint.stress.delayed.ops} (default 10^6).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DelayedStressTest {

  private static final int PRODUCERS = 4;
  private static final int SLOTS = 256;
  private static final int WORKERS = 3;
  private static final long[] DELAYS_NANOS = {
      0, 20_000, 100_000, 500_000, 1_000_000, 3_000_000};

  /** An item with one delayed slot; its pointer carries the lower bound of its deadline. */
  static final class Item {
    @Slot private final DelayedWork<D> slot = new DelayedWork<>();
    final Probe probe = new Probe();
    final int index;
    final Duration delay;
    final long delayNanos;

    Item(int index) {
      this.index = index;
      this.delayNanos = DELAYS_NANOS[index % DELAYS_NANOS.length];
      this.delay = Duration.ofNanos(delayNanos);
    }

    DelayedWork<D> slot() {
      return slot;
    }
  }

  record D(Item item, long notBefore, Checks checks) implements DelayedWorkItemPointer<Item, D> {
    static final HasDelayedWork<Item, D> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Item.class, D.class, "slot");

    @Override
    public HasDelayedWork<Item, D> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      checks.atRunStart(item.index, notBefore);
      item.probe.run();
    }
  }

  /** What the runs check and count. */
  static final class Checks {
    final AtomicIntegerArray flushesInProgress = new AtomicIntegerArray(SLOTS);
    final AtomicLong early = new AtomicLong();
    final AtomicLong strictlyChecked = new AtomicLong();
    final AtomicReference<String> firstEarly = new AtomicReference<>();

    void atRunStart(int slot, long notBefore) {
      long now = System.nanoTime();
      if (flushesInProgress.get(slot) > 0 || notBefore == 0) {
        return;
      }
      strictlyChecked.incrementAndGet();
      if (now - notBefore < 0) {
        early.incrementAndGet();
        firstEarly.compareAndSet(null, "slot " + slot + " ran " + (notBefore - now) + " ns early");
      }
    }
  }

  @Test
  void everyAcceptedInstanceRunsOnceOrIsCancelledNeverEarlyNeverTwiceAtOnce() throws Exception {
    long operations = Long.getLong("worklint.stress.delayed.ops", 1_000_000L);
    assertTrue(operations >= PRODUCERS, "worklint.stress.delayed.ops must be >= " + PRODUCERS);
    Item[] items = new Item[SLOTS];
    for (int s = 0; s < SLOTS; s++) {
      items[s] = new Item(s);
    }
    Checks checks = new Checks();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<WorkQueue> queues = new ArrayList<>();
    for (int q = 0; q < 2; q++) {
      queues.add(WorkQueue.builder("delayed-stress-" + q).maxActive(WORKERS)
          .threadFactory(new CountingThreadFactory("delayed-stress-" + q))
          .uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e))
          .build());
    }
    Producer[] producers = new Producer[PRODUCERS];
    long started = System.nanoTime();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < PRODUCERS; t++) {
        long share = operations / PRODUCERS + (t < operations % PRODUCERS ? 1 : 0);
        Producer producer = new Producer(queues, items, checks, share, 0xDE1A_0000L + t);
        producers[t] = producer;
        threads.add(Waits.start("delayed-producer-" + t, () -> {
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
      queues.forEach(WorkQueue::close); // waits for every armed timer to fire and run
    }
    long elapsed = System.nanoTime() - started;
    if (failure.get() != null) {
      throw new AssertionError("a producer or a run failed", failure.get());
    }

    long[] counts = new long[Producer.KINDS];
    long accepted = 0;
    long cancelled = 0;
    long runs = 0;
    for (int s = 0; s < SLOTS; s++) {
      long acceptedHere = 0;
      long cancelledHere = 0;
      for (Producer producer : producers) {
        acceptedHere += producer.accepted[s];
        cancelledHere += producer.cancelled[s];
      }
      accepted += acceptedHere;
      cancelled += cancelledHere;
      runs += items[s].probe.runs.get();
      assertEquals(acceptedHere - cancelledHere, items[s].probe.runs.get(),
          "slot " + s + ": runs != accepted - cancelled");
      assertTrue(items[s].probe.maxInside.get() <= 1, "slot " + s + " ran twice at once");
      assertFalse(items[s].slot().isPending(), "slot " + s + " pending after close()");
    }
    for (Producer producer : producers) {
      for (int k = 0; k < Producer.KINDS; k++) {
        counts[k] += producer.counts[k];
      }
    }
    System.out.printf("delayed stress: %d producers, 2 queues x %d workers, %d slots; %d operations"
            + " (enqueueDelayed %d, modDelayed %d of which re-armed %d, enqueue %d, cancel %d,"
            + " flush(p) %d); %d accepted, %d cancelled, %d runs, %d checked against their"
            + " deadline, %d early; %d ms%n",
        PRODUCERS, WORKERS, SLOTS, operations, counts[0], counts[1], counts[5], counts[2],
        counts[3], counts[4], accepted, cancelled, runs, checks.strictlyChecked.get(),
        checks.early.get(), TimeUnit.NANOSECONDS.toMillis(elapsed));

    assertEquals(operations, counts[0] + counts[1] + counts[2] + counts[3] + counts[4]);
    assertEquals(0, checks.early.get(), String.valueOf(checks.firstEarly.get()));
    assertEquals(accepted - cancelled, runs);
    assertTrue(cancelled > 0 && counts[5] > 0 && checks.strictlyChecked.get() > 0,
        "the mix must include cancels, re-arms and runs checked against a deadline");
  }

  /** One producer's operations and counts (read after it is joined). */
  private static final class Producer {
    static final int KINDS = 6; // enqueueDelayed, modDelayed, enqueue, cancel, flush, re-armed

    private final List<WorkQueue> queues;
    private final Item[] items;
    private final Checks checks;
    private final long operations;
    private final SplittableRandom random;
    final long[] accepted = new long[SLOTS];
    final long[] cancelled = new long[SLOTS];
    final long[] counts = new long[KINDS];

    Producer(List<WorkQueue> queues, Item[] items, Checks checks, long operations, long seed) {
      this.queues = queues;
      this.items = items;
      this.checks = checks;
      this.operations = operations;
      this.random = new SplittableRandom(seed);
    }

    void run() {
      for (long op = 0; op < operations; op++) {
        int s = random.nextInt(SLOTS);
        Item item = items[s];
        WorkQueue queue = queues.get(random.nextInt(2));
        int kind = random.nextInt(100);
        if (kind < 35) {
          counts[0]++;
          if (queue.enqueueDelayed(pointer(item), item.delay)) {
            accepted[s]++;
          }
        } else if (kind < 60) {
          counts[1]++;
          if (queue.modDelayed(pointer(item), item.delay)) {
            counts[5]++; // re-armed the pending instance
          } else {
            accepted[s]++; // it was idle: a new instance
          }
        } else if (kind < 70) {
          counts[2]++;
          if (queue.enqueue(new D(item, 0, checks))) {
            accepted[s]++;
          }
        } else if (kind < 98) {
          counts[3]++;
          if (queue.cancel(new D(item, 0, checks))) {
            cancelled[s]++;
          }
        } else {
          counts[4]++;
          checks.flushesInProgress.incrementAndGet(s);
          try {
            queue.flush(new D(item, 0, checks));
          } finally {
            checks.flushesInProgress.decrementAndGet(s);
          }
        }
      }
    }

    private D pointer(Item item) {
      return new D(item, System.nanoTime() + item.delayNanos, checks);
    }
  }
}

package io.github.worklint.workqueue;

import static io.github.worklint.workqueue.Waits.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lock-free pending list and the parking workers: no lost wake-up, strict FIFO after a cancel
 * and a re-enqueue, removal anywhere in the list, the link step of an enqueue on its own (accepted
 * while draining), and enqueues racing close(). Every wait is bounded, so a lost wake-up fails the test instead of hanging it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkQueuePendingListTest {

  /** A run that has not happened this long after its enqueue was lost (the spin is microseconds). */
  private static final long LOST_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * Empty to non-empty, many times: enqueue one item, wait (bounded) until it has run, repeat.
   * Every 50th round first waits until every worker is parked, so the wake-up of a parked worker is
   * exercised for certain; the other rounds hit workers anywhere between spinning and parking.
   */
  @ParameterizedTest(name = "{0} worker(s)")
  @ValueSource(ints = {1, 2, 3})
  void anEnqueueIsNeverLeftUnrunWhileAWorkerSleeps(int workers) {
    int rounds = 20_000;
    CountingThreadFactory threads = new CountingThreadFactory("wake-" + workers);
    TestItem item = new TestItem();
    int parkedRounds = 0;
    try (WorkQueue queue =
        WorkQueue.builder("wake-" + workers).maxActive(workers).threadFactory(threads).build()) {
      for (int round = 1; round <= rounds; round++) {
        if (round % 50 == 0) {
          for (Thread worker : threads.created()) {
            Waits.untilParked(worker);
          }
          parkedRounds++;
        }
        assertTrue(queue.enqueue(item.a()), "round " + round + ": the slot was still pending");
        awaitRuns(item.a, round, "round " + round);
      }
    }
    assertEquals(rounds, item.a.runs.get());
    assertEquals(rounds / 50, parkedRounds);
  }

  /**
   * Two producers push onto the inbox at the same moment, again and again, while the workers go
   * to sleep between rounds: both items of a round run (the push that finds the inbox non-empty
   * wakes nobody, so the other push or the worker that takes the first must cover it).
   */
  @Test
  void twoPushesRacingAParkingWorkerBothRun() throws Exception {
    int rounds = 3_000;
    TestItem first = new TestItem(1);
    TestItem second = new TestItem(2);
    try (WorkQueue queue = WorkQueue.builder("wake-race").maxActive(2)
        .threadFactory(new CountingThreadFactory("wake-race")).build()) {
      AtomicInteger round = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread other = Waits.start("second producer", () -> {
        try {
          for (int r = 1; r <= rounds; r++) {
            while (round.get() < r) {
              Thread.yield();
            }
            queue.enqueue(second.a());
            awaitRuns(second.a, r, "second, round " + r);
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      for (int r = 1; r <= rounds && failure.get() == null; r++) {
        round.set(r);
        queue.enqueue(first.a());
        awaitRuns(first.a, r, "first, round " + r);
        while (second.a.runs.get() < r && failure.get() == null && other.isAlive()) {
          Thread.yield();
        }
      }
      Waits.join(other);
      if (failure.get() != null) {
        throw new AssertionError("the second producer failed", failure.get());
      }
    }
    assertEquals(rounds, first.a.runs.get());
    assertEquals(rounds, second.a.runs.get());
  }

  /**
   * A cancelled slot queued again goes to the back, behind work queued after its first enqueue;
   * the cancel must really unlink it, whether it was the newest in the inbox or in the middle.
   */
  @Test
  void aCancelledSlotQueuedAgainRunsAfterWhatWasQueuedMeanwhile() {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<TestItem> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TestItem item = new TestItem(i);
      item.a.body = () -> order.add(item.index);
      items.add(item);
    }
    try (Blocked blocked = Blocked.ordered("fifo-after-cancel")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(items.get(0).a()));
      assertTrue(queue.enqueue(items.get(1).a()));
      assertTrue(queue.enqueue(items.get(2).a()));
      assertTrue(queue.cancel(items.get(1).a()), "the middle one"); // not the newest: walked
      assertTrue(queue.enqueue(items.get(1).a()));
      assertTrue(queue.enqueue(items.get(3).a()));
      assertTrue(queue.cancel(items.get(3).a()), "the newest one"); // taken off the top
      assertTrue(queue.enqueue(items.get(3).a()));
      assertTrue(queue.cancel(items.get(0).a()), "the oldest one");
      assertTrue(queue.enqueue(items.get(0).a()));
      blocked.release();
      queue.flush();
    }
    assertEquals(List.of(2, 1, 3, 0), order);
    for (TestItem item : items) {
      assertEquals(1, item.a.runs.get(), "item " + item.index);
    }
  }

  /**
   * modDelayed of a queued slot takes it out of the pending list, at its head, in its middle or at
   * its tail, keeping its token and its instance: the plain work around it runs in order, the
   * moved instances do not run until they are queued again, and then each runs once; a slot queued
   * after the removed tail is linked behind the slot before it.
   */
  @Test
  void modDelayedTakesAQueuedSlotOutOfThePendingListAnywhere() {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<DelayedItem> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      DelayedItem item = new DelayedItem(i);
      item.a.body = () -> order.add(item.index);
      item.d.body = () -> order.add(-item.index);
      items.add(item);
    }
    Duration hour = Duration.ofHours(1);
    try (Blocked blocked = Blocked.ordered("mod-pending")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(items.get(0).d()));
      assertTrue(queue.enqueue(items.get(1).a()));
      assertTrue(queue.enqueue(items.get(2).d()));
      assertTrue(queue.enqueue(items.get(3).a()));
      assertTrue(queue.enqueue(items.get(4).d()));
      assertTrue(queue.modDelayed(items.get(2).d(), hour), "queued in the middle");
      assertTrue(queue.modDelayed(items.get(4).d(), hour), "queued at the tail");
      assertTrue(queue.modDelayed(items.get(0).d(), hour), "queued at the head");
      assertTrue(queue.enqueue(items.get(5).a()), "queued behind the new tail");
      for (int i : new int[] {0, 2, 4}) {
        DelayedWork<?> slot = items.get(i).slot();
        assertEquals(0, slot.work.linkedIn, "item " + i + " is no longer queued");
        assertEquals(queue.id, DelayedTimers.TIMERS.armedFor(slot), "item " + i + " is armed");
        assertTrue(slot.isPending(), "item " + i + " keeps its token");
      }
      Thread flusher = Waits.start("flusher", queue::flush);
      Waits.untilParked(flusher);
      blocked.release();
      Waits.join(flusher);
      assertEquals(List.of(1, 3, 5), order, "flush() waited for the plain work, not the timers");
      assertTrue(queue.modDelayed(items.get(2).d(), Duration.ZERO), "queued at once");
      assertTrue(queue.flush(items.get(4).d()), "fired now");
      assertTrue(queue.flush(items.get(0).d()), "fired now");
      queue.flush(items.get(2).d());
    }
    assertEquals(List.of(1, 3, 5), order.subList(0, 3));
    assertEquals(List.of(-4, -2, 0), order.subList(3, 6).stream().sorted().toList());
    for (DelayedItem item : items) {
      assertEquals(item.index % 2 == 0 && item.index < 5 ? 1 : 0, item.d.runs.get(),
          "item " + item.index);
    }
  }

  /**
   * flush(), drain() and close() end on a signal, never on their periodic check: workers advance
   * through their batches without the lock, and a signal missed there would only make a wait late
   * (64 ms or more), which no other assertion would see. Batches of every size, 1 to 32 and more.
   */
  @ParameterizedTest(name = "{0} worker(s)")
  @ValueSource(ints = {1, 2, 3})
  void flushDrainAndCloseEndOnASignalNotOnTheirPeriodicCheck(int workers) {
    List<TestItem> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(new TestItem(i));
    }
    long unsignalledBefore = Progress.UNSIGNALLED_ENDS.get();
    long expectedRuns = 0;
    for (int round = 0; round < 150; round++) {
      int count = 1 + (round * 37) % items.size();
      WorkQueue queue = CountingThreadFactory.queue("signals-" + workers, workers);
      for (int wait = 0; wait < 3; wait++) {
        for (TestItem item : items.subList(0, count)) {
          assertTrue(queue.enqueue(item.a()));
        }
        switch (wait) {
          case 0 -> queue.flush();
          case 1 -> queue.drain();
          default -> queue.close();
        }
      }
      expectedRuns += 3L * count;
    }
    assertEquals(unsignalledBefore, Progress.UNSIGNALLED_ENDS.get(),
        "waits that ended on their periodic check: a lost signal");
    assertEquals(expectedRuns, items.stream().mapToLong(item -> item.a.runs.get()).sum());
  }

  /**
   * A run that waits for a slot its own worker has claimed, not started: the worker gives its
   * batch back before it waits, and another worker runs the slot. Four slots queued behind two
   * held workers: the first worker to claim takes two of them (its share), the run and the slot it
   * flushes, in that order; without the give-back that flush would wait for its own worker.
   */
  @Test
  void aRunThatFlushesASlotOfItsOwnBatchGetsItRunByAnotherWorker() {
    for (int round = 0; round < 200; round++) {
      TestItem waiter = new TestItem(0);
      TestItem awaited = new TestItem(1);
      AtomicReference<String> seen = new AtomicReference<>();
      try (WorkQueue queue = CountingThreadFactory.queue("give-back", 2)) {
        // flush(p) may find the slot already run by the other worker once it is given back
        // (and return false); either way it has run once when flush(p) returns.
        waiter.a.body = () -> {
          queue.flush(awaited.a());
          seen.set("awaited ran " + awaited.a.runs.get() + " time(s) before flush returned");
        };
        queueBehindHeldWorkers(queue, List.of(
            waiter.a(), awaited.a(), new TestItem(2).a(), new TestItem(3).a()));
      }
      assertEquals("awaited ran 1 time(s) before flush returned", seen.get(), "round " + round);
    }
  }

  /**
   * Two runs that wait for each other by plain Java means (a latch), on a 2-worker queue, both
   * finish however the instances were batched: a worker that finds the list empty steals what
   * another worker claimed and has not started. Without stealing, the first worker can claim both,
   * start the waiting one and hold the other behind it for good. Two held workers, then the two
   * runs behind 0 to 6 others, so that the first claim takes both in some rounds.
   */
  @Test
  void aRunThatWaitsForAnotherByAnyMeansGetsItRunByAnIdleWorker() {
    AtomicInteger stuck = new AtomicInteger();
    for (int round = 0; round < 140; round++) {
      CountDownLatch counterpartRan = new CountDownLatch(1);
      TestItem waiting = new TestItem(0);
      TestItem counterpart = new TestItem(1);
      List<TestItem> others = new ArrayList<>();
      for (int i = 0; i < round % 7; i++) {
        others.add(new TestItem(2 + i));
      }
      waiting.a.body = () -> {
        if (!Waits.await(counterpartRan)) {
          stuck.incrementAndGet();
        }
      };
      counterpart.a.body = counterpartRan::countDown;
      List<TestItem.A> queued = new ArrayList<>(List.of(waiting.a(), counterpart.a()));
      others.forEach(other -> queued.add(other.a()));
      try (WorkQueue queue = CountingThreadFactory.queue("steal", 2)) {
        queueBehindHeldWorkers(queue, queued);
      }
      assertEquals(0, stuck.get(), "round " + round + ": the counterpart never ran");
      assertEquals(1, counterpart.a.runs.get(), "round " + round);
    }
  }

  /**
   * Queues {@code pointers} on {@code queue} (two workers) while both workers are held in runs,
   * then releases them and waits with flush(): the first worker to claim sees all of them at once.
   */
  private static void queueBehindHeldWorkers(WorkQueue queue, List<TestItem.A> pointers) {
    try (Gate first = new Gate(); Gate second = new Gate()) {
      TestItem blockers = new TestItem(-1);
      blockers.b.body = first::pass;
      blockers.c.body = second::pass;
      assertTrue(queue.enqueue(blockers.b()));
      assertTrue(queue.enqueue(blockers.c()));
      first.awaitEntered();
      second.awaitEntered();
      for (TestItem.A pointer : pointers) {
        assertTrue(queue.enqueue(pointer));
      }
      first.release();
      second.release();
      queue.flush();
    }
  }

  /**
   * The second half of an enqueue on its own: a slot whose token was taken earlier (as a timer
   * arming delayed work does) is linked while the queue drains, which refuses other enqueues, and
   * drain() waits for its run.
   */
  @Test
  void theLinkStepAcceptsTheInstanceWhileTheQueueDrains() {
    TestItem item = new TestItem();
    TestItem outsider = new TestItem(1);
    AtomicLong runsWhenDrained = new AtomicLong(-1);
    try (Blocked blocked = Blocked.ordered("link-while-draining")) {
      WorkQueue queue = blocked.queue();
      Work<TestItem.A> work = slot(item.a());
      assertTrue(work.tryMarkPending(), "the token of an idle slot");
      assertTrue(work.isPending());
      Thread drainer = Waits.start("drainer", () -> {
        queue.drain();
        runsWhenDrained.set(item.a.runs.get());
      });
      Waits.untilParked(drainer);
      assertThrows(IllegalStateException.class, () -> queue.enqueue(outsider.a()));
      assertFalse(work.tryMarkPending(), "the token is held");
      queue.linkPending(work, item.a());
      assertTrue(drainer.isAlive(), "drain() returned before the linked instance ran");
      blocked.release();
      Waits.join(drainer);
      assertEquals(1, runsWhenDrained.get(), "drain() returned before the linked instance ran");
    }
    assertEquals(1, item.a.runs.get());
    assertEquals(0, outsider.a.runs.get());
  }

  /**
   * Enqueues racing close(): each either throws and leaves its slot idle and unrun, or is accepted
   * and has run by the time close() returns. Nothing is left pending, nothing runs twice.
   */
  @Test
  void anEnqueueRacingCloseEitherThrowsOrRunsBeforeCloseReturns() throws Exception {
    long acceptedTotal = 0;
    long refusedTotal = 0;
    for (int trial = 0; trial < 200; trial++) {
      WorkQueue queue = WorkQueue.builder("close-race").maxActive(2)
          .threadFactory(new CountingThreadFactory("close-race")).build();
      int items = 2_000;
      List<TestItem> all = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        all.add(new TestItem(i));
      }
      boolean[] accepted = new boolean[items];
      CountDownLatch started = new CountDownLatch(1);
      Thread producer = Waits.start("producer", () -> {
        for (int i = 0; i < items; i++) {
          if (i == 10) {
            started.countDown();
          }
          try {
            accepted[i] = queue.enqueue(all.get(i).a());
          } catch (IllegalStateException refused) {
            accepted[i] = false;
          }
        }
        started.countDown();
      });
      assertTrue(Waits.await(started));
      queue.close();
      long[] runsAtClose = new long[items];
      for (int i = 0; i < items; i++) {
        runsAtClose[i] = all.get(i).a.runs.get();
      }
      Waits.join(producer);
      for (int i = 0; i < items; i++) {
        TestItem item = all.get(i);
        assertEquals(accepted[i] ? 1 : 0, runsAtClose[i], "trial " + trial + ", item " + i);
        assertEquals(runsAtClose[i], item.a.runs.get(), "trial " + trial + ", item " + i);
        assertFalse(slot(item.a()).isPending(), "trial " + trial + ", item " + i + " pending");
        if (accepted[i]) {
          acceptedTotal++;
        } else {
          refusedTotal++;
        }
      }
    }
    assertTrue(acceptedTotal > 0 && refusedTotal > 0,
        "both outcomes must occur: " + acceptedTotal + " accepted, " + refusedTotal + " refused");
  }

  private static void awaitRuns(Probe probe, long runs, String what) {
    long start = System.nanoTime();
    while (probe.runs.get() < runs) {
      if (System.nanoTime() - start > LOST_AFTER_NANOS) {
        fail(what + ": enqueued " + TimeUnit.NANOSECONDS.toMillis(LOST_AFTER_NANOS)
            + " ms ago and never run: a lost wake-up");
      }
      Thread.yield(); // the test's threads outnumber the processors: let the workers run
    }
  }
}

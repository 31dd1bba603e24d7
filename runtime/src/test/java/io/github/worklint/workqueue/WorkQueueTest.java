package io.github.worklint.workqueue;

import static io.github.worklint.workqueue.CountingThreadFactory.queue;
import static io.github.worklint.workqueue.Waits.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The semantics of design.md §2, one test (or a few) each. Every wait is bounded: the class-wide
 * preemptive timeout fails a test that hangs, and each latch wait has its own bound.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkQueueTest {

  // ---- enqueue

  @Test
  void enqueueReturnsTrueThenFalseWhilePending() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("pending")) {
      WorkQueue queue = blocked.queue();
      assertFalse(slot(item.a()).isPending());
      assertTrue(queue.enqueue(item.a()));
      assertTrue(slot(item.a()).isPending());
      assertFalse(queue.enqueue(item.a()), "a pending slot is not queued twice");
      assertFalse(queue.enqueue(new TestItem.A(item)), "whichever pointer to the slot is used");
      assertTrue(queue.enqueue(item.b()), "another slot of the same item is independent");
      blocked.release();
      queue.flush();
    }
    assertEquals(1, item.a.runs.get(), "queued once, run once");
    assertEquals(1, item.b.runs.get());
    assertFalse(slot(item.a()).isPending());
  }

  @Test
  void aSlotPendingOnOneQueueIsNotQueuedOnAnother() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("first"); WorkQueue other = queue("second", 1)) {
      assertTrue(blocked.queue().enqueue(item.a()));
      assertFalse(other.enqueue(item.a()));
      other.flush();
      assertEquals(0, item.a.runs.get());
      blocked.release();
      blocked.queue().flush(item.a());
    }
    assertEquals(1, item.a.runs.get());
  }

  @Test
  void aRunningSlotMayBeQueuedAgainAndRunsOnceMoreAfterTheCurrentRun() {
    TestItem item = new TestItem();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger started = new AtomicInteger();
    // Two workers: the idle one takes the re-queued slot while the other still runs it, and must
    // hand it back rather than run it concurrently.
    try (WorkQueue queue = queue("rerun", 2); Gate gate = new Gate()) {
      item.a.body = () -> {
        int run = started.incrementAndGet();
        events.add("start " + run);
        if (run == 1) {
          gate.pass();
        }
        events.add("end " + run);
      };
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered();
      assertFalse(slot(item.a()).isPending(), "a running slot is not pending");
      assertTrue(queue.enqueue(item.a()), "a running slot may be queued again");
      assertTrue(slot(item.a()).isPending());
      assertFalse(queue.enqueue(item.a()), "but only once");
      // Widen the window in which the second worker could (wrongly) start the second instance.
      sleep(50);
      assertEquals(1, started.get(), "the second instance must wait for the first run to end");
      gate.release();
      queue.flush(item.a());
      assertEquals(List.of("start 1", "end 1", "start 2", "end 2"), events);
      queue.drain();
    }
    assertEquals(2, item.a.runs.get(), "exactly once more");
    assertEquals(1, item.a.maxInside.get());
  }

  @Test
  void anInstanceHandedToAnotherQueuesWorkerStillCountsForItsOwnQueue() {
    TestItem item = new TestItem();
    AtomicInteger started = new AtomicInteger();
    try (WorkQueue first = queue("first", 1);
        WorkQueue second = queue("second", 1);
        Gate gate = new Gate()) {
      item.a.body = () -> {
        if (started.incrementAndGet() == 1) {
          gate.pass();
        }
      };
      assertTrue(first.enqueue(item.a()));
      gate.awaitEntered();
      // Running on first's worker, queued on second: second's worker must hand it over rather
      // than run it concurrently, and second must still wait for it.
      assertTrue(second.enqueue(item.a()));
      Waits.until("second's worker took the instance", () -> !slotIsQueuedOn(item, second));
      Thread flusher = Waits.start("flush second", second::flush);
      Thread drainer = Waits.start("drain second", second::drain);
      Waits.untilParked(flusher);
      Waits.untilParked(drainer);
      assertTrue(flusher.isAlive(), "second.flush() returned before its instance ran");
      assertTrue(drainer.isAlive(), "second.drain() returned before its instance ran");
      assertEquals(1, started.get());
      gate.release();
      Waits.join(flusher);
      Waits.join(drainer);
      assertEquals(2, item.a.runs.get(), "second's instance ran before its flush returned");
      assertEquals(1, item.a.maxInside.get(), "never two runs at once");
    }
  }

  private static boolean slotIsQueuedOn(TestItem item, WorkQueue queue) {
    return slot(item.a()).linkedIn == queue.id;
  }

  // ---- non-reentrancy

  @Test
  void oneSlotNeverRunsConcurrentlyWithItself() {
    int producers = 4;
    long targetRuns = 20_000;
    TestItem item = new TestItem();
    item.a.body = () -> {
      for (int i = 0; i < 100; i++) {
        Thread.onSpinWait();
      }
      Thread.yield(); // invite another worker to take the re-queued slot now
    };
    AtomicLong accepted = new AtomicLong();
    AtomicLong attempts = new AtomicLong();
    long startNanos = System.nanoTime();
    try (WorkQueue queue = queue("reentrancy", 4)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < producers; t++) {
        threads.add(Waits.start("producer-" + t, () -> {
          Waits.await(go);
          long tries = 0;
          // Keep the slot queued while it runs, until it has been accepted targetRuns times.
          while (accepted.get() < targetRuns) {
            tries++;
            if (queue.enqueue(item.a())) {
              accepted.incrementAndGet();
            } else {
              Thread.yield(); // two cores: let the workers run
            }
          }
          attempts.addAndGet(tries);
        }));
      }
      go.countDown();
      threads.forEach(Waits::join);
      queue.drain();
    }
    System.out.printf("non-reentrancy: %d ms, %d attempts, %d accepted, %d runs, max inside %d%n",
        (System.nanoTime() - startNanos) / 1_000_000, attempts.get(), accepted.get(),
        item.a.runs.get(), item.a.maxInside.get());
    assertEquals(1, item.a.maxInside.get(), "the slot ran twice at once");
    assertEquals(accepted.get(), item.a.runs.get(), "every accepted enqueue ran exactly once");
    assertTrue(accepted.get() >= targetRuns);
  }

  @Test
  void twoSlotsOfOneItemRunAtTheSameTime() {
    TestItem item = new TestItem();
    CountDownLatch aInside = new CountDownLatch(1);
    CountDownLatch bInside = new CountDownLatch(1);
    AtomicBoolean aSawB = new AtomicBoolean();
    AtomicBoolean bSawA = new AtomicBoolean();
    item.a.body = () -> {
      aInside.countDown();
      aSawB.set(Waits.await(bInside));
    };
    item.b.body = () -> {
      bInside.countDown();
      bSawA.set(Waits.await(aInside));
    };
    try (WorkQueue queue = queue("independent", 2)) {
      assertTrue(queue.enqueue(item.a()));
      assertTrue(queue.enqueue(item.b()));
      queue.flush();
    }
    assertTrue(aSawB.get() && bSawA.get(), "slot A and slot B of one item must run concurrently");
  }

  // ---- happens-before

  @Test
  void writesBeforeEnqueueHappenBeforeTheRun() {
    int items = 20_000;
    AtomicIntegerArray seen = new AtomicIntegerArray(items);
    try (WorkQueue queue = queue("happens-before", 2)) {
      for (int i = 0; i < items; i++) {
        TestItem item = new TestItem(i);
        item.a.body = () -> seen.set(item.index, item.payload);
        // Written after the volatile body: only the enqueue publishes it.
        item.payload = i + 1;
        assertTrue(queue.enqueue(item.a()));
      }
      queue.flush();
    }
    for (int i = 0; i < items; i++) {
      assertEquals(i + 1, seen.get(i), "run of item " + i + " did not see its payload");
    }
  }

  // ---- closed queue

  @Test
  void enqueueOnAClosedQueueThrowsAndLeavesTheSlotIdle() {
    TestItem item = new TestItem();
    WorkQueue queue = queue("closed", 1);
    queue.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> queue.enqueue(item.a()));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertFalse(slot(item.a()).isPending(), "a refused enqueue must not leave the slot pending");
    assertFalse(queue.cancel(item.a()));
    assertThrows(IllegalStateException.class, () -> queue.spawn(() -> {}));
    try (WorkQueue other = queue("open", 1)) {
      assertTrue(other.enqueue(item.a()), "the slot can be queued elsewhere");
      other.flush(item.a());
    }
    assertEquals(1, item.a.runs.get());
  }

  // ---- cancel

  @Test
  void cancelRemovesAPendingInstance() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("cancel")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(item.a()));
      assertTrue(queue.enqueue(item.b()));
      assertTrue(queue.cancel(item.a()));
      assertFalse(slot(item.a()).isPending());
      assertFalse(queue.cancel(item.a()), "nothing left to cancel");
      assertTrue(slot(item.b()).isPending(), "cancel touches only its own slot");
      blocked.release();
      queue.flush();
    }
    assertEquals(0, item.a.runs.get(), "a cancelled instance does not run");
    assertEquals(1, item.b.runs.get());
  }

  @Test
  void aCancelledSlotCanBeQueuedAgain() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("cancel-requeue")) {
      WorkQueue queue = blocked.queue();
      for (int i = 0; i < 10; i++) {
        assertTrue(queue.enqueue(item.a()));
        assertTrue(queue.cancel(item.a()));
      }
      assertTrue(queue.enqueue(item.a()));
      blocked.release();
      queue.flush(item.a());
    }
    assertEquals(1, item.a.runs.get());
  }

  @Test
  void cancelOfAnIdleSlotReturnsFalse() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("cancel-idle", 1)) {
      assertFalse(queue.cancel(item.a()), "never queued");
      assertTrue(queue.enqueue(item.a()));
      queue.flush();
      assertFalse(queue.cancel(item.a()), "already ran");
    }
    assertEquals(1, item.a.runs.get());
  }

  @Test
  void cancelDoesNotWaitForARunningInstance() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("cancel-running", 1); Gate gate = new Gate()) {
      item.a.body = gate::pass;
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered();
      // The run is held in the gate; cancel returns at once (or the test times out).
      assertFalse(queue.cancel(item.a()), "a running instance is not pending");
      assertEquals(1, item.a.inside.get(), "the run is still in progress");
      assertTrue(queue.enqueue(item.a()));
      assertTrue(queue.cancel(item.a()), "the re-queued instance is pending and is cancelled");
      assertEquals(1, item.a.inside.get());
      gate.release();
      queue.flush();
    }
    assertEquals(1, item.a.runs.get(), "only the instance that was running ran");
  }

  // ---- cancelSync

  @Test
  void cancelSyncCancelsAPendingInstance() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("cancelSync")) {
      WorkQueue queue = blocked.queue();
      assertFalse(queue.cancelSync(item.a()), "idle: nothing to cancel, nothing to wait for");
      assertTrue(queue.enqueue(item.a()));
      assertTrue(queue.cancelSync(item.a()));
      assertFalse(slot(item.a()).isPending());
      assertTrue(queue.enqueue(item.a()), "after cancelSync the slot can be queued again");
      assertTrue(queue.cancelSync(item.a()));
      blocked.release();
      queue.flush();
    }
    assertEquals(0, item.a.runs.get());
  }

  @Test
  void cancelSyncWaitsForTheRunningInstance() {
    TestItem item = new TestItem();
    AtomicBoolean finished = new AtomicBoolean();
    AtomicReference<Boolean> result = new AtomicReference<>();
    AtomicBoolean finishedWhenReturned = new AtomicBoolean();
    try (WorkQueue queue = queue("cancelSync-wait", 1); Gate gate = new Gate()) {
      item.a.body = () -> {
        gate.pass();
        finished.set(true);
      };
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered();
      Thread canceller = Waits.start("canceller", () -> {
        result.set(queue.cancelSync(item.a()));
        finishedWhenReturned.set(finished.get());
      });
      Waits.untilParked(canceller);
      assertTrue(canceller.isAlive(), "cancelSync returned while the run was held");
      gate.release();
      Waits.join(canceller);
    }
    assertEquals(Boolean.FALSE, result.get(), "nothing was pending, only running");
    assertTrue(finishedWhenReturned.get(), "cancelSync returned before the run finished");
  }

  @Test
  void cancelSyncStopsASelfRequeuingSlot() {
    TestItem item = new TestItem();
    AtomicBoolean keepGoing = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<Boolean> result = new AtomicReference<>();
    int holdAt = 50;
    try (WorkQueue queue = queue("self-requeue", 2); Gate gate = new Gate()) {
      item.a.body = () -> {
        if (item.a.runs.get() + 1 == holdAt) {
          gate.pass();
        }
        if (keepGoing.get() && !queue.enqueue(item.a())) {
          refused.incrementAndGet();
        }
      };
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered(); // run number 50 is held, and has not re-queued itself yet
      Thread canceller = Waits.start("canceller", () -> result.set(queue.cancelSync(item.a())));
      Waits.untilParked(canceller);
      assertTrue(canceller.isAlive(), "cancelSync returned while the run was held");
      gate.release();
      Waits.join(canceller);
      assertEquals(Boolean.FALSE, result.get(), "the slot was running, not pending");
      assertEquals(1, refused.get(), "the held run's re-queue was refused during cancelSync");
      assertFalse(slot(item.a()).isPending());
      assertFalse(queue.flush(item.a()), "the slot is idle");
      queue.drain();
      assertEquals(holdAt, item.a.runs.get(), "no run after the one cancelSync waited for");

      keepGoing.set(false);
      assertTrue(queue.enqueue(item.a()), "once cancelSync returned, the slot can be queued");
      queue.flush(item.a());
    }
    assertEquals(holdAt + 1, item.a.runs.get());
  }

  // ---- flush(p)

  @Test
  void flushOfAPointerWaitsForTheLastQueuedInstance() {
    TestItem item = new TestItem();
    AtomicReference<Boolean> result = new AtomicReference<>();
    AtomicLong runsWhenReturned = new AtomicLong(-1);
    try (WorkQueue queue = queue("flush-one", 2); Gate gate = new Gate()) {
      item.a.body = () -> {
        if (item.a.runs.get() == 0) {
          gate.pass();
        } else {
          sleep(20); // a slow second run: flush must wait for it, too
        }
      };
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered();
      assertTrue(queue.enqueue(item.a()), "a second instance, queued behind the running one");
      Thread flusher = Waits.start("flusher", () -> {
        result.set(queue.flush(item.a()));
        runsWhenReturned.set(item.a.runs.get());
      });
      Waits.untilParked(flusher);
      assertTrue(flusher.isAlive(), "flush(p) returned while the run was held");
      gate.release();
      Waits.join(flusher);
    }
    assertEquals(Boolean.TRUE, result.get());
    assertEquals(2, runsWhenReturned.get(), "flush(p) returned before the last instance ran");
  }

  @Test
  void flushOfAPendingPointerWaitsForItsRun() {
    TestItem item = new TestItem();
    AtomicReference<Boolean> result = new AtomicReference<>();
    AtomicLong runsWhenReturned = new AtomicLong(-1);
    try (Blocked blocked = Blocked.ordered("flush-pending")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(item.a()));
      Thread flusher = Waits.start("flusher", () -> {
        result.set(queue.flush(item.a()));
        runsWhenReturned.set(item.a.runs.get());
      });
      Waits.untilParked(flusher);
      assertTrue(flusher.isAlive(), "flush(p) returned while the slot was pending");
      blocked.release();
      Waits.join(flusher);
    }
    assertEquals(Boolean.TRUE, result.get());
    assertEquals(1, runsWhenReturned.get());
  }

  @Test
  void flushOfAnIdleSlotReturnsFalse() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("flush-idle", 1)) {
      assertFalse(queue.flush(item.a()), "never queued");
      assertTrue(queue.enqueue(item.a()));
      queue.flush();
      assertEquals(1, item.a.runs.get());
      assertFalse(queue.flush(item.a()), "ran already");
    }
  }

  @Test
  void flushOfACancelledInstanceReturnsOnceItIsCancelled() {
    TestItem item = new TestItem();
    try (Blocked blocked = Blocked.ordered("flush-cancelled")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(item.a()));
      Thread flusher = Waits.start("flusher", () -> queue.flush(item.a()));
      Waits.untilParked(flusher);
      assertTrue(flusher.isAlive(), "flush(p) returned while the slot was pending");
      assertTrue(queue.cancel(item.a()));
      Waits.join(flusher); // while the worker is still held: the cancel alone ended the wait
      assertEquals(0, item.a.runs.get());
    }
  }

  // ---- flush()

  @Test
  void flushWaitsForEverythingQueuedBeforeTheCall() {
    int items = 500;
    List<TestItem> all = new ArrayList<>();
    long accepted = 0;
    try (WorkQueue queue = queue("flush-all", 2)) {
      for (int i = 0; i < items; i++) {
        TestItem item = new TestItem(i);
        item.a.body = () -> {
          for (int spin = 0; spin < 1_000; spin++) {
            Thread.onSpinWait();
          }
        };
        all.add(item);
        accepted += queue.enqueue(item.a()) ? 1 : 0;
        if (i % 2 == 0) {
          accepted += queue.enqueue(item.b()) ? 1 : 0;
        }
      }
      queue.flush();
      long ran = all.stream().mapToLong(it -> it.a.runs.get() + it.b.runs.get()).sum();
      assertEquals(items + items / 2, accepted);
      assertEquals(accepted, ran, "flush() returned before everything queued before it ran");
    }
  }

  @Test
  void flushDoesNotWaitForWorkQueuedAfterTheCall() {
    TestItem item = new TestItem();
    AtomicBoolean keepGoing = new AtomicBoolean(true);
    try (WorkQueue queue = queue("flush-then", 2)) {
      // A slot that re-queues itself forever: drain() would never return, flush() must.
      item.a.body = () -> {
        if (keepGoing.get()) {
          queue.enqueue(item.a());
        }
      };
      assertTrue(queue.enqueue(item.a()));
      queue.flush();
      queue.flush();
      assertTrue(item.a.runs.get() >= 1);
      keepGoing.set(false);
      queue.cancelSync(item.a());
    }
  }

  // ---- drain()

  @Test
  void drainWaitsForWorkChainedByTheQueuesOwnWork() {
    int items = 100;
    List<TestItem> all = new ArrayList<>();
    AtomicInteger refusedChains = new AtomicInteger();
    try (WorkQueue queue = queue("drain-chain", 2)) {
      for (int i = 0; i < items; i++) {
        TestItem item = new TestItem(i);
        item.a.body = () -> {
          if (!queue.enqueue(item.b())) {
            refusedChains.incrementAndGet();
          }
        };
        item.b.body = () -> {
          sleep(1);
          if (!queue.enqueue(item.c())) {
            refusedChains.incrementAndGet();
          }
        };
        all.add(item);
        assertTrue(queue.enqueue(item.a()));
      }
      queue.drain();
      for (TestItem item : all) {
        assertEquals(1, item.a.runs.get(), item + " a");
        assertEquals(1, item.b.runs.get(), item + " b: drain returned before chained work ran");
        assertEquals(1, item.c.runs.get(), item + " c: drain returned before chained work ran");
      }
      assertEquals(0, refusedChains.get());
      assertTrue(queue.enqueue(all.get(0).a()), "the queue takes work again after drain()");
      queue.drain();
    }
  }

  @Test
  void enqueueFromAnotherThreadDuringDrainThrows() {
    TestItem item = new TestItem();
    TestItem outsider = new TestItem(1);
    AtomicReference<Boolean> chained = new AtomicReference<>();
    AtomicLong chainedRunsWhenDrained = new AtomicLong(-1);
    try (WorkQueue queue = queue("draining", 2); Gate gate = new Gate()) {
      item.a.body = () -> {
        gate.pass();
        chained.set(queue.enqueue(item.b())); // the queue's own work may enqueue while draining
      };
      assertTrue(queue.enqueue(item.a()));
      gate.awaitEntered();
      Thread drainer = Waits.start("drainer", () -> {
        queue.drain();
        chainedRunsWhenDrained.set(item.b.runs.get());
      });
      Waits.untilParked(drainer);
      assertTrue(drainer.isAlive(), "drain() returned while a run was held");
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> queue.enqueue(outsider.a()));
      assertTrue(e.getMessage().contains("draining"), e.getMessage());
      assertFalse(slot(outsider.a()).isPending(), "a refused enqueue must not leave it pending");
      assertTrue(drainer.isAlive());
      gate.release();
      Waits.join(drainer);
      assertEquals(Boolean.TRUE, chained.get());
      assertEquals(1, chainedRunsWhenDrained.get(), "drain returned before the chained work ran");
      assertTrue(queue.enqueue(outsider.a()), "after drain() other threads may enqueue again");
      queue.flush(outsider.a());
    }
    assertEquals(1, outsider.a.runs.get());
  }

  // ---- close()

  @Test
  void closeDrainsThenStopsTheWorkersAndIsIdempotent() {
    CountingThreadFactory threads = new CountingThreadFactory("closing");
    // Each worker lingers a little after its loop ends, so that close() must join it.
    ThreadFactory lingering = runnable -> threads.newThread(() -> {
      runnable.run();
      sleep(100);
    });
    WorkQueue queue = WorkQueue.builder("closing").maxActive(3).threadFactory(lingering).build();
    List<TestItem> all = new ArrayList<>();
    try {
      assertEquals(3, threads.created().size());
      for (int i = 0; i < 100; i++) {
        TestItem item = new TestItem(i);
        item.a.body = () -> {
          sleep(1);
          queue.enqueue(item.b());
        };
        all.add(item);
        assertTrue(queue.enqueue(item.a()));
      }
    } finally {
      queue.close();
    }
    for (TestItem item : all) {
      assertEquals(1, item.a.runs.get(), "close() did not drain " + item);
      assertEquals(1, item.b.runs.get(), "close() did not drain chained work of " + item);
    }
    for (Thread worker : threads.created()) {
      assertFalse(worker.isAlive(), worker.getName() + " still alive after close()");
    }
    queue.close(); // idempotent: returns normally
    assertThrows(IllegalStateException.class, () -> queue.enqueue(all.get(0).a()));
  }

  // ---- ordered()

  @Test
  void orderedRunsOneAtATimeInFifoOrder() {
    int items = 1_000;
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    try (WorkQueue queue = WorkQueue.builder("ordered").ordered()
        .threadFactory(new CountingThreadFactory("ordered")).build()) {
      assertTrue(queue.isOrdered());
      assertEquals(1, queue.maxActive());
      for (int i = 0; i < items; i++) {
        TestItem item = new TestItem(i);
        Runnable body = () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.yield();
          order.add(item.index);
          inside.decrementAndGet();
        };
        item.a.body = body;
        item.b.body = body;
        // Alternate the slot: FIFO is across slots and items, not per slot.
        assertTrue(i % 2 == 0 ? queue.enqueue(item.a()) : queue.enqueue(item.b()));
      }
      queue.flush();
    }
    assertEquals(IntStream.range(0, items).boxed().toList(), order);
    assertEquals(1, maxInside.get());
  }

  @Test
  void orderedWithMaxActiveAboveOneIsRejectedOnBuild() {
    WorkQueue.Builder orderedFirst = WorkQueue.builder("bad-1").ordered().maxActive(3);
    IllegalStateException e = assertThrows(IllegalStateException.class, orderedFirst::build);
    assertTrue(e.getMessage().contains("bad-1"), e.getMessage());
    WorkQueue.Builder maxActiveFirst = WorkQueue.builder("bad-2").maxActive(3).ordered();
    assertThrows(IllegalStateException.class, maxActiveFirst::build);
    try (WorkQueue queue = WorkQueue.builder("fine").ordered().maxActive(1)
        .threadFactory(new CountingThreadFactory("fine")).build()) {
      assertTrue(queue.isOrdered());
    }
    assertThrows(IllegalArgumentException.class, () -> WorkQueue.builder("zero").maxActive(0));
  }

  // ---- system()

  @Test
  void systemIsOneSharedQueueOfDaemonWorkersThatCannotBeClosed() {
    WorkQueue system = WorkQueue.system();
    assertSame(system, WorkQueue.system());
    assertEquals("system", system.name());
    TestItem item = new TestItem();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    item.a.body = () -> ranOn.set(Thread.currentThread());
    assertTrue(system.enqueue(item.a()));
    system.flush(item.a());
    assertNotNull(ranOn.get());
    assertTrue(ranOn.get().isDaemon(), "system workers must be daemon threads");
    assertThrows(UnsupportedOperationException.class, system::close);
    assertTrue(system.enqueue(item.a()), "still usable after the refused close()");
    system.flush(item.a());
    assertEquals(2, item.a.runs.get());
  }

  // ---- thread factory, uncaught exceptions

  @Test
  void workersComeFromTheThreadFactory() {
    CountingThreadFactory threads = new CountingThreadFactory("factory");
    TestItem item = new TestItem();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    item.a.body = () -> ranOn.set(Thread.currentThread());
    try (WorkQueue queue = WorkQueue.builder("factory").maxActive(2).threadFactory(threads)
        .build()) {
      assertEquals(2, queue.maxActive());
      assertEquals(2, threads.created().size());
      assertTrue(queue.enqueue(item.a()));
      queue.flush(item.a());
    }
    assertTrue(threads.created().contains(ranOn.get()), "ran on " + ranOn.get());
  }

  @Test
  void anExceptionFromRunGoesToTheHandlerAndTheWorkerSurvives() {
    CountingThreadFactory threads = new CountingThreadFactory("failing");
    AtomicReference<Thread> failedOn = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger handled = new AtomicInteger();
    RuntimeException boom = new RuntimeException("boom");
    TestItem item = new TestItem();
    List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
    item.a.body = () -> {
      ranOn.add(Thread.currentThread());
      if (ranOn.size() == 1) {
        throw boom;
      }
    };
    try (WorkQueue queue = WorkQueue.builder("failing").maxActive(1).threadFactory(threads)
        .uncaughtExceptionHandler((thread, e) -> {
          failedOn.set(thread);
          failure.set(e);
          handled.incrementAndGet();
        }).build()) {
      assertTrue(queue.enqueue(item.a()));
      queue.flush(item.a());
      assertSame(boom, failure.get());
      assertSame(threads.created().get(0), failedOn.get());
      assertEquals(1, handled.get());
      assertFalse(slot(item.a()).isPending(), "the failed slot is idle again");
      assertFalse(queue.flush(item.a()), "the failed slot is idle again");

      assertTrue(queue.enqueue(item.a()), "the failed slot can be queued again");
      queue.flush(item.a());
      assertTrue(threads.created().get(0).isAlive(), "the only worker survived the exception");
    }
    assertEquals(2, item.a.runs.get());
    assertEquals(List.of(threads.created().get(0), threads.created().get(0)), ranOn);
    assertEquals(1, handled.get());
  }

  @Test
  void anExceptionFromTheHandlerDoesNotKillTheWorker() {
    TestItem item = new TestItem();
    item.a.body = () -> {
      throw new IllegalStateException("thrown by run() on purpose");
    };
    CountingThreadFactory threads = new CountingThreadFactory("bad-handler");
    try (WorkQueue queue = WorkQueue.builder("bad-handler").maxActive(1).threadFactory(threads)
        .uncaughtExceptionHandler((thread, e) -> {
          throw new IllegalStateException("thrown by the handler on purpose");
        }).build()) {
      assertTrue(queue.enqueue(item.a()));
      queue.flush(item.a());
      item.a.body = () -> {};
      assertTrue(queue.enqueue(item.a()));
      queue.flush(item.a());
      assertTrue(threads.created().get(0).isAlive());
    }
    assertEquals(2, item.a.runs.get());
  }

  // ---- spawn

  @Test
  void spawnRunsTheClosureOnce() {
    CountingThreadFactory threads = new CountingThreadFactory("spawn");
    AtomicInteger runs = new AtomicInteger();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    try (WorkQueue queue = WorkQueue.builder("spawn").maxActive(2).threadFactory(threads)
        .build()) {
      queue.spawn(() -> {
        runs.incrementAndGet();
        ranOn.set(Thread.currentThread());
      });
      queue.flush();
      assertEquals(1, runs.get());
      assertTrue(threads.created().contains(ranOn.get()));
      queue.spawn(runs::incrementAndGet);
      queue.spawn(runs::incrementAndGet);
      queue.flush();
      assertEquals(3, runs.get(), "each spawn is its own one-off work");
      assertThrows(NullPointerException.class, () -> queue.spawn(null));
    }
    assertEquals(3, runs.get());
  }

  // ---- waiting on yourself is an error, not a hang

  /** What a call made inside a run did: returned (with its result) or threw. */
  private record Outcome(Object returned, Throwable thrown) {
    static final Object VOID = "returned normally";

    IllegalStateException selfWaitError() {
      assertNotNull(thrown, "expected IllegalStateException, but the call returned " + returned);
      return assertInstanceOf(IllegalStateException.class, thrown);
    }
  }

  private interface Call {
    Object call() throws Throwable;
  }

  /** Runs {@code call} inside the A slot's run on {@code queue} and returns what it did. */
  private static Outcome callFromRun(WorkQueue queue, TestItem item, Call call) {
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    CountDownLatch recorded = new CountDownLatch(1);
    item.a.body = () -> {
      try {
        outcome.set(new Outcome(call.call(), null));
      } catch (Throwable t) {
        outcome.set(new Outcome(null, t));
      } finally {
        recorded.countDown();
      }
    };
    assertTrue(queue.enqueue(item.a()));
    assertTrue(Waits.await(recorded), "the call from the run neither returned nor threw in time");
    return outcome.get();
  }

  @Test
  void flushOfTheRunningSlotFromItsOwnRunThrows() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("self-flush", 2)) {
      Outcome viaThis = callFromRun(queue, item, () -> queue.flush(item.a()));
      assertTrue(viaThis.selfWaitError().getMessage().contains("own run"),
          viaThis.thrown().getMessage());
      // A fresh pointer of the same type to the same item is the same slot.
      Outcome viaNew = callFromRun(queue, item, () -> queue.flush(new TestItem.A(item)));
      assertTrue(viaNew.selfWaitError().getMessage().contains(TestItem.A.class.getName()));
    }
  }

  @Test
  void cancelSyncOfTheRunningSlotFromItsOwnRunThrows() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("self-cancelSync", 2)) {
      Outcome outcome = callFromRun(queue, item, () -> queue.cancelSync(item.a()));
      assertTrue(outcome.selfWaitError().getMessage().contains("own run"),
          outcome.thrown().getMessage());
      assertFalse(slot(item.a()).isPending());
    }
  }

  @Test
  void flushOfTheWholeQueueFromItsOwnWorkerThrows() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("self-flush-all", 2)) {
      Outcome outcome = callFromRun(queue, item, () -> {
        queue.flush();
        return Outcome.VOID;
      });
      assertTrue(outcome.selfWaitError().getMessage().contains("flush()"));
    }
  }

  @Test
  void drainFromItsOwnWorkerThrows() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("self-drain", 2)) {
      Outcome outcome = callFromRun(queue, item, () -> {
        queue.drain();
        return Outcome.VOID;
      });
      assertTrue(outcome.selfWaitError().getMessage().contains("drain()"));
    }
  }

  @Test
  void closeFromItsOwnWorkerThrows() {
    TestItem item = new TestItem();
    try (WorkQueue queue = queue("self-close", 2)) {
      Outcome outcome = callFromRun(queue, item, () -> {
        queue.close();
        return Outcome.VOID;
      });
      assertTrue(outcome.selfWaitError().getMessage().contains("close()"));
      assertTrue(queue.enqueue(item.b()), "the refused close() left the queue open");
      queue.flush(item.b());
    }
  }

  @Test
  void flushOfASlotQueuedBehindTheOnlyWorkerThrows() {
    TestItem item = new TestItem();
    AtomicReference<Boolean> queuedBehind = new AtomicReference<>();
    try (WorkQueue queue = WorkQueue.builder("self-ordered").ordered()
        .threadFactory(new CountingThreadFactory("self-ordered")).build()) {
      Outcome outcome = callFromRun(queue, item, () -> {
        queuedBehind.set(queue.enqueue(item.b()));
        return queue.flush(item.b());
      });
      assertEquals(Boolean.TRUE, queuedBehind.get());
      assertTrue(outcome.selfWaitError().getMessage().contains("only worker"),
          outcome.thrown().getMessage());
      queue.flush();
    }
    assertEquals(1, item.b.runs.get(), "the slot queued behind still ran afterwards");
  }

  @Test
  void flushOfAnotherSlotFromARunWorksWithASecondWorker() {
    TestItem item = new TestItem();
    AtomicLong otherRunsAfterFlush = new AtomicLong(-1);
    try (WorkQueue queue = queue("flush-other", 2)) {
      item.b.body = () -> sleep(10);
      Outcome outcome = callFromRun(queue, item, () -> {
        assertTrue(queue.enqueue(item.b()));
        boolean waited = queue.flush(item.b());
        otherRunsAfterFlush.set(item.b.runs.get());
        return waited;
      });
      assertEquals(new Outcome(Boolean.TRUE, null), outcome);
    }
    assertEquals(1, otherRunsAfterFlush.get(), "flush(p) from a run waited for the other slot");
  }

  @Test
  void cancelSyncOfASlotQueuedBehindTheOnlyWorkerCancelsIt() {
    // Not a self-wait: cancelSync waits only for a running instance, and the slot is pending.
    TestItem item = new TestItem();
    try (WorkQueue queue = WorkQueue.builder("cancel-behind").ordered()
        .threadFactory(new CountingThreadFactory("cancel-behind")).build()) {
      Outcome outcome = callFromRun(queue, item, () -> {
        assertTrue(queue.enqueue(item.b()));
        return queue.cancelSync(item.b());
      });
      assertEquals(new Outcome(Boolean.TRUE, null), outcome);
      queue.flush();
    }
    assertEquals(0, item.b.runs.get(), "the cancelled slot did not run");
  }

  // ---- allocation

  @Test
  void enqueueAndCancelAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    int ops = 100_000;
    TestItem item = new TestItem();
    TestItem.A pointer = item.a();
    // The only worker is held, so nothing runs and no worker contends for the queue's lock.
    try (Blocked blocked = Blocked.ordered("allocation")) {
      WorkQueue queue = blocked.queue();
      long tid = Thread.currentThread().getId();
      int failures = 0;
      for (int i = 0; i < 3 * ops; i++) { // warm-up: class loading, linkage, JIT
        failures += enqueueAndCancel(queue, pointer);
      }
      long before = threads.getThreadAllocatedBytes(tid);
      for (int i = 0; i < ops; i++) {
        failures += enqueueAndCancel(queue, pointer);
      }
      long allocated = threads.getThreadAllocatedBytes(tid) - before;
      System.out.printf("allocation: %d bytes for %d enqueue+cancel pairs%n", allocated, ops);
      assertEquals(0, failures, "every enqueue and cancel of the idle slot must succeed");
      assertTrue(allocated < ops, allocated + " bytes allocated for " + ops + " enqueue+cancel");
    }
    assertEquals(0, item.a.runs.get());
  }

  private static int enqueueAndCancel(WorkQueue queue, TestItem.A pointer) {
    return (queue.enqueue(pointer) ? 0 : 1) + (queue.cancel(pointer) ? 0 : 1);
  }

  // ---- helpers

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

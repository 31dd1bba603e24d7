package io.github.worklint.workqueue;

import static io.github.worklint.workqueue.CountingThreadFactory.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Design §2a, one test (or a few) per bullet: what each operation means for a delayed slot. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DelayedWorkTest {

  private static final Duration LONG = Duration.ofHours(1);

  // ---- enqueueDelayed (queue_delayed_work)

  @Test
  void enqueueDelayedArmsTheSlotAndRunsItOnceNeverBeforeItsDeadline() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("delayed", 2)) {
      long armed = System.nanoTime();
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofMillis(60)));
      assertTrue(item.slot().isPending(), "armed is pending");
      assertEquals(0, item.d.runs.get());
      Waits.until("the delayed run", () -> item.d.runs.get() == 1);
      assertTrue(item.lastRunStart - armed >= TimeUnit.MILLISECONDS.toNanos(60),
          "ran " + (item.lastRunStart - armed) + " ns after arming a 60 ms delay");
      assertFalse(item.slot().isPending());
    }
    assertEquals(1, item.d.runs.get());
  }

  @Test
  void enqueueDelayedOfAPendingSlotReturnsFalseAndLeavesTheDeadline() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("pending", 1)) {
      long armed = System.nanoTime();
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofMillis(150)));
      assertFalse(queue.enqueueDelayed(item.d(), Duration.ofMillis(1)), "already armed");
      assertFalse(queue.enqueue(item.d()), "enqueue of an armed slot: it holds the token");
      Waits.until("the delayed run", () -> item.d.runs.get() == 1);
      assertTrue(item.lastRunStart - armed >= TimeUnit.MILLISECONDS.toNanos(150),
          "the second call moved the deadline earlier");
    }
    assertEquals(1, item.d.runs.get(), "three calls, one instance");
  }

  @Test
  void enqueueOfADelayedPointerIsEnqueueDelayedOfZero() {
    DelayedItem item = new DelayedItem();
    try (Blocked blocked = Blocked.ordered("zero")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(item.d()));
      assertQueuedOn(queue, item);
      assertFalse(queue.enqueueDelayed(item.d(), Duration.ZERO), "queued is pending");
      assertTrue(queue.cancel(item.d()));
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ZERO));
      assertQueuedOn(queue, item);
      assertTrue(queue.cancel(item.d()));
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofMillis(-5)), "negative means now");
      assertQueuedOn(queue, item);
      blocked.release();
      queue.flush();
    }
    assertEquals(1, item.d.runs.get());
  }

  // ---- modDelayed (mod_delayed_work)

  @Test
  void modDelayedArmsAnIdleSlotAndReturnsFalse() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("mod-idle", 1)) {
      long armed = System.nanoTime();
      assertFalse(queue.modDelayed(item.d(), Duration.ofMillis(40)), "it was idle");
      assertTrue(item.slot().isPending());
      Waits.until("the run", () -> item.d.runs.get() == 1);
      assertTrue(item.lastRunStart - armed >= TimeUnit.MILLISECONDS.toNanos(40));
    }
  }

  @Test
  void modDelayedMovesAnArmedDeadlineEarlierOrLaterAndReturnsTrue() {
    DelayedItem earlier = new DelayedItem(1);
    DelayedItem later = new DelayedItem(2);
    try (WorkQueue queue = queue("mod-armed", 1)) {
      assertTrue(queue.enqueueDelayed(earlier.d(), LONG));
      assertTrue(queue.enqueueDelayed(later.d(), Duration.ofMillis(20)));
      long moved = System.nanoTime();
      assertTrue(queue.modDelayed(earlier.d(), Duration.ofMillis(30)), "it was armed");
      assertTrue(queue.modDelayed(later.d(), Duration.ofMillis(200)), "it was armed");
      Waits.until("both runs", () -> earlier.d.runs.get() == 1 && later.d.runs.get() == 1);
      assertTrue(earlier.lastRunStart - moved >= TimeUnit.MILLISECONDS.toNanos(30));
      assertTrue(later.lastRunStart - moved >= TimeUnit.MILLISECONDS.toNanos(200),
          "the deadline moved later, so the 20 ms one must not fire");
      assertTrue(later.lastRunStart > earlier.lastRunStart);
    }
  }

  @Test
  void modDelayedTakesAQueuedInstanceBackAndArmsIt() {
    DelayedItem item = new DelayedItem();
    try (Blocked blocked = Blocked.ordered("mod-queued")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueue(item.d()));
      assertQueuedOn(queue, item);
      assertTrue(queue.modDelayed(item.d(), LONG), "it was queued");
      assertEquals(0, item.slot().work.linkedIn, "no longer queued");
      assertEquals(queue.id, DelayedTimers.TIMERS.armedFor(item.slot()), "armed for this queue");
      blocked.release();
      queue.flush(); // does not wait for armed timers
      assertEquals(0, item.d.runs.get());
      assertTrue(queue.modDelayed(item.d(), Duration.ZERO), "zero: queued at once");
      queue.flush(item.d());
    }
    assertEquals(1, item.d.runs.get(), "one instance, moved twice");
  }

  @Test
  void modDelayedOfARunningSlotArmsANewInstanceAfterTheRun() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("mod-running", 2); Gate gate = new Gate()) {
      item.d.body = gate::pass;
      assertTrue(queue.enqueue(item.d()));
      gate.awaitEntered();
      assertFalse(queue.modDelayed(item.d(), Duration.ofMillis(10)), "running is not pending");
      assertTrue(item.slot().isPending());
      item.d.body = () -> {};
      gate.release();
      Waits.until("the second run", () -> item.d.runs.get() == 2);
      assertEquals(1, item.d.maxInside.get(), "never twice at once");
    }
  }

  @Test
  void modDelayedMovesAnArmedInstanceToAnotherQueue() {
    DelayedItem item = new DelayedItem();
    AtomicReference<String> ranOn = new AtomicReference<>();
    item.d.body = () -> ranOn.set(Thread.currentThread().getName());
    try (WorkQueue first = queue("mod-first", 1); WorkQueue second = queue("mod-second", 1)) {
      assertTrue(first.enqueueDelayed(item.d(), LONG));
      assertTrue(second.modDelayed(item.d(), Duration.ofMillis(5)));
      first.close(); // nothing is armed for it any more: returns at once
      Waits.until("the run", () -> item.d.runs.get() == 1);
    }
    assertTrue(ranOn.get().startsWith("mod-second"), ranOn.get());
  }

  // ---- cancel, cancelSync

  @Test
  void cancelDisarms() {
    DelayedItem item = new DelayedItem();
    WorkQueue queue = queue("cancel-armed", 1);
    assertTrue(queue.enqueueDelayed(item.d(), LONG));
    assertTrue(queue.cancel(item.d()));
    assertFalse(item.slot().isPending());
    assertFalse(queue.cancel(item.d()), "nothing left to cancel");
    assertEquals(0, DelayedTimers.TIMERS.armedFor(item.slot()));
    long closing = System.nanoTime();
    queue.close(); // would wait an hour if the timer were still counted
    assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(5));
    assertEquals(0, item.d.runs.get());
  }

  @Test
  void cancelUnqueuesAnInstanceWhoseTimerFired() {
    DelayedItem item = new DelayedItem();
    try (Blocked blocked = Blocked.ordered("cancel-queued")) {
      WorkQueue queue = blocked.queue();
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofMillis(1)));
      Waits.until("the timer fired", () -> item.slot().work.linkedIn == queue.id);
      assertTrue(queue.cancel(item.d()));
      assertFalse(item.slot().isPending());
      blocked.release();
      queue.flush();
    }
    assertEquals(0, item.d.runs.get());
  }

  @Test
  void cancelSyncDisarmsAndWaitsForTheRunningInstance() throws Exception {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("cancel-sync", 2); Gate gate = new Gate()) {
      item.d.body = gate::pass;
      assertTrue(queue.enqueue(item.d()));
      gate.awaitEntered();
      assertFalse(queue.modDelayed(item.d(), LONG), "a new instance, armed behind the run");
      AtomicReference<Boolean> result = new AtomicReference<>();
      Thread canceller = Waits.start("canceller", () -> result.set(queue.cancelSync(item.d())));
      Waits.untilParked(canceller);
      assertFalse(item.slot().isPending(), "disarmed before waiting");
      assertTrue(canceller.isAlive(), "still waiting for the run");
      gate.release();
      Waits.join(canceller);
      assertEquals(Boolean.TRUE, result.get());
    }
    assertEquals(1, item.d.runs.get(), "the armed instance never ran");
  }

  // ---- flush(p), flush()

  @Test
  void flushOfAnArmedInstanceFiresItNowAndWaitsForIt() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("flush-armed", 1)) {
      assertTrue(queue.enqueueDelayed(item.d(), LONG));
      assertTrue(queue.flush(item.d()));
      assertEquals(1, item.d.runs.get(), "flush returned after the run");
      assertFalse(item.slot().isPending());
      assertFalse(queue.flush(item.d()), "idle now");
    }
  }

  @Test
  void flushOfTheQueueDoesNotWaitForArmedTimers() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("flush-queue", 1)) {
      assertTrue(queue.enqueueDelayed(item.d(), LONG));
      assertTrue(queue.enqueue(item.a()));
      queue.flush();
      assertEquals(1, item.a.runs.get(), "what was queued ran");
      assertEquals(0, item.d.runs.get());
      assertTrue(item.slot().isPending(), "still armed");
      assertTrue(queue.cancel(item.d()));
    }
  }

  @Test
  void flushFromTheOnlyWorkerOfTheQueueTheSlotIsArmedForThrows() {
    DelayedItem item = new DelayedItem();
    DelayedItem flusher = new DelayedItem(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (WorkQueue queue = queue("flush-self", 1)) {
      assertTrue(queue.enqueueDelayed(item.d(), LONG));
      flusher.a.body = () -> {
        try {
          queue.flush(item.d());
        } catch (IllegalStateException e) {
          thrown.set(e);
        }
      };
      assertTrue(queue.enqueue(flusher.a()));
      queue.flush();
      assertTrue(item.slot().isPending(), "the refused flush did not fire it");
      assertTrue(queue.cancel(item.d()));
    }
    assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
    assertTrue(thrown.get().getMessage().contains("only worker"), thrown.get().getMessage());
  }

  // ---- drain, close

  @Test
  void drainWaitsForArmedTimersAndRefusesOutsideArming() throws Exception {
    DelayedItem item = new DelayedItem();
    DelayedItem outsider = new DelayedItem(1);
    try (WorkQueue queue = queue("drain", 1)) {
      long armed = System.nanoTime();
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofMillis(300)));
      Thread drainer = Waits.start("drainer", queue::drain);
      Waits.untilParked(drainer);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> queue.enqueueDelayed(outsider.d(), Duration.ofMillis(1)));
      assertTrue(e.getMessage().contains("draining"), e.getMessage());
      assertThrows(IllegalStateException.class,
          () -> queue.modDelayed(outsider.d(), Duration.ofMillis(1)));
      assertFalse(outsider.slot().isPending(), "a refused arming leaves the slot idle");
      Waits.join(drainer);
      assertEquals(1, item.d.runs.get(), "drain returned after the armed instance ran");
      assertTrue(item.lastRunStart - armed >= TimeUnit.MILLISECONDS.toNanos(300));
    }
  }

  @Test
  void closeWithArmedTimersLosesNothingAndReturnsAfterTheyRan() {
    List<DelayedItem> items = new ArrayList<>();
    long[] notBefore = new long[200];
    SplittableRandom random = new SplittableRandom(7);
    WorkQueue queue = queue("close-armed", 2);
    for (int i = 0; i < notBefore.length; i++) {
      DelayedItem item = new DelayedItem(i);
      items.add(item);
      long delay = random.nextLong(TimeUnit.MILLISECONDS.toNanos(200));
      notBefore[i] = System.nanoTime() + delay;
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofNanos(delay)));
    }
    queue.close();
    for (int i = 0; i < notBefore.length; i++) {
      DelayedItem item = items.get(i);
      assertEquals(1, item.d.runs.get(), item + " ran once before close() returned");
      assertTrue(item.lastRunStart - notBefore[i] >= 0, item + " ran early");
      assertFalse(item.slot().isPending());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> queue.enqueueDelayed(items.get(0).d(), Duration.ofMillis(1)));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertFalse(items.get(0).slot().isPending(), "a refused arming leaves the slot idle");
  }

  @Test
  void manyTimersFireInDeadlineOrderNeverEarly() {
    int count = 2_000;
    List<DelayedItem> items = new ArrayList<>();
    long[] notBefore = new long[count];
    SplittableRandom random = new SplittableRandom(11);
    try (WorkQueue queue = queue("many", 2)) {
      for (int i = 0; i < count; i++) {
        DelayedItem item = new DelayedItem(i);
        items.add(item);
        long delay = random.nextLong(TimeUnit.MILLISECONDS.toNanos(300));
        notBefore[i] = System.nanoTime() + delay;
        assertTrue(queue.enqueueDelayed(item.d(), Duration.ofNanos(delay)));
        if (i % 3 == 0) { // re-arm a third of them, to exercise sifting both ways
          long again = random.nextLong(TimeUnit.MILLISECONDS.toNanos(300));
          notBefore[i] = System.nanoTime() + again;
          assertTrue(queue.modDelayed(item.d(), Duration.ofNanos(again)));
        }
      }
      for (int i = 0; i < count; i += 7) {
        assertTrue(queue.cancel(items.get(i).d()) || items.get(i).d.runs.get() == 1);
      }
    }
    for (int i = 0; i < count; i++) {
      DelayedItem item = items.get(i);
      long runs = item.d.runs.get();
      assertTrue(runs == 1 || (runs == 0 && i % 7 == 0), item + " ran " + runs + " times");
      if (runs == 1) {
        assertTrue(item.lastRunStart - notBefore[i] >= 0, item + " ran early");
      }
    }
  }

  // ---- bad input

  @Test
  void nullPointerOrDelayThrowsNullPointerExceptionNamingIt() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("null", 1)) {
      NullPointerException p = assertThrows(NullPointerException.class,
          () -> queue.enqueueDelayed((DelayedItem.D) null, Duration.ofMillis(1)));
      assertEquals("pointer", p.getMessage());
      NullPointerException d = assertThrows(NullPointerException.class,
          () -> queue.enqueueDelayed(item.d(), null));
      assertEquals("delay", d.getMessage());
      assertEquals("pointer", assertThrows(NullPointerException.class,
          () -> queue.modDelayed((DelayedItem.D) null, Duration.ofMillis(1))).getMessage());
      assertEquals("delay", assertThrows(NullPointerException.class,
          () -> queue.modDelayed(item.d(), null)).getMessage());
      assertFalse(item.slot().isPending(), "nothing was armed");
    }
  }

  @Test
  void aDelayTooLongForNanosecondsIsClamped() {
    DelayedItem item = new DelayedItem();
    try (WorkQueue queue = queue("clamp", 1)) {
      long before = System.nanoTime();
      assertTrue(queue.enqueueDelayed(item.d(), Duration.ofSeconds(Long.MAX_VALUE)));
      long delay = DelayedTimers.TIMERS.deadlineOf(item.slot()) - before;
      assertTrue(delay >= DelayedTimers.MAX_DELAY.toNanos()
          && delay - DelayedTimers.MAX_DELAY.toNanos() < TimeUnit.SECONDS.toNanos(10),
          "armed " + delay + " ns ahead");
      assertTrue(queue.modDelayed(item.d(), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
      assertEquals(1L << 61, DelayedTimers.nanos(Duration.ofDays(365L * 1000)));
      assertTrue(queue.cancel(item.d()));
    }
  }

  @Test
  void delayedWorkRunsOnTheSystemQueue() {
    DelayedItem item = new DelayedItem();
    assertTrue(WorkQueue.system().enqueueDelayed(item.d(), Duration.ofMillis(5)));
    Waits.until("the run", () -> item.d.runs.get() == 1);
    assertFalse(WorkQueue.system().modDelayed(item.d(), LONG), "idle again after its run");
    assertTrue(WorkQueue.system().flush(item.d()), "flush fires the re-armed instance now");
    assertEquals(2, item.d.runs.get());
  }

  // ---- helpers

  private static void assertQueuedOn(WorkQueue queue, DelayedItem item) {
    assertEquals(queue.id, item.slot().work.linkedIn, "linked at once, not armed");
    assertEquals(0, DelayedTimers.TIMERS.armedFor(item.slot()));
    assertNotEquals(0, item.slot().work.state() & Work.PENDING);
  }
}

package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Linearizability of enqueueDelayed, modDelayed, enqueue, cancel and isPending on one delayed
 * slot, checked by Lincheck against {@link PendingModel}, one pending flag: arming or queueing
 * is true iff it was not pending; modDelayed returns whether it was pending and leaves it pending;
 * cancel is true iff pending. Both strategies run (model checking with 2 threads, stress with 3).
 *
 * <p>As in {@link WorkQueueLincheckTest}, nothing may change the slot behind the operations'
 * backs, so the queue's only worker is held for the whole class and the delays are an hour: no
 * timer fires, no instance runs. The timer thread must not wake up either (Lincheck does not
 * schedule it): a sentinel armed first, with the earliest deadline, keeps it parked, since only a
 * new earliest deadline wakes it. The paths exercised are the real ones: the PENDING token,
 * the timer heap and its monitor, the queue lock, re-arming in place, taking a queued instance
 * back to arm it, and the spins while a token is held but its slot not yet placed.
 *
 * <p>Two queues. Between model-checking invocations Lincheck restores the static memory the
 * invocation touched (the timer heap, the queue's list and counts), so the slots of those
 * invocations' items keep a state that no heap or list holds, and the restored counts of their
 * queue are not reliable afterwards (a few armed timers too many, so it could never drain). Model
 * checking therefore runs on a queue of its own that is never closed (its worker is a daemon and
 * is released); stress invocations, with real threads and no restoring, run on another queue,
 * whose items are recorded, cancelled after the checks, and which must then close.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class DelayedLincheckTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static final Queue<DelayedItem> ITEMS = new ConcurrentLinkedQueue<>();
  private static WorkQueue modelQueue;
  private static WorkQueue stressQueue;
  private static TestItem blocker;
  private static DelayedItem sentinel;
  /** Whether new instances record their item for the clean-up (stress invocations only). */
  private static volatile boolean recording;

  /** Reached from each instance, so that the model checker instruments the queue (see there). */
  private final WorkQueue sharedQueue = recording ? stressQueue : modelQueue;

  private final DelayedItem item = new DelayedItem();
  private final DelayedItem.D pointer = item.d();

  public DelayedLincheckTest() {
    if (recording) {
      ITEMS.add(item);
    }
  }

  @BeforeAll
  static void holdTheWorkersAndParkTheTimer() {
    // Never released: see WorkQueueLincheckTest on what the model checker leaves in its queue.
    modelQueue = HeldWorker.queue(
        "delayed-lincheck-model", new TestItem(-2), new CountDownLatch(1));
    blocker = new TestItem(-1);
    stressQueue = HeldWorker.queue("delayed-lincheck-stress", blocker, RELEASE);
    sentinel = new DelayedItem(-1);
    if (!stressQueue.enqueueDelayed(sentinel.d(), HOUR)) {
      throw new AssertionError("the sentinel was already armed");
    }
    // Lincheck's snapshot of the timer's fields must be taken while its thread is parked.
    Waits.until("the timer thread parks", DelayedTimers.TIMERS::timerThreadParked);
  }

  @AfterAll
  static void cancelEverythingAndClose() {
    assertEquals(null, DelayedTimers.TIMERS.heapProblem());
    assertTrue(stressQueue.cancel(sentinel.d()), "the sentinel never fired");
    for (DelayedItem armed : ITEMS) {
      stressQueue.cancel(armed.d());
      assertFalse(armed.slot().isPending());
    }
    RELEASE.countDown();
    stressQueue.close(); // nothing armed any more, and what was queued runs

    assertEquals(1, blocker.c.runs.get());
    assertEquals(0, sentinel.d.runs.get());
    assertEquals(null, DelayedTimers.TIMERS.heapProblem());
  }

  @Operation
  public boolean enqueueDelayed() {
    return sharedQueue.enqueueDelayed(pointer, HOUR);
  }

  @Operation
  public boolean modDelayed() {
    return sharedQueue.modDelayed(pointer, HOUR);
  }

  @Operation
  public boolean enqueue() {
    return sharedQueue.enqueue(pointer);
  }

  @Operation
  public boolean cancel() {
    return sharedQueue.cancel(pointer);
  }

  @Operation
  public boolean isPending() {
    return item.slot().isPending();
  }

  /** The sequential specification: one pending flag. */
  public static final class PendingModel {
    private boolean pending;

    public boolean enqueueDelayed() {
      return enqueue();
    }

    public boolean modDelayed() {
      boolean was = pending;
      pending = true;
      return was;
    }

    public boolean enqueue() {
      if (pending) {
        return false;
      }
      pending = true;
      return true;
    }

    public boolean cancel() {
      boolean was = pending;
      pending = false;
      return was;
    }

    public boolean isPending() {
      return pending;
    }
  }

  @Test
  void modelChecking() {
    recording = false;
    new ModelCheckingOptions()
        .iterations(3)
        .invocationsPerIteration(100)
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(PendingModel.class)
        .check(DelayedLincheckTest.class);
  }

  @Test
  void stress() {
    recording = true;
    new StressOptions()
        .iterations(5)
        .invocationsPerIteration(300)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(PendingModel.class)
        .check(DelayedLincheckTest.class);
  }
}

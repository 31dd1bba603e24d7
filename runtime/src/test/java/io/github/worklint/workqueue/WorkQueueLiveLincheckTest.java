package io.github.worklint.workqueue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Enqueue, cancel, isPending and flush(p) of one slot under Lincheck's stress strategy (3 real
 * threads, many short random scenarios), with the queue's two workers LIVE: they take the slot
 * whenever they find it, so the lock-free inbox, the take lock, the hand-off between the two
 * workers and the park/wake-up path all race with the operations.
 *
 * <p>A live worker clears the pending flag on its own, so no sequential model predicts the
 * results of single operations (that is what {@link WorkQueueLincheckTest}'s held-worker model
 * checks). Here the operations count what they did, and {@link #accountFor()}, which Lincheck runs
 * after each scenario, checks the invariants that must hold whatever the interleaving: after a
 * final flush(p), runs == accepted enqueues − successful cancels, the slot is idle, and it never
 * ran twice at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class WorkQueueLiveLincheckTest {

  private static WorkQueue queue;

  private final WorkQueue sharedQueue = queue;
  private final TestItem item = new TestItem();
  private final TestItem.A pointer = item.a();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();

  @BeforeAll
  static void startTheWorkers() {
    queue = WorkQueue.builder("live-lincheck").maxActive(2)
        .threadFactory(new CountingThreadFactory("live-lincheck")).build();
  }

  @AfterAll
  static void stopTheWorkers() {
    queue.close();
  }

  @Operation
  public void enqueue() {
    if (sharedQueue.enqueue(pointer)) {
      accepted.incrementAndGet();
    }
  }

  @Operation
  public void cancel() {
    if (sharedQueue.cancel(pointer)) {
      cancelled.incrementAndGet();
    }
  }

  @Operation
  public void isPending() {
    TestItem.A.WORK.workOf(item).isPending();
  }

  @Operation
  public void flush() {
    sharedQueue.flush(pointer);
  }

  @Validate
  public void accountFor() {
    sharedQueue.flush(pointer);
    long runs = item.a.runs.get();
    long expected = accepted.get() - cancelled.get();
    if (runs != expected) {
      throw new AssertionError(runs + " runs for " + accepted + " accepted enqueues and "
          + cancelled + " cancels");
    }
    if (TestItem.A.WORK.workOf(item).isPending()) {
      throw new AssertionError("pending after flush(p) with nothing else running");
    }
    if (item.a.maxInside.get() > 1) {
      throw new AssertionError("the slot ran twice at once");
    }
  }

  /** Every operation returns nothing: the checks are in {@link #accountFor()}. */
  public static final class NoResults {
    public void enqueue() {}

    public void cancel() {}

    public void isPending() {}

    public void flush() {}
  }

  @Test
  void stress() {
    new StressOptions()
        .iterations(30)
        .invocationsPerIteration(2_000)
        .threads(3)
        .actorsPerThread(4)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(NoResults.class)
        .check(WorkQueueLiveLincheckTest.class);
  }
}

package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Linearizability of enqueue, cancel and isPending on one slot, checked by Lincheck against
 * {@link PendingModel}, a single pending flag: enqueue is true iff not pending, cancel is true iff
 * pending. Both Lincheck strategies run: model checking (systematic interleavings of 2 threads,
 * with a trace on failure) and stress (3 real threads).
 *
 * <p>Why the worker is held. A worker may take a pending slot at any moment, which clears the
 * pending flag without any operation of the test: against a sequential model that is a spurious
 * non-linearizable history. So every scenario of a check runs on one ordered queue whose only
 * worker is held inside the run of a blocker item queued before any scenario starts ({@link
 * HeldWorker}); the worker then never dequeues, and the slot's state changes only
 * through the operations under test. The code paths exercised are the real ones: the PENDING
 * token, the queue lock, linking into and unlinking from the intrusive list, and the spin of
 * cancel in the window where an enqueue holds the token but has not linked the slot yet. Each
 * scenario gets a fresh item (a fresh slot); after the stress run, the slots it left pending run
 * when the worker is released and the queue is closed.
 *
 * <p>Why the model checker's queue is never closed. To end an interleaving early, Lincheck's model
 * checker throws into the threads it runs, wherever they are: an enqueue stopped between its
 * exchange and its link leaves a slot that no real execution leaves (with the former inbox too,
 * 10 of 216 slots ended in states no thread can produce). Later scenarios use fresh slots and are
 * unaffected, but draining that queue would wait for a link that never comes; so its worker stays
 * held, on a daemon thread.
 *
 * <p>cancelSync is not among the operations on purpose: an enqueue that overlaps it returns false
 * even though nothing is pending (the kernel's rule, and the runtime's), which no pending-flag
 * model can linearize. flush waits for a run, which the held worker never does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class WorkQueueLincheckTest {

  /** The queue of the check in progress, its only worker held; see the class comment. */
  private static WorkQueue queue;

  /**
   * The shared queue, referenced from each instance as well: Lincheck's model checker instruments
   * the classes of the objects reachable from the test instance, and it must see the queue's
   * ReentrantLock to schedule a thread that blocks on it. Reached only through the static field,
   * the lock stays uninstrumented and the model checker reports "The execution has hung" as soon
   * as it switches away from a thread holding the lock.
   */
  private final WorkQueue sharedQueue = queue;

  private final TestItem item = new TestItem();
  private final TestItem.A pointer = item.a();

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
    return TestItem.A.WORK.workOf(item).isPending();
  }

  /** The sequential specification: one pending flag. */
  public static final class PendingModel {
    private boolean pending;

    public boolean enqueue() {
      if (pending) {
        return false;
      }
      pending = true;
      return true;
    }

    public boolean cancel() {
      if (!pending) {
        return false;
      }
      pending = false;
      return true;
    }

    public boolean isPending() {
      return pending;
    }
  }

  @Test
  void modelChecking() {
    queue = HeldWorker.queue("lincheck-model", new TestItem(-1), new CountDownLatch(1)); // never closed
    new ModelCheckingOptions()
        .iterations(12)
        .invocationsPerIteration(200)
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(PendingModel.class)
        .check(WorkQueueLincheckTest.class);
  }

  @Test
  void stress() {
    TestItem blocker = new TestItem(-1);
    CountDownLatch release = new CountDownLatch(1);
    queue = HeldWorker.queue("lincheck-stress", blocker, release);
    new StressOptions()
        .iterations(10)
        .invocationsPerIteration(1_000)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(PendingModel.class)
        .check(WorkQueueLincheckTest.class);
    release.countDown();
    queue.close();
    assertEquals(1, blocker.c.runs.get());
  }
}

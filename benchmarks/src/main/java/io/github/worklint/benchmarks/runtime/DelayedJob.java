package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;

/** A worklint work item with one delayed slot; its run records when it started. */
final class DelayedJob {

  @Slot private final DelayedWork<Fire> timer = new DelayedWork<>();

  /** The preallocated pointer: arming it allocates nothing. */
  final Fire pointer = new Fire(this);

  /** {@code System.nanoTime()} at the start of the last run. */
  volatile long ranAt;

  /** Counted down by each run, when set. */
  volatile CountDownLatch ran;

  boolean isPending() {
    return timer.isPending();
  }

  record Fire(DelayedJob item) implements DelayedWorkItemPointer<DelayedJob, Fire> {
    static final HasDelayedWork<DelayedJob, Fire> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), DelayedJob.class, Fire.class, "timer");

    @Override
    public HasDelayedWork<DelayedJob, Fire> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.ranAt = System.nanoTime();
      CountDownLatch latch = item.ran;
      if (latch != null) {
        latch.countDown();
      }
    }
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;

/** A work item that holds its worker until released, so that whatever is queued stays pending. */
final class Gate {

  @Slot private final Work<Hold> work = new Work<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  final Hold pointer = new Hold(this);

  void awaitStarted() throws InterruptedException {
    started.await();
  }

  void release() {
    released.countDown();
  }

  record Hold(Gate item) implements WorkItemPointer<Gate, Hold> {
    static final HasWork<Gate, Hold> WORK =
        HasWork.of(MethodHandles.lookup(), Gate.class, Hold.class, "work");

    @Override
    public HasWork<Gate, Hold> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.started.countDown();
      boolean interrupted = false;
      while (true) {
        try {
          item.released.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

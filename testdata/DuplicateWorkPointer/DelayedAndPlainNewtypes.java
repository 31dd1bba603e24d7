import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** "Retry now" and "retry later" done right: a plain and a delayed slot, each its own newtype. */
public class DelayedAndPlainNewtypes {

  static final class Request {
    @Slot private final Work<RetryNow> retryNow = new Work<>();
    @Slot private final DelayedWork<RetryLater> retryLater = new DelayedWork<>();
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger later = new AtomicInteger();
    final AtomicLong laterRanAt = new AtomicLong();

    record RetryNow(Request item) implements WorkItemPointer<Request, RetryNow> {
      static final HasWork<Request, RetryNow> WORK =
          HasWork.of(MethodHandles.lookup(), Request.class, RetryNow.class, "retryNow");

      @Override
      public HasWork<Request, RetryNow> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.now.incrementAndGet();
      }
    }

    record RetryLater(Request item) implements DelayedWorkItemPointer<Request, RetryLater> {
      static final HasDelayedWork<Request, RetryLater> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Request.class, RetryLater.class, "retryLater");

      @Override
      public HasDelayedWork<Request, RetryLater> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.laterRanAt.set(System.nanoTime());
        item.later.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Request request = new Request();
    long armedAt = System.nanoTime();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      boolean later = queue.enqueueDelayed(new Request.RetryLater(request), Duration.ofMillis(30));
      boolean now = queue.enqueue(new Request.RetryNow(request));
      if (!later || !now) {
        throw new AssertionError("a slot was not pending on its own: " + later + " " + now);
      }
    } // close() waits for the armed RetryLater too
    long waited = request.laterRanAt.get() - armedAt;
    if (request.now.get() != 1 || request.later.get() != 1 || waited < 30_000_000L) {
      throw new AssertionError(
          "now=" + request.now + " later=" + request.later + " after " + waited + " ns");
    }
    return "ok: RetryNow ran at once and RetryLater once, " + waited / 1_000_000 + " ms after arming";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retry pointer holds only its item; the attempt number lives in the item, so a re-arm while
 * armed loses nothing (modDelayed moves the deadline, the count is already in the item).
 */
public class DelayedRecordNewtype {

  static final class Request {
    @Slot private final DelayedWork<Retry> retry = new DelayedWork<>();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger runs = new AtomicInteger();
  }

  record Retry(Request item) implements DelayedWorkItemPointer<Request, Retry> {
    static final HasDelayedWork<Request, Retry> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Request.class, Retry.class, "retry");

    @Override
    public HasDelayedWork<Request, Retry> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.runs.incrementAndGet();
    }
  }

  static String verdict() {
    Request request = new Request();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      request.attempts.incrementAndGet();
      queue.enqueueDelayed(new Retry(request), Duration.ofSeconds(10));
      request.attempts.incrementAndGet();
      // Re-armed to fire soon: the pending retry is kept, with the new deadline.
      boolean rearmed = queue.modDelayed(new Retry(request), Duration.ofMillis(20));
      if (!rearmed) {
        throw new AssertionError("the armed retry was not pending");
      }
    }
    if (request.runs.get() != 1 || request.attempts.get() != 2) {
      throw new AssertionError("runs=" + request.runs + " attempts=" + request.attempts);
    }
    return "ok: two attempts recorded in the item, one re-armed Retry ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

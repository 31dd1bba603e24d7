import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;

/**
 * A Work<Retry> for "retry now" and a DelayedWork<Retry> for "retry later": two slots of one
 * pointer type, so a Retry could not say which one it means, and HasDelayedWork.of rejects it.
 */
public class PlainAndDelayedSlotOfOnePointer {

  static final class Request {
    @Slot private final Work<Retry> retryNow = new Work<>();
    // BUG: Diagnostic contains: DuplicateWorkPointer
    @Slot private final DelayedWork<Retry> retryLater = new DelayedWork<>();

    record Retry(Request item) implements DelayedWorkItemPointer<Request, Retry> {
      static final HasDelayedWork<Request, Retry> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Request.class, Retry.class, "retryLater");

      @Override
      public HasDelayedWork<Request, Retry> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Request.Retry(new Request()), Duration.ofMillis(20));
      throw new AssertionError("HasDelayedWork.of accepted two slots of Retry");
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: HasDelayedWork.of rejected Request: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

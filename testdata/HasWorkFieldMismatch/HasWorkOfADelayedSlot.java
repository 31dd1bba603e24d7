import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;

/**
 * The slot became a DelayedWork, but its descriptor is still built with HasWork.of (and cast to
 * make hasWork() compile): HasWork.of describes plain Work slots only, so it throws.
 */
public class HasWorkOfADelayedSlot {

  static final class Session {
    @Slot private final DelayedWork<Expire> expiry = new DelayedWork<>();

    record Expire(Session item) implements DelayedWorkItemPointer<Session, Expire> {
      static final HasWork<Session, Expire> WORK =
          // BUG: Diagnostic contains: HasWorkFieldMismatch
          HasWork.of(MethodHandles.lookup(), Session.class, Expire.class, "expiry");

      @Override
      public HasDelayedWork<Session, Expire> hasWork() {
        return (HasDelayedWork<Session, Expire>) WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Session.Expire(new Session()), Duration.ofMillis(20));
      throw new AssertionError("HasWork.of accepted a DelayedWork slot");
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)
          || !e.getCause().getMessage().contains("HasDelayedWork.of")) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: HasWork.of rejected the delayed slot: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

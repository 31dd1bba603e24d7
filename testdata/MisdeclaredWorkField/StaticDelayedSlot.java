import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;

/**
 * A static delayed slot: every Session would share one timer, so arming one session's expiry
 * would hide every other's. HasDelayedWork.of rejects it.
 */
public class StaticDelayedSlot {

  static final class Session {
    // BUG: Diagnostic contains: MisdeclaredWorkField
    @Slot private static final DelayedWork<Expire> expiry = new DelayedWork<>();

    record Expire(Session item) implements DelayedWorkItemPointer<Session, Expire> {
      static final HasDelayedWork<Session, Expire> WORK =
          // BUG: Diagnostic contains: HasWorkFieldMismatch
          HasDelayedWork.of(MethodHandles.lookup(), Session.class, Expire.class, "expiry");

      @Override
      public HasDelayedWork<Session, Expire> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Session.Expire(new Session()), Duration.ofMillis(20));
      throw new AssertionError("HasDelayedWork.of accepted a static slot");
    } catch (ExceptionInInitializerError e) {
      return "failure: HasDelayedWork.of rejected the item: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

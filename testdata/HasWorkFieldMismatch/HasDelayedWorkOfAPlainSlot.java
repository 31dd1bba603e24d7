import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;

/**
 * The pointer became delayed, but the slot is still a plain Work: HasDelayedWork.of describes
 * DelayedWork slots only, so it throws and no Expire can ever be armed.
 */
public class HasDelayedWorkOfAPlainSlot {

  static final class Session {
    @Slot private final Work<Expire> expiry = new Work<>();

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
      throw new AssertionError("HasDelayedWork.of accepted a plain Work slot");
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: HasDelayedWork.of rejected the plain slot: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

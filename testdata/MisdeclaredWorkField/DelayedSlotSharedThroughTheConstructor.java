import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two sessions built with one DelayedWork: they share one timer, so while the first session's
 * expiry is armed the second one's is refused, and the second session never expires.
 */
public class DelayedSlotSharedThroughTheConstructor {

  static final class Session {
    @Slot private final DelayedWork<Expire> expiry;
    final AtomicInteger expiries = new AtomicInteger();

    Session(DelayedWork<Expire> timer) {
      // BUG: Diagnostic contains: MisdeclaredWorkField
      this.expiry = timer;
    }

    record Expire(Session item) implements DelayedWorkItemPointer<Session, Expire> {
      static final HasDelayedWork<Session, Expire> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Session.class, Expire.class, "expiry");

      @Override
      public HasDelayedWork<Session, Expire> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.expiries.incrementAndGet();
      }
    }
  }

  static String verdict() {
    DelayedWork<Session.Expire> shared = new DelayedWork<>();
    Session first = new Session(shared);
    Session second = new Session(shared);
    boolean secondArmed;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Session.Expire(first), Duration.ofSeconds(10));
      secondArmed = queue.enqueueDelayed(new Session.Expire(second), Duration.ofMillis(20));
      queue.flush(new Session.Expire(first)); // fires the armed expiry now and waits for it
    }
    if (secondArmed || first.expiries.get() != 1 || second.expiries.get() != 0) {
      throw new AssertionError("first=" + first.expiries + " second=" + second.expiries);
    }
    return "failure: the second session's expiry was refused (the shared timer was armed) and"
        + " never ran";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

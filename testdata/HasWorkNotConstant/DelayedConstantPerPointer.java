import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The delayed descriptor built once, in a static final field, and returned by hasWork(). */
public class DelayedConstantPerPointer {

  static final class Session {
    @Slot private final DelayedWork<Expire> expiry = new DelayedWork<>();
    final AtomicInteger expiries = new AtomicInteger();

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
    Session session = new Session();
    Session.Expire expire = new Session.Expire(session);
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      for (int i = 0; i < 3; i++) {
        queue.enqueueDelayed(expire, Duration.ofMillis(20));
        queue.flush(expire);
      }
    }
    if (session.expiries.get() != 3 || expire.hasWork() != expire.hasWork()) {
      throw new AssertionError("Expire ran " + session.expiries + " times");
    }
    return "ok: Expire armed and ran 3 times through one descriptor";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

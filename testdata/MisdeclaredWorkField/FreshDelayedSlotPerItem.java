import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Each session has its own timer: a final new DelayedWork<>() per item, so both expire. */
public class FreshDelayedSlotPerItem {

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
    Session first = new Session();
    Session second = new Session();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      boolean a = queue.enqueueDelayed(new Session.Expire(first), Duration.ofMillis(20));
      boolean b = queue.enqueueDelayed(new Session.Expire(second), Duration.ofMillis(20));
      if (!a || !b) {
        throw new AssertionError("a timer was refused: " + a + " " + b);
      }
    }
    if (first.expiries.get() != 1 || second.expiries.get() != 1) {
      throw new AssertionError("first=" + first.expiries + " second=" + second.expiries);
    }
    return "ok: both sessions' timers were armed and each expired once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delayed pointer's hasWork() builds its descriptor on every call: every arm, re-arm, cancel
 * and flush repeats the reflective look-up of the slot, and each gets a different object for it.
 */
public class DelayedDescriptorPerHasWorkCall {

  static final class Session {
    @Slot private final DelayedWork<Expire> expiry = new DelayedWork<>();
    final AtomicInteger expiries = new AtomicInteger();

    record Expire(Session item) implements DelayedWorkItemPointer<Session, Expire> {
      @Override
      public HasDelayedWork<Session, Expire> hasWork() {
        // BUG: Diagnostic contains: HasWorkNotConstant
        return HasDelayedWork.of(MethodHandles.lookup(), Session.class, Expire.class, "expiry");
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
    Set<HasWork<?, ?>> descriptors = Collections.newSetFromMap(new IdentityHashMap<>());
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      for (int i = 0; i < 3; i++) {
        queue.enqueueDelayed(expire, Duration.ofSeconds(10));
        queue.modDelayed(expire, Duration.ofMillis(1));
        queue.flush(expire);
        descriptors.add(expire.hasWork());
      }
    }
    if (session.expiries.get() != 3) {
      throw new AssertionError("Expire ran " + session.expiries + " times, not 3");
    }
    if (descriptors.size() != 3) {
      throw new AssertionError("expected a new descriptor per call, saw " + descriptors.size());
    }
    return "failure: the work ran, but 3 calls of hasWork() built 3 distinct descriptors of "
        + "Session.expiry, each a new reflective look-up (plus one per arm, re-arm and flush)";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

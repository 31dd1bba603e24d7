import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slot is a private field of the item's superclass: HasWork.of searches superclasses too, and
 * the pointer is in the same nest, so its lookup may read it.
 */
public class InheritedPrivateSlot {

  abstract static class Session {
    @Slot private final Work<SecureSession.Rekey> rekeyWork = new Work<>();
  }

  static final class SecureSession extends Session {
    final AtomicInteger rekeys = new AtomicInteger();

    record Rekey(SecureSession item) implements WorkItemPointer<SecureSession, Rekey> {
      static final HasWork<SecureSession, Rekey> WORK =
          HasWork.of(MethodHandles.lookup(), SecureSession.class, Rekey.class, "rekeyWork");

      @Override
      public HasWork<SecureSession, Rekey> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.rekeys.incrementAndGet();
      }
    }
  }

  static String verdict() {
    SecureSession session = new SecureSession();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      if (!queue.enqueue(new SecureSession.Rekey(session))) {
        throw new AssertionError("an idle slot was not queued");
      }
    }
    if (session.rekeys.get() != 1) {
      throw new AssertionError("Rekey ran " + session.rekeys + " times");
    }
    return "ok: Rekey ran once through the slot inherited from Session ("
        + SecureSession.Rekey.WORK + ")";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slot for Rekey is declared in the abstract Session while Rekey points to a SecureSession:
 * HasWork.of searches SecureSession and its superclasses, so it finds the slot and it runs.
 */
public class SlotInheritedFromASuperclass {

  abstract static class Session {
    @Slot private final Work<SecureSession.Rekey> rekeyWork = new Work<>();
    final AtomicInteger rekeys = new AtomicInteger();
  }

  static final class SecureSession extends Session {
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
    SecureSession first = new SecureSession();
    SecureSession second = new SecureSession();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(2).build()) {
      queue.enqueue(new SecureSession.Rekey(first));
      queue.enqueue(new SecureSession.Rekey(second));
    }
    if (first.rekeys.get() != 1 || second.rekeys.get() != 1) {
      throw new AssertionError("first=" + first.rekeys + " second=" + second.rekeys);
    }
    return "ok: each session's inherited rekeyWork slot ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rekey slot of SecureSession was copied into its sibling PlainSession. Rekey points to a
 * SecureSession, so a plain session's copy of the slot can never be queued: there is no Rekey for
 * a PlainSession, and a plain session is never rekeyed.
 */
public class SlotCopiedIntoSiblingSubclass {

  abstract static class Session {
    final AtomicInteger rekeys = new AtomicInteger();
  }

  static final class SecureSession extends Session {
    @Slot private final Work<Rekey> rekeyWork = new Work<>();
  }

  static final class PlainSession extends Session {
    // BUG: Diagnostic contains: WorkPointerTargetMismatch
    @Slot private final Work<Rekey> rekeyWork = new Work<>();
  }

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

  static String verdict() {
    SecureSession secure = new SecureSession();
    PlainSession plain = new PlainSession();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Rekey(secure));
      // No Rekey can be built for the plain session: its slot has no way in.
    }
    if (secure.rekeys.get() != 1 || plain.rekeys.get() != 0 || plain.rekeyWork.isPending()) {
      throw new AssertionError("secure=" + secure.rekeys + " plain=" + plain.rekeys);
    }
    return "failure: PlainSession.rekeyWork ran 0 times and can never be queued (Rekey's item is"
        + " a SecureSession); only SecureSession.rekeyWork ran";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

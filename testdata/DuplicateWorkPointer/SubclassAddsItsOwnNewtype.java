import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/** A subclass adds a slot with a pointer type of its own: both slots work independently. */
public class SubclassAddsItsOwnNewtype {

  static class Session {
    @Slot private final Work<Ping> ping = new Work<>();
    final AtomicInteger pings = new AtomicInteger();

    record Ping(Session item) implements WorkItemPointer<Session, Ping> {
      static final HasWork<Session, Ping> WORK =
          HasWork.of(MethodHandles.lookup(), Session.class, Ping.class, "ping");

      @Override
      public HasWork<Session, Ping> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.pings.incrementAndGet();
      }
    }
  }

  static final class SecureSession extends Session {
    @Slot private final Work<Rekey> rekey = new Work<>();
    final AtomicInteger rekeys = new AtomicInteger();

    record Rekey(SecureSession item) implements WorkItemPointer<SecureSession, Rekey> {
      static final HasWork<SecureSession, Rekey> WORK =
          HasWork.of(MethodHandles.lookup(), SecureSession.class, Rekey.class, "rekey");

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
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(2).build()) {
      queue.enqueue(new Session.Ping(session));
      queue.enqueue(new SecureSession.Rekey(session));
    }
    if (session.pings.get() != 1 || session.rekeys.get() != 1) {
      throw new AssertionError("pings=" + session.pings + " rekeys=" + session.rekeys);
    }
    return "ok: the inherited Ping slot and the subclass's Rekey slot each ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One generic pointer record serves two item types. Its slots are Work<Ptr<Connection>> and
 * Work<Ptr<Session>>, but a class literal can only say Ptr: HasWork.of cannot tell the slots of
 * Ptr apart and rejects them, so nothing can ever be queued through Ptr.
 */
public class GenericPointerReused {

  static final class Connection {
    @Slot private final Work<Ptr<Connection>> work = new Work<>();
    final AtomicInteger runs = new AtomicInteger();
  }

  static final class Session {
    @Slot private final Work<Ptr<Session>> work = new Work<>();
    final AtomicInteger runs = new AtomicInteger();
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  record Ptr<T>(T item) implements WorkItemPointer<T, Ptr<T>> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final HasWork CONNECTION_WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, (Class) Ptr.class, "work");

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final HasWork SESSION_WORK =
        HasWork.of(MethodHandles.lookup(), Session.class, (Class) Ptr.class, "work");

    @SuppressWarnings("unchecked")
    @Override
    public HasWork<T, Ptr<T>> hasWork() {
      return item instanceof Connection ? CONNECTION_WORK : SESSION_WORK;
    }

    @Override
    public void run() {
      if (item instanceof Connection connection) {
        connection.runs.incrementAndGet();
      } else if (item instanceof Session session) {
        session.runs.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      try {
        queue.enqueue(new Ptr<>(conn));
        throw new AssertionError("HasWork.of described a slot of a generic pointer");
      } catch (ExceptionInInitializerError e) {
        if (conn.runs.get() != 0) {
          throw new AssertionError("the connection's work ran");
        }
        return "failure: Ptr can never be queued, HasWork.of rejected its slot: "
            + e.getCause().getMessage();
      }
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

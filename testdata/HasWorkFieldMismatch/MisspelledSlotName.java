import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A typo in the slot name: the descriptor of Flush names a field Connection does not have, so
 * the first use of Flush fails and no flush can ever be queued, while Close works.
 */
public class MisspelledSlotName {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger closes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          // BUG: Diagnostic contains: HasWorkFieldMismatch
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWrok");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }

    record Close(Connection item) implements WorkItemPointer<Connection, Close> {
      static final HasWork<Connection, Close> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

      @Override
      public HasWork<Connection, Close> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.closes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Close(conn));
      try {
        queue.enqueue(new Connection.Flush(conn));
        throw new AssertionError("HasWork.of accepted the misspelled slot flushWrok");
      } catch (ExceptionInInitializerError e) {
        if (!(e.getCause() instanceof IllegalArgumentException)) {
          throw new AssertionError("unexpected failure", e);
        }
        queue.flush();
        if (conn.closes.get() != 1) {
          throw new AssertionError("Close, whose slot is fine, ran " + conn.closes + " times");
        }
        return "failure: no Flush can be queued: " + e.getCause().getMessage();
      }
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

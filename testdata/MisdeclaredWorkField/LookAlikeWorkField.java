import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user class that happens to be called Work, kept in static, non-final fields: it is not the
 * runtime's slot, so nothing is flagged. The real slot is declared correctly next to it.
 */
public class LookAlikeWorkField {

  /** A unit of accounting work; nothing to do with the runtime's Work. */
  static final class Work {
    final String what;

    Work(String what) {
      this.what = what;
    }
  }

  static final class Connection {
    static Work lastBilled = null;
    Work pending;
    @Slot private final io.github.worklint.workqueue.Work<Flush> flushWork =
        new io.github.worklint.workqueue.Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    void bill(String what) {
      pending = new Work(what);
      lastBilled = pending;
    }

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.flushes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    conn.bill("flush");
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
    }
    if (conn.flushes.get() != 1 || Connection.lastBilled != conn.pending) {
      throw new AssertionError("flushes=" + conn.flushes);
    }
    return "ok: the look-alike Work fields are plain data; the real slot flushed once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

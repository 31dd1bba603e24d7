import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The descriptor is kept in a static field that is not final, and a "reload" hook rebuilds it:
 * the slot now has two descriptor identities, and pointers see whichever was assigned last.
 */
public class MutableStaticDescriptor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static HasWork<Connection, Flush> work =
          // BUG: Diagnostic contains: HasWorkNotConstant
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      static void reload() {
        // BUG: Diagnostic contains: HasWorkNotConstant
        work = HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
      }

      @Override
      public HasWork<Connection, Flush> hasWork() {
        // BUG: Diagnostic contains: HasWorkNotConstant
        return work;
      }

      @Override
      public void run() {
        item.flushes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    Connection.Flush flush = new Connection.Flush(conn);
    HasWork<Connection, Connection.Flush> before = flush.hasWork();
    Connection.Flush.reload();
    HasWork<Connection, Connection.Flush> after = flush.hasWork();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(flush);
    }
    if (conn.flushes.get() != 1) {
      throw new AssertionError("Flush ran " + conn.flushes + " times");
    }
    if (before == after) {
      throw new AssertionError("reload() kept the descriptor");
    }
    return "failure: reload() rebuilt the descriptor, so one Flush saw two distinct descriptors "
        + "of Connection.flushWork over time (" + before + " twice, different identities)";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

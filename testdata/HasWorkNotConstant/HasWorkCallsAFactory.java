import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The item offers a factory for its slot's descriptor, and hasWork() calls it: the factory looks
 * the slot up again on every call, so one slot has as many descriptors as calls.
 */
public class HasWorkCallsAFactory {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    static HasWork<Connection, Flush> flushDescriptor() {
      // BUG: Diagnostic contains: HasWorkNotConstant
      return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
    }

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      @Override
      public HasWork<Connection, Flush> hasWork() {
        // BUG: Diagnostic contains: HasWorkNotConstant
        return Connection.flushDescriptor();
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
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(flush);
    }
    if (conn.flushes.get() != 1) {
      throw new AssertionError("Flush ran " + conn.flushes + " times");
    }
    HasWork<Connection, Connection.Flush> first = flush.hasWork();
    HasWork<Connection, Connection.Flush> second = flush.hasWork();
    if (first == second) {
      throw new AssertionError("the factory returned one descriptor twice");
    }
    return "failure: the work ran, but two hasWork() calls on one Flush returned two distinct "
        + "descriptors of Connection.flushWork (" + first + " and another), each looked up anew";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

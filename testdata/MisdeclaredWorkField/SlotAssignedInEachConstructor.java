import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A final slot without an initializer, assigned a fresh new Work<>() exactly once by each
 * constructor (one of them delegating with this(...)): every connection has its own slot.
 */
public class SlotAssignedInEachConstructor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork;
    final String host;
    final AtomicInteger flushes = new AtomicInteger();

    Connection(String host) {
      this.host = host;
      this.flushWork = new Work<>();
    }

    Connection(String host, int port) {
      this.host = host + ":" + port;
      if (port == 0) {
        flushWork = new Work<>();
      } else {
        flushWork = new Work<Flush>();
      }
    }

    Connection() {
      this("localhost");
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
    Connection[] conns = {new Connection("db"), new Connection("db", 5432), new Connection()};
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      for (Connection conn : conns) {
        if (!queue.enqueue(new Connection.Flush(conn))) {
          throw new AssertionError(conn.host + "'s Flush was not queued");
        }
      }
    }
    for (Connection conn : conns) {
      if (conn.flushes.get() != 1) {
        throw new AssertionError(conn.host + " flushed " + conn.flushes + " times");
      }
    }
    return "ok: each of the three connections, one per constructor, flushed once in its own slot";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

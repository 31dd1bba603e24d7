import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The static final descriptor is assigned once in a static initializer (here to log it): still a
 * constant, built once when Flush is first used.
 */
public class StaticBlockDescriptor {

  static final StringBuilder LOG = new StringBuilder();

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK;

      static {
        WORK = HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
        LOG.append("built ").append(WORK).append('\n');
      }

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
    Connection.Flush flush = new Connection.Flush(conn);
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      for (int i = 0; i < 3; i++) {
        queue.enqueue(flush);
        queue.flush(flush);
      }
    }
    long built = LOG.chars().filter(c -> c == '\n').count();
    if (conn.flushes.get() != 3 || built != 1 || flush.hasWork() != flush.hasWork()) {
      throw new AssertionError("flushes=" + conn.flushes + " descriptors built=" + built);
    }
    return "ok: Flush ran 3 times through one descriptor, built once in a static block";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

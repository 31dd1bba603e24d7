import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The descriptors live together in one holder class; each pointer's hasWork() returns the one
 * built for it, so each runs in its own slot.
 */
public class HasWorkReturnsASharedConstant {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
  }

  static final class Descriptors {
    static final HasWork<Connection, Flush> FLUSH =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
    static final HasWork<Connection, Close> CLOSE =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");
  }

  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    @Override
    public HasWork<Connection, Flush> hasWork() {
      return Descriptors.FLUSH;
    }

    @Override
    public void run() {
      item.flushes.incrementAndGet();
    }
  }

  record Close(Connection item) implements WorkItemPointer<Connection, Close> {
    @Override
    public HasWork<Connection, Close> hasWork() {
      return Descriptors.CLOSE;
    }

    @Override
    public void run() {
      item.closes.incrementAndGet();
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Flush(conn));
      queue.enqueue(new Close(conn));
    }
    if (conn.flushes.get() != 1 || conn.closes.get() != 1) {
      throw new AssertionError("flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "ok: Flush and Close each ran once through their own descriptors in Descriptors";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

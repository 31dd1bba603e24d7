import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Flush pointer is an open class, and a second kind of flush was added as a subclass with its
 * own run(). The subclass has no slot of its own: it is typed as Flush, so its hasWork() is
 * Flush's, and the queue refuses to run it in Flush's slot. Its work never runs.
 */
public class OpenPointerSubclassed {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger loudFlushes = new AtomicInteger();
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  static class Flush implements WorkItemPointer<Connection, Flush> {
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

    private final Connection item;

    Flush(Connection item) {
      this.item = item;
    }

    @Override
    public Connection item() {
      return item;
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

  /** A flush that also logs: meant to be a second kind of work on the connection. */
  // BUG: Diagnostic contains: WorkPointerNotNewtype
  static final class LoudFlush extends Flush {
    LoudFlush(Connection item) {
      super(item);
    }

    @Override
    public void run() {
      item().loudFlushes.incrementAndGet();
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    String rejection;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      if (!queue.enqueue(new Flush(conn))) {
        throw new AssertionError("the plain Flush was not queued");
      }
      Flush loud = new LoudFlush(conn);
      try {
        queue.enqueue(loud);
        throw new AssertionError("the queue accepted a LoudFlush in Flush's slot");
      } catch (IllegalArgumentException e) {
        rejection = e.getMessage();
      }
    }
    if (conn.flushes.get() != 1 || conn.loudFlushes.get() != 0) {
      throw new AssertionError("flushes=" + conn.flushes + " loudFlushes=" + conn.loudFlushes);
    }
    return "failure: enqueue(LoudFlush) threw IllegalArgumentException (" + rejection
        + "); LoudFlush.run() ran 0 times, Flush.run() once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flush's descriptor constant is raw and was copied from Close without changing its arguments, so
 * it describes Close's slot. The raw type hides that from the compiler; the queue refuses every
 * Flush.
 */
public class CopyPastedRawDescriptor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
  }

  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    @SuppressWarnings("rawtypes")
    static final HasWork WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

    @SuppressWarnings("unchecked")
    @Override
    public HasWork<Connection, Flush> hasWork() {
      // BUG: Diagnostic contains: WorkPointerTargetMismatch
      return WORK;
    }

    @Override
    public void run() {
      item.flushes.incrementAndGet();
    }
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

  static String verdict() {
    Connection conn = new Connection();
    String rejection;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      if (!queue.enqueue(new Close(conn))) {
        throw new AssertionError("Close, which is fine, was not queued");
      }
      try {
        queue.enqueue(new Flush(conn));
        throw new AssertionError("the queue ran a Flush in Close's slot");
      } catch (IllegalArgumentException e) {
        rejection = e.getMessage();
      }
    }
    if (conn.flushes.get() != 0 || conn.closes.get() != 1) {
      throw new AssertionError("flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "failure: Close ran once, but enqueue(Flush) threw IllegalArgumentException: "
        + rejection;
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

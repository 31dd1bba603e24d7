import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Flush was copied from Close and kept Close as its pointer type P. Its hasWork() can then only
 * return Close's descriptor, and the queue refuses to run a Flush in Close's slot. (Flush does not
 * even fit enqueue's signature: it can only be queued through raw code, as a generic dispatcher
 * would.)
 */
public class PointerNamesAnotherSlot {

  static final class Connection {
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  record Flush(Connection item) implements WorkItemPointer<Connection, Close> {
    @Override
    public HasWork<Connection, Close> hasWork() {
      return Close.WORK;
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

  /** A dispatcher that queues any pointer it is given. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static boolean dispatch(WorkQueue queue, WorkItemPointer pointer) {
    return queue.enqueue(pointer);
  }

  static String verdict() {
    Connection conn = new Connection();
    String rejection;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      try {
        dispatch(queue, new Flush(conn));
        throw new AssertionError("the queue accepted a Flush in Close's slot");
      } catch (IllegalArgumentException e) {
        rejection = e.getMessage();
      }
    }
    if (conn.flushes.get() != 0 || conn.closes.get() != 0) {
      throw new AssertionError("flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "failure: enqueue(Flush) threw IllegalArgumentException (" + rejection
        + "); the connection was never flushed";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

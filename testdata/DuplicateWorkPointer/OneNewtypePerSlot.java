import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/** The newtype pattern done right: two slots, two pointer types, each runs its own code. */
public class OneNewtypePerSlot {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();

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
      // Both slots can be pending at once: each pointer type has its own pending state.
      boolean flushQueued = queue.enqueue(new Connection.Flush(conn));
      boolean closeQueued = queue.enqueue(new Connection.Close(conn));
      if (!flushQueued || !closeQueued) {
        throw new AssertionError("a slot was not queued: " + flushQueued + " " + closeQueued);
      }
    }
    if (conn.flushes.get() != 1 || conn.closes.get() != 1) {
      throw new AssertionError("flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "ok: Flush and Close each ran once, in their own slots";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

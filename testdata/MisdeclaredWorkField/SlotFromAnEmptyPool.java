import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Slots recycled through a pool: when the pool is empty, poll() returns null and the slot is
 * null, so every enqueue of the connection throws.
 */
public class SlotFromAnEmptyPool {

  static final class Connection {
    @Slot private final Work<Flush> flushWork;

    Connection(Deque<Work<Flush>> pool) {
      // BUG: Diagnostic contains: MisdeclaredWorkField
      this.flushWork = pool.poll();
    }

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    Connection conn = new Connection(new ArrayDeque<>());
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
      throw new AssertionError("a connection with a null slot was queued");
    } catch (IllegalStateException e) {
      if (!e.getMessage().contains("is null")) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: enqueue threw IllegalStateException: " + e.getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

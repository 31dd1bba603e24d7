import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The pointer type lives outside its item's nest, but the slot is private: the pointer's own
 * MethodHandles.lookup() cannot reach it, so HasWork.of refuses the descriptor.
 */
public class PrivateSlotOutsideNest {

  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    static final HasWork<Connection, Flush> WORK =
        // BUG: Diagnostic contains: HasWorkFieldMismatch
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {}
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Flush(new Connection()));
      throw new AssertionError("a lookup from outside Connection's nest read its private slot");
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: HasWork.of could not reach the slot: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

/** The item, a top-level class of its own: its nest is itself. */
final class Connection {
  @Slot private final Work<PrivateSlotOutsideNest.Flush> flushWork = new Work<>();
}

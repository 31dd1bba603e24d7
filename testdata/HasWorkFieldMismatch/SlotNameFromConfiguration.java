import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The slot name comes from configuration, whose default still has the field's old name: nothing
 * could check it at compile time, and HasWork.of rejects it at the first use of Flush.
 */
public class SlotNameFromConfiguration {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();

    static String flushSlotName() {
      return System.getProperty("connection.flush-slot", "flush_work");
    }

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          // BUG: Diagnostic contains: HasWorkFieldMismatch
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, flushSlotName());

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(new Connection()));
      throw new AssertionError("HasWork.of accepted the configured slot name "
          + Connection.flushSlotName());
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: the configured name was wrong and no Flush can be queued: "
          + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

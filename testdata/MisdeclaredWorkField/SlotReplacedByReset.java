import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * A slot that reset() replaces: it cannot be final, and a Flush queued in the old slot would be
 * out of reach of cancel and flush. HasWork.of rejects the non-final field.
 */
public class SlotReplacedByReset {

  static final class Connection {
    // BUG: Diagnostic contains: MisdeclaredWorkField
    @Slot private Work<Flush> flushWork = new Work<>();

    void reset() {
      // BUG: Diagnostic contains: MisdeclaredWorkField
      flushWork = new Work<>();
    }

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
  }

  static String verdict() {
    Connection conn = new Connection();
    conn.reset();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
      throw new AssertionError("HasWork.of accepted a non-final slot");
    } catch (ExceptionInInitializerError e) {
      return "failure: HasWork.of rejected the item: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

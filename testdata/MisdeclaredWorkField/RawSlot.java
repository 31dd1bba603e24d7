import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/** A raw Work slot: no pointer type selects it, so HasWork.of rejects it even for Flush. */
public class RawSlot {

  static final class Connection {
    // BUG: Diagnostic contains: MisdeclaredWorkField
    @SuppressWarnings("rawtypes") @Slot private final Work flushWork = new Work();

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
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(new Connection()));
      throw new AssertionError("HasWork.of accepted a raw slot");
    } catch (ExceptionInInitializerError e) {
      return "failure: HasWork.of rejected the item: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

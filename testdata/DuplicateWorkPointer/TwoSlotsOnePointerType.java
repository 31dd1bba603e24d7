import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/** The close slot reuses Flush as its pointer type: close can never be queued on its own. */
public class TwoSlotsOnePointerType {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    // BUG: Diagnostic contains: DuplicateWorkPointer
    @Slot private final Work<Flush> closeWork = new Work<>();

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
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(new Connection()));
      throw new AssertionError("HasWork.of accepted an item with two Work<Flush> slots");
    } catch (ExceptionInInitializerError e) {
      return "failure: HasWork.of rejected the item: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

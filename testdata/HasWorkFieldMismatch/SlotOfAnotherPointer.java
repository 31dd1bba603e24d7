import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * Flush's descriptor was copied from Close's and still names closeWork, a Work<Close>: Flush
 * would run through Close's slot, so HasWork.of rejects it.
 */
public class SlotOfAnotherPointer {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          // BUG: Diagnostic contains: HasWorkFieldMismatch
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "closeWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }

    record Close(Connection item) implements WorkItemPointer<Connection, Close> {
      static final HasWork<Connection, Close> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

      @Override
      public HasWork<Connection, Close> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(new Connection()));
      throw new AssertionError("HasWork.of let Flush use closeWork, a Work<Close>");
    } catch (ExceptionInInitializerError e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw new AssertionError("unexpected failure", e);
      }
      return "failure: HasWork.of rejected Flush's descriptor: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

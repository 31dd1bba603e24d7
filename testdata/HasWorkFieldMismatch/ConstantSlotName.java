import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The slot name is a constant expression rather than a literal: the compiler folds it, so the
 * check can still verify it, and it names the right slot.
 */
public class ConstantSlotName {

  static final class Connection {
    static final String SLOT_SUFFIX = "Work";

    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flush" + SLOT_SUFFIX);

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.flushes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
    }
    if (conn.flushes.get() != 1 || !Connection.Flush.WORK.fieldName().equals("flushWork")) {
      throw new AssertionError("flushes=" + conn.flushes + " " + Connection.Flush.WORK);
    }
    return "ok: the constant name \"flush\" + SLOT_SUFFIX named flushWork and Flush ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

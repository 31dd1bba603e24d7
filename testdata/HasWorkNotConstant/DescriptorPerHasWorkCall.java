import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * hasWork() builds its descriptor on every call: every enqueue, cancel and flush repeats the
 * reflective look-up and validation of the slot, and each returns a different object for it.
 */
public class DescriptorPerHasWorkCall {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      @Override
      public HasWork<Connection, Flush> hasWork() {
        // BUG: Diagnostic contains: HasWorkNotConstant
        return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
      }

      @Override
      public void run() {
        item.flushes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    Connection.Flush flush = new Connection.Flush(conn);
    Set<HasWork<?, ?>> descriptors = Collections.newSetFromMap(new IdentityHashMap<>());
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      for (int i = 0; i < 3; i++) {
        queue.enqueue(flush);
        queue.flush(flush);
        descriptors.add(flush.hasWork());
      }
    }
    if (conn.flushes.get() != 3) {
      throw new AssertionError("Flush ran " + conn.flushes + " times, not 3");
    }
    if (descriptors.size() != 3) {
      throw new AssertionError("expected a new descriptor per call, saw " + descriptors.size());
    }
    return "failure: the work ran, but 3 calls of hasWork() built 3 distinct descriptors of "
        + "Connection.flushWork, each a new reflective look-up (plus one per enqueue and flush)";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

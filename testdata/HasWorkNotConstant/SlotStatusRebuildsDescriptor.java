import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A status method asks whether a flush is pending by building a descriptor of the slot on every
 * call, instead of using Flush's constant: a reflective look-up per status query.
 */
public class SlotStatusRebuildsDescriptor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();

    HasWork<Connection, Flush> flushSlot() {
      // BUG: Diagnostic contains: HasWorkNotConstant
      return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
    }

    boolean flushPending() {
      return flushSlot().workOf(this).isPending();
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
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
      queue.flush(new Connection.Flush(conn));
    }
    Set<HasWork<?, ?>> descriptors = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < 100; i++) {
      if (conn.flushPending()) {
        throw new AssertionError("a flushed slot is still pending");
      }
      descriptors.add(conn.flushSlot());
    }
    if (descriptors.size() != 100 || descriptors.contains(Connection.Flush.WORK)) {
      throw new AssertionError("expected 100 fresh descriptors, saw " + descriptors.size());
    }
    return "failure: flushSlot(), which every flushPending() query calls, built a new descriptor "
        + "of Connection.flushWork on each of 100 calls (100 distinct objects, none of them "
        + "Flush.WORK), each a new reflective look-up";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

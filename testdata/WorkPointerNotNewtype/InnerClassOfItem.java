import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pointer written as a final inner class of its item with no field at all: its only state is
 * the enclosing Connection, which is its item. That is a newtype too.
 */
public class InnerClassOfItem {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();

    final class Flush implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public Connection item() {
        return Connection.this;
      }

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        flushes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection first = new Connection();
    Connection second = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(first.new Flush());
      queue.enqueue(second.new Flush());
    }
    if (first.flushes.get() != 1 || second.flushes.get() != 1) {
      throw new AssertionError("first=" + first.flushes + " second=" + second.flushes);
    }
    return "ok: each connection's inner Flush ran once in that connection's slot";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

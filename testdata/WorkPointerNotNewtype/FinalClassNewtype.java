import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pointer written as a final class instead of a record: one final field, the item, and static
 * members only besides it. That is a newtype too.
 */
public class FinalClassNewtype {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
  }

  static final class Flush implements WorkItemPointer<Connection, Flush> {
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");
    static final AtomicInteger CREATED = new AtomicInteger();

    private final Connection item;

    Flush(Connection item) {
      this.item = item;
      CREATED.incrementAndGet();
    }

    @Override
    public Connection item() {
      return item;
    }

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.flushes.incrementAndGet();
    }
  }

  static String verdict() {
    Connection first = new Connection();
    Connection second = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Flush(first));
      queue.enqueue(new Flush(second));
    }
    if (first.flushes.get() != 1 || second.flushes.get() != 1 || Flush.CREATED.get() != 2) {
      throw new AssertionError("first=" + first.flushes + " second=" + second.flushes);
    }
    return "ok: each connection's Flush ran once in its own slot";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

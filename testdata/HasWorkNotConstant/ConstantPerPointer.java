import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/** The pattern of design.md section 1: one static final descriptor per pointer type. */
public class ConstantPerPointer {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.flushes.incrementAndGet();
      }
    }

    record Close(Connection item) implements WorkItemPointer<Connection, Close> {
      static final HasWork<Connection, Close> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

      @Override
      public HasWork<Connection, Close> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.closes.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Connection a = new Connection();
    Connection b = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(a));
      queue.enqueue(new Connection.Close(a));
      queue.enqueue(new Connection.Flush(b));
    }
    if (a.flushes.get() != 1 || a.closes.get() != 1 || b.flushes.get() != 1) {
      throw new AssertionError("runs: " + a.flushes + " " + a.closes + " " + b.flushes);
    }
    if (new Connection.Flush(a).hasWork() != new Connection.Flush(b).hasWork()) {
      throw new AssertionError("two Flush pointers returned different descriptors");
    }
    return "ok: Flush and Close ran in their slots; every Flush shares one descriptor";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

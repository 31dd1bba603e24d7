import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/** Slots created in an instance initializer block: one fresh slot per item, as required. */
public class SlotInInstanceInitializer {

  static final class Connection {
    @Slot private final Work<Flush> flushWork;
    @Slot private final Work<Close> closeWork;
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();

    {
      flushWork = new Work<>();
      closeWork = new Work<>();
    }

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
      boolean all = queue.enqueue(new Connection.Flush(a)) && queue.enqueue(new Connection.Flush(b))
          && queue.enqueue(new Connection.Close(a)) && queue.enqueue(new Connection.Close(b));
      if (!all) {
        throw new AssertionError("a slot was shared: an enqueue returned false");
      }
    }
    if (a.flushes.get() != 1 || b.flushes.get() != 1 || a.closes.get() != 1 || b.closes.get() != 1) {
      throw new AssertionError("a=" + a.flushes + "/" + a.closes + " b=" + b.flushes + "/" + b.closes);
    }
    return "ok: two connections, four slots from the initializer, each Flush and Close ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

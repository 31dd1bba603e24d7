import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The descriptors live as static final constants of a separate holder class, and each hasWork()
 * returns the holder's constant: still built once.
 */
public class SharedDescriptorsClass {

  static final class Descriptors {
    static final HasWork<Connection, Connection.Flush> FLUSH =
        HasWork.of(MethodHandles.lookup(), Connection.class, Connection.Flush.class, "flushWork");
    static final HasWork<Connection, Connection.Close> CLOSE =
        HasWork.of(MethodHandles.lookup(), Connection.class, Connection.Close.class, "closeWork");
  }

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger runs = new AtomicInteger();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      @Override
      public HasWork<Connection, Flush> hasWork() {
        return Descriptors.FLUSH;
      }

      @Override
      public void run() {
        item.runs.incrementAndGet();
      }
    }

    record Close(Connection item) implements WorkItemPointer<Connection, Close> {
      @Override
      public HasWork<Connection, Close> hasWork() {
        return Descriptors.CLOSE;
      }

      @Override
      public void run() {
        item.runs.addAndGet(10);
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Connection.Flush(conn));
      queue.enqueue(new Connection.Close(conn));
    }
    if (conn.runs.get() != 11) {
      throw new AssertionError("runs=" + conn.runs + ", want Flush (1) + Close (10)");
    }
    if (new Connection.Flush(conn).hasWork() != Descriptors.FLUSH) {
      throw new AssertionError("Flush did not return the shared constant");
    }
    return "ok: Flush and Close each ran once through the holder's constants";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

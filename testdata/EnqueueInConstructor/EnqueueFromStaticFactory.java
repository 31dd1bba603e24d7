import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/** The fix: a static factory queues the first Flush once new Connection(...) has returned. */
public class EnqueueFromStaticFactory {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private volatile String seenHost = "<not run>";
    private final String host;

    private Connection(String host) {
      this.host = host;
    }

    static Connection open(WorkQueue queue, String host) {
      Connection conn = new Connection(host);
      queue.enqueue(new Flush(conn));
      return conn;
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
        item.seenHost = String.valueOf(item.host);
      }
    }
  }

  static String verdict() {
    Connection conn;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      conn = Connection.open(queue, "db");
    }
    if (!conn.seenHost.equals("db")) {
      throw new AssertionError("the run saw host=" + conn.seenHost);
    }
    return "ok: the first Flush ran after construction and saw host = db";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/** Queueing this from an ordinary method, which the caller invokes after construction. */
public class EnqueueInStartMethod {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private volatile String seenHost = "<not run>";
    private final String host;
    private final int port;

    Connection(String host, int port) {
      this.host = host;
      this.port = port;
    }

    boolean start(WorkQueue queue) {
      return queue.enqueue(new Flush(this));
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
        item.seenHost = item.host + ":" + item.port;
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection("db", 5432);
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      if (!conn.start(queue)) {
        throw new AssertionError("start() did not queue the Flush");
      }
    }
    if (!conn.seenHost.equals("db:5432")) {
      throw new AssertionError("the run saw " + conn.seenHost);
    }
    return "ok: the Flush queued by start() saw db:5432";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

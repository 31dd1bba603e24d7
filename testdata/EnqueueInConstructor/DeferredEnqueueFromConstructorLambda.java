import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The constructor only builds a callback that enqueues this; the callback runs later, once the
 * connection is complete. Nothing is queued during construction.
 */
public class DeferredEnqueueFromConstructorLambda {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private volatile String seenHost = "<not run>";
    final Runnable onReady;
    private final String host;

    Connection(WorkQueue queue, String host) {
      this.onReady = () -> queue.enqueue(new Flush(this));
      this.host = host;
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
      conn = new Connection(queue, "db");
      if (!conn.seenHost.equals("<not run>")) {
        throw new AssertionError("a Flush ran during construction");
      }
      conn.onReady.run();
    }
    if (!conn.seenHost.equals("db")) {
      throw new AssertionError("the run saw host=" + conn.seenHost);
    }
    return "ok: the callback built in the constructor queued the Flush later; it saw host = db";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * A Session's constructor queues a Flush of the Connection it was given: that connection was
 * fully constructed before the session, so the run sees all of it. The session itself is not
 * published.
 */
public class EnqueueOtherObjectFromConstructor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private volatile String seenHost = "<not run>";
    private final String host;

    Connection(String host) {
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

  static final class Session {
    private final Connection conn;
    private final String user;

    Session(WorkQueue queue, Connection conn, String user) {
      this.conn = conn;
      queue.enqueue(new Connection.Flush(conn));
      this.user = user;
    }
  }

  static String verdict() {
    Session session;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      session = new Session(queue, new Connection("db"), "me");
    }
    if (!session.conn.seenHost.equals("db") || !session.user.equals("me")) {
      throw new AssertionError("the run saw host=" + session.conn.seenHost);
    }
    return "ok: the Flush of the already built connection ran and saw host = db";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

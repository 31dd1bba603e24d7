import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A field initializer queues the first Flush; the constructor body, which assigns the host,
 * runs after every initializer. The constructor waits for the run first, to make the
 * interleaving deterministic: the run saw host null.
 */
public class EnqueueInFieldInitializer {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private final CountDownLatch ran = new CountDownLatch(1);
    private String seenHost = "<not run>";
    // BUG: Diagnostic contains: EnqueueInConstructor
    private final boolean firstFlushQueued = WorkQueue.system().enqueue(new Flush(this));
    private final String host;

    Connection(String host) {
      await(ran);
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
        item.ran.countDown();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection("db");
    if (!conn.firstFlushQueued || !conn.seenHost.equals("null")) {
      throw new AssertionError("queued=" + conn.firstFlushQueued + " the run saw host=" + conn.seenHost);
    }
    return "failure: run saw host = null before the constructor assigned it (it is now "
        + conn.host + ")";
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("the run did not happen within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The constructor queues a first Flush before it has assigned the host. The run happens on a
 * worker while the constructor is still going, and reads the final field before it is set. The
 * constructor waits for the run to make the interleaving deterministic; in real code it is a race.
 */
public class EnqueueThisInConstructor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private final CountDownLatch ran = new CountDownLatch(1);
    private String seenHost = "<not run>";
    private final String host;

    Connection(WorkQueue queue, String host) {
      // BUG: Diagnostic contains: EnqueueInConstructor
      queue.enqueue(new Flush(this));
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
    Connection conn;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      conn = new Connection(queue, "db");
    }
    if (!conn.seenHost.equals("null") || !conn.host.equals("db")) {
      throw new AssertionError("the run saw host=" + conn.seenHost);
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

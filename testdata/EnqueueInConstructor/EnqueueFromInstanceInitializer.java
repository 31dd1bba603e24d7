import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An instance initializer builds a pointer to this in a local variable and queues it on the
 * system queue; the port field is declared (and so initialised) after the block. The run sees
 * port 0. The block waits for the run to make the interleaving deterministic.
 */
public class EnqueueFromInstanceInitializer {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    private final CountDownLatch ran = new CountDownLatch(1);
    private int seenPort = -1;

    {
      Flush first = new Flush(this);
      // BUG: Diagnostic contains: EnqueueInConstructor
      WorkQueue.system().enqueue(first);
      await(ran);
    }

    // Not a compile-time constant (a constant would be inlined into every read).
    private final int port = Integer.getInteger("case.port", 5432);

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.seenPort = item.port;
        item.ran.countDown();
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    if (conn.seenPort != 0 || conn.port != 5432) {
      throw new AssertionError("the run saw port=" + conn.seenPort);
    }
    return "failure: run saw port = 0 before the initializer assigned it (it is now " + conn.port
        + ")";
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

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** drain() of the connection's queue under a lock that the run takes two calls deep. */
public class DrainHoldingMonitorTakenTwoCallsDeep {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    private final Object lock = new Object();
    private final WorkQueue queue = WorkQueue.builder("case").build();

    void send() {
      queue.enqueue(new Flush(this));
    }

    void write() {
      record();
    }

    private void record() {
      synchronized (lock) {
        written.countDown();
      }
    }

    void shutdown() {
      synchronized (lock) {
        send();
        // BUG: Diagnostic contains: FlushWhileHoldingLock
        queue.drain();
      }
    }

    void close() {
      queue.close();
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
        item.write();
      }
    }
  }

  static String verdict() throws Exception {
    Connection conn = new Connection();
    try {
      conn.shutdown();
      throw new AssertionError("drain() returned while the run was blocked on the lock");
    } catch (IllegalStateException e) {
      if (!conn.written.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the run did not complete after the lock was released", e);
      }
      return "failure: drain() under the lock would hang; the runtime threw: " + e.getMessage();
    } finally {
      conn.close();
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

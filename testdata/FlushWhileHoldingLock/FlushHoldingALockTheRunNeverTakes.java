import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holding a lock while waiting is fine when the run never takes it. */
public class FlushHoldingALockTheRunNeverTakes {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private final Object ioLock = new Object();

    void write() {
      synchronized (ioLock) {
        written.countDown();
      }
    }

    void sync(WorkQueue queue) {
      synchronized (stateLock) {
        queue.enqueue(new Flush(this));
        queue.flush(new Flush(this));
      }
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
    try (WorkQueue queue = WorkQueue.builder("case").build()) {
      Connection conn = new Connection();
      conn.sync(queue);
      if (conn.written.getCount() != 0) {
        throw new AssertionError("flush(p) returned before the run");
      }
      return "ok: the run took its own lock and the wait under another lock returned";
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

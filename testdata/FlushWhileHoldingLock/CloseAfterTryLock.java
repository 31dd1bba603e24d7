import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
/** close() of a queue, after a successful tryLock of the lock the queued run takes. */
public class CloseAfterTryLock {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    static final ReentrantLock SHARED = new ReentrantLock();

    static void closeAll(WorkQueue queue, Connection conn) {
      if (SHARED.tryLock()) {
        try {
          queue.enqueue(new Flush(conn));
          // BUG: Diagnostic contains: FlushWhileHoldingLock
          queue.close();
        } finally {
          SHARED.unlock();
        }
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
        SHARED.lock();
        try {
          item.written.countDown();
        } finally {
          SHARED.unlock();
        }
      }
    }
  }

  static String verdict() throws Exception {
    WorkQueue queue = WorkQueue.builder("case").build();
    Connection conn = new Connection();
    try {
      Connection.closeAll(queue, conn);
      throw new AssertionError("close() returned while the run was blocked on the lock");
    } catch (IllegalStateException e) {
      if (!conn.written.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the run did not complete after the lock was released", e);
      }
      return "failure: close() under the lock would hang; the runtime threw: " + e.getMessage();
    } finally {
      queue.close();
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

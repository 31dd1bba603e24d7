import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
/** cancelSync while holding the connection's lock, which its run takes too. */
public class CancelSyncHoldingReentrantLock {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    final ReentrantLock mutex = new ReentrantLock();
    final CountDownLatch running = new CountDownLatch(1);

    void stop(WorkQueue queue) {
      mutex.lock();
      try {
        queue.enqueue(new Flush(this));
        awaitRunning();
        // BUG: Diagnostic contains: FlushWhileHoldingLock
        queue.cancelSync(new Flush(this));
      } finally {
        mutex.unlock();
      }
    }

    void awaitRunning() {
      try {
        if (!running.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the run did not start");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
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
        item.running.countDown();
        item.mutex.lock();
        try {
          item.written.countDown();
        } finally {
          item.mutex.unlock();
        }
      }
    }
  }

  static String verdict() throws Exception {
    try (WorkQueue queue = WorkQueue.builder("case").build()) {
      Connection conn = new Connection();
      try {
        conn.stop(queue);
        throw new AssertionError("cancelSync returned while the run was blocked on the lock");
      } catch (IllegalStateException e) {
        if (!conn.written.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the run did not complete after the lock was released", e);
        }
        return "failure: cancelSync under the lock would hang; the runtime threw: "
            + e.getMessage();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
/** The lock the run takes is released before the wait: the run gets it and the wait returns. */
public class FlushAfterUnlock {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    final ReentrantLock mutex = new ReentrantLock();
    int pending;

    boolean queueAndWait(WorkQueue queue) {
      mutex.lock();
      try {
        pending++;
        queue.enqueue(new Flush(this));
      } finally {
        mutex.unlock();
      }
      return queue.flush(new Flush(this));
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
        item.mutex.lock();
        try {
          item.pending--;
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
      conn.queueAndWait(queue);
      if (conn.written.getCount() != 0) {
        throw new AssertionError("flush(p) returned before the run");
      }
      return "ok: the wait after unlock() returned once the run had taken the lock";
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
/** A wait in a thread started under the lock runs after the lock is released. */
public class FlushFromThreadStartedUnderLock {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    final ReentrantLock mutex = new ReentrantLock();

    Thread syncLater(WorkQueue queue) {
      mutex.lock();
      try {
        queue.enqueue(new Flush(this));
        Thread waiter = new Thread(() -> queue.flush(new Flush(this)));
        waiter.start();
        return waiter;
      } finally {
        mutex.unlock();
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
      Thread waiter = conn.syncLater(queue);
      waiter.join(TimeUnit.SECONDS.toMillis(10));
      if (waiter.isAlive() || conn.written.getCount() != 0) {
        throw new AssertionError("the waiting thread did not see the run finish");
      }
      return "ok: the thread started under the lock waited after it was released";
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

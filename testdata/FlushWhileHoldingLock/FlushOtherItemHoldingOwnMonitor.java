import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holding this connection's monitor while waiting for another connection's run, which takes that one's monitor. */
public class FlushOtherItemHoldingOwnMonitor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    synchronized void write() {
      written.countDown();
    }

    synchronized void forward(WorkQueue queue, Connection next) {
      queue.enqueue(new Flush(next));
      queue.flush(new Flush(next));
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
      Connection first = new Connection();
      Connection second = new Connection();
      first.forward(queue, second);
      if (second.written.getCount() != 0 || first.written.getCount() != 1) {
        throw new AssertionError("the wrong connection was written");
      }
      return "ok: the other connection's run took its own monitor and the wait returned";
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

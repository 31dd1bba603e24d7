import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Flushing from a synchronized method while the run calls a synchronized method of the item: both take the item's monitor. */
public class FlushInSynchronizedMethod {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch written = new CountDownLatch(1);
    final WorkQueue queue;

    Connection(WorkQueue queue) {
      this.queue = queue;
    }

    synchronized void write() {
      written.countDown();
    }

    /** Queues a write and waits for it, holding this connection's monitor. */
    synchronized void writeAndWait() {
      queue.enqueue(new Flush(this));
      // BUG: Diagnostic contains: FlushWhileHoldingLock
      queue.flush(new Flush(this));
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
      Connection conn = new Connection(queue);
      try {
        conn.writeAndWait();
        throw new AssertionError("flush(p) returned while the run was blocked on its monitor");
      } catch (IllegalStateException e) {
        if (!conn.written.await(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the run did not complete after the monitor was released", e);
        }
        return "failure: the flush under the monitor would hang; the runtime threw: "
            + e.getMessage();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

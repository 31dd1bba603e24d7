import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The slot is declared in the pointer's item type, and hasWork() returns the pointer's own. */
public class SlotInTheItem {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
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
      item.flushes.incrementAndGet();
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    CountDownLatch release = new CountDownLatch(1);
    boolean pending;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.spawn(() -> awaitQuietly(release));
      queue.enqueue(new Flush(conn));
      pending = conn.flushWork.isPending();
      release.countDown();
    }
    if (!pending || conn.flushes.get() != 1) {
      throw new AssertionError("pending=" + pending + " flushes=" + conn.flushes);
    }
    return "ok: the Flush was pending in Connection.flushWork and ran once";
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

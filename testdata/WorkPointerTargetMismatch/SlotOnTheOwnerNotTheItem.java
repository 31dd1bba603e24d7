import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool added a Work<Flush> slot of its own, meaning to flush all its connections at once. But
 * Flush points to a Connection: HasWork.of looks for Flush's slot in Connection only, so every
 * Flush runs in the connection's slot and the pool's slot is never queued.
 */
public class SlotOnTheOwnerNotTheItem {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
  }

  static final class Pool {
    final Connection conn = new Connection();

    // BUG: Diagnostic contains: WorkPointerTargetMismatch
    @Slot private final Work<Flush> flushAll = new Work<>();
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
    Pool pool = new Pool();
    CountDownLatch release = new CountDownLatch(1);
    boolean connectionSlotPending;
    boolean poolSlotPending;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.spawn(() -> awaitQuietly(release));
      queue.enqueue(new Flush(pool.conn));
      connectionSlotPending = pool.conn.flushWork.isPending();
      poolSlotPending = pool.flushAll.isPending();
      release.countDown();
    }
    if (!connectionSlotPending || poolSlotPending || pool.conn.flushes.get() != 1) {
      throw new AssertionError("connection slot pending=" + connectionSlotPending
          + " pool slot pending=" + poolSlotPending + " flushes=" + pool.conn.flushes);
    }
    return "failure: the Flush was queued in Connection.flushWork; Pool.flushAll was never"
        + " pending and can never be queued (Flush's descriptor can only name a Connection field)";
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

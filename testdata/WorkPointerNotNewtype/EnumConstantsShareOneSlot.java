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
 * The operations on the shared connection are the constants of one enum pointer type. They are
 * one pointer type, so they have one slot: a CLOSE queued while a FLUSH is pending is dropped.
 */
public class EnumConstantsShareOneSlot {

  static final class Connection {
    static final Connection SHARED = new Connection();

    @Slot private final Work<Op> opWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  enum Op implements WorkItemPointer<Connection, Op> {
    FLUSH,
    CLOSE;

    static final HasWork<Connection, Op> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Op.class, "opWork");

    @Override
    public Connection item() {
      return Connection.SHARED;
    }

    @Override
    public HasWork<Connection, Op> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      (this == FLUSH ? item().flushes : item().closes).incrementAndGet();
    }
  }

  static String verdict() {
    Connection conn = Connection.SHARED;
    CountDownLatch release = new CountDownLatch(1);
    boolean flushQueued;
    boolean closeQueued;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.spawn(() -> awaitQuietly(release));
      flushQueued = queue.enqueue(Op.FLUSH);
      closeQueued = queue.enqueue(Op.CLOSE);
      release.countDown();
    }
    if (!flushQueued || closeQueued || conn.flushes.get() != 1 || conn.closes.get() != 0) {
      throw new AssertionError("flushQueued=" + flushQueued + " closeQueued=" + closeQueued
          + " flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "failure: CLOSE found FLUSH's slot pending (enqueue returned false): the connection"
        + " was flushed once and closed 0 times";
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

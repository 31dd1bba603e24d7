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
 * Two record newtypes, one per slot, each holding only the connection: they can be pending at the
 * same time, and a repeated Flush is merged into the pending one, losing nothing.
 */
public class RecordNewtypes {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final AtomicInteger flushes = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
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

  record Close(Connection item) implements WorkItemPointer<Connection, Close> {
    static final HasWork<Connection, Close> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

    @Override
    public HasWork<Connection, Close> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.closes.incrementAndGet();
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    CountDownLatch release = new CountDownLatch(1);
    boolean flush;
    boolean flushAgain;
    boolean close;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.spawn(() -> awaitQuietly(release));
      flush = queue.enqueue(new Flush(conn));
      flushAgain = queue.enqueue(new Flush(conn));
      close = queue.enqueue(new Close(conn));
      release.countDown();
    }
    if (!flush || flushAgain || !close || conn.flushes.get() != 1 || conn.closes.get() != 1) {
      throw new AssertionError("flush=" + flush + " flushAgain=" + flushAgain + " close=" + close
          + " flushes=" + conn.flushes + " closes=" + conn.closes);
    }
    return "ok: Flush and Close were pending together and each ran once; the repeated Flush"
        + " carried nothing that could be lost";
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

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
 * A copy constructor copies the slot along with the settings: the copy shares the original's
 * slot, so while the original's Flush is pending the copy's Flush is dropped.
 */
public class SlotCopiedFromAnotherItem {

  static final class Connection {
    @Slot private final Work<Flush> flushWork;
    final String host;
    final AtomicInteger flushes = new AtomicInteger();

    Connection(String host) {
      this.host = host;
      this.flushWork = new Work<>();
    }

    /** A connection to the same host, with the same settings. */
    Connection(Connection other) {
      this.host = other.host;
      // BUG: Diagnostic contains: MisdeclaredWorkField
      this.flushWork = other.flushWork;
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
  }

  static String verdict() {
    Connection original = new Connection("db");
    Connection copy = new Connection(original);
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean queuedOriginal;
    boolean queuedCopy;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      // Keep the only worker busy, so that the original's Flush stays pending.
      queue.spawn(() -> {
        busy.countDown();
        await(release);
      });
      await(busy);
      queuedOriginal = queue.enqueue(new Connection.Flush(original));
      queuedCopy = queue.enqueue(new Connection.Flush(copy));
      release.countDown();
    }
    if (!queuedOriginal || queuedCopy || original.flushes.get() != 1 || copy.flushes.get() != 0) {
      throw new AssertionError("expected the copy's Flush to be lost: " + queuedOriginal + " "
          + queuedCopy + " " + original.flushes + " " + copy.flushes);
    }
    return "failure: the copy shares the original's slot: its enqueue returned false while the"
        + " original's Flush was pending, so the original flushed " + original.flushes
        + " time and the copy " + copy.flushes + " times";
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

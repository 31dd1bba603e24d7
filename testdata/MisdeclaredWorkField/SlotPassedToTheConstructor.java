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
 * The slot comes in through the constructor, so two connections end up sharing one: while a's
 * Flush is pending, b's enqueue finds the shared slot pending and returns false, and b is never
 * flushed.
 */
public class SlotPassedToTheConstructor {

  static final class Connection {
    @Slot private final Work<Flush> flushWork;
    final AtomicInteger flushes = new AtomicInteger();

    Connection(Work<Flush> work) {
      // BUG: Diagnostic contains: MisdeclaredWorkField
      this.flushWork = work;
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
    Work<Connection.Flush> work = new Work<>();
    Connection a = new Connection(work);
    Connection b = new Connection(work);
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean queuedA;
    boolean queuedB;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      // Keep the only worker busy, so that a's Flush stays pending while b enqueues.
      queue.spawn(() -> {
        busy.countDown();
        await(release);
      });
      await(busy);
      queuedA = queue.enqueue(new Connection.Flush(a));
      queuedB = queue.enqueue(new Connection.Flush(b));
      release.countDown();
    }
    if (!queuedA || queuedB || a.flushes.get() != 1 || b.flushes.get() != 0) {
      throw new AssertionError("expected b's Flush to be lost: queuedA=" + queuedA + " queuedB="
          + queuedB + " a=" + a.flushes + " b=" + b.flushes);
    }
    return "failure: a and b share one slot: b's enqueue returned false while a's Flush was"
        + " pending, so a flushed " + a.flushes + " time and b " + b.flushes + " times";
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

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Work values that are not fields: a getter's return value, a parameter and a local variable
 * holding the slot for a moment. None of them declares a slot, so none is checked.
 */
public class WorkLocalsAndParametersAreNotSlots {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch running = new CountDownLatch(1);

    Work<Flush> flushWork() {
      return flushWork;
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
        item.running.countDown();
        await(item.release);
      }
    }
  }

  static boolean idle(Work<?> work) {
    return !work.isPending();
  }

  static String verdict() {
    Connection first = new Connection();
    Connection second = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      Work<Connection.Flush> slot = second.flushWork();
      if (!idle(slot)) {
        throw new AssertionError("a new slot is pending");
      }
      queue.enqueue(new Connection.Flush(first));
      await(first.running); // the only worker is now busy with first
      queue.enqueue(new Connection.Flush(second));
      boolean pendingWhileBusy = !idle(slot);
      first.release.countDown();
      second.release.countDown();
      queue.flush();
      if (!pendingWhileBusy || !idle(slot)) {
        throw new AssertionError("pending while busy: " + pendingWhileBusy + ", idle after: " + idle(slot));
      }
    }
    return "ok: the slot read through a getter, a parameter and a local was pending while queued"
        + " and idle after its run";
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

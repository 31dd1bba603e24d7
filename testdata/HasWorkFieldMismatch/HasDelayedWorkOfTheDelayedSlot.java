import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Each factory names its own kind of slot: HasDelayedWork.of the DelayedWork, HasWork.of the Work. */
public class HasDelayedWorkOfTheDelayedSlot {

  static final class Session {
    @Slot private final DelayedWork<Expire> expiry = new DelayedWork<>();
    @Slot private final Work<Touch> touch = new Work<>();
    final CountDownLatch expired = new CountDownLatch(1);
    final CountDownLatch touched = new CountDownLatch(1);

    record Expire(Session item) implements DelayedWorkItemPointer<Session, Expire> {
      static final HasDelayedWork<Session, Expire> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Session.class, Expire.class, "expiry");

      @Override
      public HasDelayedWork<Session, Expire> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.expired.countDown();
      }
    }

    record Touch(Session item) implements WorkItemPointer<Session, Touch> {
      static final HasWork<Session, Touch> WORK =
          HasWork.of(MethodHandles.lookup(), Session.class, Touch.class, "touch");

      @Override
      public HasWork<Session, Touch> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.touched.countDown();
      }
    }
  }

  static String verdict() throws InterruptedException {
    Session session = new Session();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      long armedAt = System.nanoTime();
      queue.enqueueDelayed(new Session.Expire(session), Duration.ofMillis(20));
      queue.enqueue(new Session.Touch(session));
      if (!session.expired.await(5, TimeUnit.SECONDS) || !session.touched.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("a run did not happen");
      }
      long waited = (System.nanoTime() - armedAt) / 1_000_000;
      if (waited < 20) {
        throw new AssertionError("Expire ran early, after " + waited + " ms");
      }
      return "ok: both descriptors built; Expire ran after " + waited + " ms, Touch at once";
    }
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println(verdict());
  }
}

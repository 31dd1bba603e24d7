import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An instance initializer re-arms the timeout with modDelayed (no delay: "check right away"),
 * before the constructor body has assigned the limit. The timeout runs on a worker and sees the
 * limit still 0; the initializer waits for it to make the interleaving deterministic.
 */
public class ReArmInInstanceInitializer {

  static WorkQueue queue;

  static final class Session {
    @Slot private final DelayedWork<Timeout> timeout = new DelayedWork<>();
    private final CountDownLatch ran = new CountDownLatch(1);
    private int seenLimit = -1;
    private final int limit;

    {
      // BUG: Diagnostic contains: EnqueueInConstructor
      queue.modDelayed(new Timeout(this), Duration.ZERO);
      ArmTimeout.await(ran);
    }

    Session(int limit) {
      this.limit = limit;
    }

    record Timeout(Session item) implements DelayedWorkItemPointer<Session, Timeout> {
      static final HasDelayedWork<Session, Timeout> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Session.class, Timeout.class, "timeout");

      @Override
      public HasDelayedWork<Session, Timeout> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.seenLimit = item.limit;
        item.ran.countDown();
      }
    }
  }

  static final class ArmTimeout {
    static void await(CountDownLatch latch) {
      try {
        if (!latch.await(5, TimeUnit.SECONDS)) {
          throw new AssertionError("the timeout did not fire within 5 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static String verdict() {
    Session session;
    try (WorkQueue q = WorkQueue.builder("case").maxActive(1).build()) {
      queue = q;
      session = new Session(30);
    }
    if (session.seenLimit != 0 || session.limit != 30) {
      throw new AssertionError("the timeout saw limit=" + session.seenLimit);
    }
    return "failure: the re-armed timeout ran during construction and saw limit = 0 (it is now "
        + session.limit + ")";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

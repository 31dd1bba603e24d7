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
 * The constructor arms the session's timeout before it has assigned the user. A delay is no
 * guarantee that construction is over when the timer fires: here the constructor is slower than
 * the 1 ms delay (it waits for the run, to make the interleaving deterministic), and the timeout
 * reads the final field before it is set.
 */
public class ArmTimeoutInConstructor {

  static final class Session {
    @Slot private final DelayedWork<Timeout> timeout = new DelayedWork<>();
    private final CountDownLatch ran = new CountDownLatch(1);
    private String seenUser = "<not run>";
    private final String user;

    Session(WorkQueue queue, String user) {
      // BUG: Diagnostic contains: EnqueueInConstructor
      queue.enqueueDelayed(new Timeout(this), Duration.ofMillis(1));
      await(ran);
      this.user = user;
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
        item.seenUser = String.valueOf(item.user);
        item.ran.countDown();
      }
    }
  }

  static String verdict() {
    Session session;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      session = new Session(queue, "alice");
    }
    if (!session.seenUser.equals("null") || !session.user.equals("alice")) {
      throw new AssertionError("the timeout saw user=" + session.seenUser);
    }
    return "failure: the timeout fired during construction and saw user = null (it is now "
        + session.user + ")";
  }

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

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

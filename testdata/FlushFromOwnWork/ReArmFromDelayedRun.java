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
 * A heartbeat that re-arms itself from its own run instead of waiting on itself: re-arming is
 * not a wait, so it runs again after the delay, three times, and then stops.
 */
public class ReArmFromDelayedRun {

  static WorkQueue queue;

  static final class Session {
    @Slot private final DelayedWork<Heartbeat> heartbeat = new DelayedWork<>();
    final CountDownLatch beats = new CountDownLatch(3);
  }

  record Heartbeat(Session item) implements DelayedWorkItemPointer<Session, Heartbeat> {
    static final HasDelayedWork<Session, Heartbeat> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Session.class, Heartbeat.class, "heartbeat");

    @Override
    public HasDelayedWork<Session, Heartbeat> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.beats.countDown();
      if (item.beats.getCount() > 0) {
        queue.enqueueDelayed(this, Duration.ofMillis(10));
      }
    }
  }

  static String verdict() throws InterruptedException {
    Session session = new Session();
    long start = System.nanoTime();
    try (WorkQueue q = WorkQueue.builder("case").maxActive(2).build()) {
      queue = q;
      q.enqueueDelayed(new Heartbeat(session), Duration.ofMillis(10));
      if (!session.beats.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("only " + (3 - session.beats.getCount()) + " beats");
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (ms < 30) {
      throw new AssertionError("three 10 ms beats took only " + ms + " ms");
    }
    return "ok: the heartbeat re-armed itself and beat 3 times in " + ms + " ms";
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println(verdict());
  }
}

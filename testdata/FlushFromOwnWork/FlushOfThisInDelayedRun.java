import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A timeout that flushes its own delayed slot from its run: it would wait for itself. */
public class FlushOfThisInDelayedRun {

  static WorkQueue queue;

  static final class Session {
    @Slot private final DelayedWork<Timeout> timeout = new DelayedWork<>();
    final CompletableFuture<String> outcome = new CompletableFuture<>();

    record Timeout(Session item) implements DelayedWorkItemPointer<Session, Timeout> {
      static final HasDelayedWork<Session, Timeout> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), Session.class, Timeout.class, "timeout");

      @Override
      public HasDelayedWork<Session, Timeout> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        try {
          // BUG: Diagnostic contains: FlushFromOwnWork
          queue.flush(this);
          item.outcome.complete("returned");
        } catch (IllegalStateException e) {
          item.outcome.complete("IllegalStateException: " + e.getMessage());
        }
      }
    }
  }

  static String verdict() throws Exception {
    Session session = new Session();
    try (WorkQueue q = WorkQueue.builder("case").maxActive(2).build()) {
      queue = q;
      q.enqueueDelayed(new Session.Timeout(session), Duration.ofMillis(20));
      String outcome = session.outcome.get(10, TimeUnit.SECONDS);
      if (!outcome.startsWith("IllegalStateException")) {
        throw new AssertionError("the self-wait returned: " + outcome);
      }
      return "failure: the wait on the running delayed slot was refused: " + outcome;
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The timeout is armed by a static factory once new has returned: it sees the whole session. */
public class ArmTimeoutFromStaticFactory {

  static final class Session {
    @Slot private final DelayedWork<Timeout> timeout = new DelayedWork<>();
    final CompletableFuture<String> seenUser = new CompletableFuture<>();
    private final String user;

    private Session(String user) {
      this.user = user;
    }

    static Session open(WorkQueue queue, String user) {
      Session session = new Session(user);
      queue.enqueueDelayed(new Timeout(session), Duration.ofMillis(20));
      return session;
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
        item.seenUser.complete(item.user);
      }
    }
  }

  static String verdict() throws Exception {
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      Session session = Session.open(queue, "alice");
      String seen = session.seenUser.get(5, TimeUnit.SECONDS);
      if (!seen.equals("alice")) {
        throw new AssertionError("the timeout saw user=" + seen);
      }
      return "ok: the timeout fired after construction and saw user = " + seen;
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

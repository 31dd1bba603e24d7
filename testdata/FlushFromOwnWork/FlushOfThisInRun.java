import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Flushing the running slot from its own run: it would wait for itself. */
public class FlushOfThisInRun {

  static WorkQueue queue;

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final CompletableFuture<String> outcome = new CompletableFuture<>();

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
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

    record Close(Connection item) implements WorkItemPointer<Connection, Close> {
      static final HasWork<Connection, Close> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

      @Override
      public HasWork<Connection, Close> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.outcome.complete("closed");
      }
    }
  }

  static String verdict() throws Exception {
    Connection conn = new Connection();
    try (WorkQueue q = WorkQueue.builder("case").maxActive(2).build()) {
      queue = q;
      q.enqueue(new Connection.Flush(conn));
      String outcome = conn.outcome.get(10, TimeUnit.SECONDS);
      if (!outcome.startsWith("IllegalStateException")) {
        throw new AssertionError("the self-wait returned: " + outcome);
      }
      return "failure: the wait on the running slot was refused: " + outcome;
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

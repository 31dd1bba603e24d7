import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** cancelSync of the same slot of another item: a wait for other work. */
public class CancelSyncOfAnotherItemInRun {

  static WorkQueue queue;

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final CompletableFuture<String> outcome = new CompletableFuture<>();
    Connection peer;

    record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
      static final HasWork<Connection, Flush> WORK =
          HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

      @Override
      public HasWork<Connection, Flush> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        Connection other = item.peer;
        queue.enqueue(new Flush(other));
        boolean wasPending = queue.cancelSync(new Flush(other));
        item.outcome.complete(wasPending ? "peer cancelled" : "peer had already run");
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
    conn.peer = new Connection();
    try (WorkQueue q = WorkQueue.builder("case").maxActive(1).build()) {
      queue = q;
      q.enqueue(new Connection.Flush(conn));
      String outcome = conn.outcome.get(10, TimeUnit.SECONDS);
      if (!outcome.equals("peer cancelled")) {
        throw new AssertionError(outcome);
      }
    }
    return "ok: the run cancelled the same slot of another item, which was pending behind it";
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

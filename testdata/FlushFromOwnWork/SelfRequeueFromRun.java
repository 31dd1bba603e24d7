import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A run that queues its own slot again: allowed, it runs once more after this run. */
public class SelfRequeueFromRun {

  static WorkQueue queue;
  static final int[] runs = new int[1];

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
        if (item.outcome.isDone()) {
          return;
        }
        if (++runs[0] < 3) {
          queue.enqueue(this);
        } else {
          item.outcome.complete("ran " + runs[0] + " times");
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
      if (!outcome.equals("ran 3 times")) {
        throw new AssertionError(outcome);
      }
    }
    return "ok: the slot re-queued itself twice from its own run and ran three times";
  }

  public static void main(String[] args) throws Exception {
    System.out.println(verdict());
  }
}

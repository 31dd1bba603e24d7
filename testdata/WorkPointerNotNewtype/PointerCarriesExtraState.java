import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Send pointer carries a payload besides its item, as if it were a message. A slot is queued
 * at most once, so a second Send while the first is pending returns false and its payload is
 * silently dropped.
 */
public class PointerCarriesExtraState {

  static final class Connection {
    @Slot private final Work<Send> sendWork = new Work<>();
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  record Send(Connection item, String payload) implements WorkItemPointer<Connection, Send> {
    static final HasWork<Connection, Send> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Send.class, "sendWork");

    @Override
    public HasWork<Connection, Send> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.sent.add(payload);
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    CountDownLatch release = new CountDownLatch(1);
    boolean first;
    boolean second;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      // The only worker is busy first, so the first Send is still pending when the second comes.
      queue.spawn(() -> awaitQuietly(release));
      first = queue.enqueue(new Send(conn, "hello"));
      second = queue.enqueue(new Send(conn, "world"));
      release.countDown();
    }
    if (!first || second || !conn.sent.equals(List.of("hello"))) {
      throw new AssertionError("first=" + first + " second=" + second + " sent=" + conn.sent);
    }
    return "failure: the second Send found the slot pending (enqueue returned false), so its"
        + " payload \"world\" was lost; sent=" + conn.sent;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool keeps an idle timer for its connections, but Idle's item is the Connection: the
 * DelayedWork<Idle> in Pool is never reached; Idle arms the connection's own slot instead.
 */
public class DelayedSlotOnTheOwnerNotTheItem {

  static final class Connection {
    @Slot private final DelayedWork<Idle> idle = new DelayedWork<>();
    final AtomicInteger idles = new AtomicInteger();
  }

  static final class Pool {
    final Connection conn = new Connection();
    // BUG: Diagnostic contains: WorkPointerTargetMismatch
    @Slot private final DelayedWork<Idle> idleAll = new DelayedWork<>();
  }

  record Idle(Connection item) implements DelayedWorkItemPointer<Connection, Idle> {
    static final HasDelayedWork<Connection, Idle> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Connection.class, Idle.class, "idle");

    @Override
    public HasDelayedWork<Connection, Idle> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.idles.incrementAndGet();
    }
  }

  static String verdict() {
    Pool pool = new Pool();
    boolean connectionArmed;
    boolean poolArmed;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Idle(pool.conn), Duration.ofSeconds(10));
      connectionArmed = pool.conn.idle.isPending();
      poolArmed = pool.idleAll.isPending();
      queue.flush(new Idle(pool.conn)); // fires the armed Idle now and waits for it
    }
    if (!connectionArmed || poolArmed || pool.conn.idles.get() != 1) {
      throw new AssertionError("connection armed=" + connectionArmed + " pool armed=" + poolArmed
          + " idles=" + pool.conn.idles);
    }
    return "failure: Idle armed Connection.idle; Pool.idleAll was never armed and never can be";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

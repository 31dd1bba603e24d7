import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The idle timer is a slot of the connection, Idle's item type: arming it arms that slot. */
public class DelayedSlotInTheItem {

  static final class Connection {
    @Slot private final DelayedWork<Idle> idle = new DelayedWork<>();
    final AtomicInteger idles = new AtomicInteger();
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
    Connection conn = new Connection();
    boolean armed;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      armed = queue.enqueueDelayed(new Idle(conn), Duration.ofMillis(20));
    }
    if (!armed || conn.idles.get() != 1 || conn.idle.isPending()) {
      throw new AssertionError("armed=" + armed + " idles=" + conn.idles);
    }
    return "ok: Idle armed Connection.idle and ran once when it fired";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

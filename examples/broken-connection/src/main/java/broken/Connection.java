package broken;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/** The connection of examples/connection-manager, with one mistake per worklint check. */
public final class Connection {

  static final WorkQueue QUEUE = WorkQueue.system();

  @Slot private final Work<Flush> flushWork = new Work<>();

  // DuplicateWorkPointer: the close slot reuses Flush, so a pending flush hides every close.
  @Slot private final Work<Flush> closeWork = new Work<>();

  // MisdeclaredWorkField: not final, so the slot can be replaced while it is queued.
  @Slot private Work<KeepAlive> keepAliveWork = new Work<>();

  // WorkPointerTargetMismatch: Audit's item type is Auditor, so no HasWork can reach this slot.
  @Slot private final Work<Auditor.Audit> auditWork = new Work<>();

  private final Object lock = new Object();
  private int bytesSent;

  public Connection() {
    // EnqueueInConstructor: the keep-alive can run before bytesSent is assigned.
    QUEUE.enqueue(new KeepAlive(this));
    bytesSent = 0;
  }

  void write() {
    synchronized (lock) {
      bytesSent++;
    }
  }

  /** Sends what is buffered and waits until it is written. */
  public void sync() {
    synchronized (lock) {
      QUEUE.enqueue(new Flush(this));
      // FlushWhileHoldingLock: Flush.run() takes the same lock in write(), so the wait never ends.
      QUEUE.flush(new Flush(this));
    }
  }

  public record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    // HasWorkFieldMismatch: there is no field flushWrok.
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWrok");

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.write();
      // FlushFromOwnWork: waits for the run that is waiting.
      QUEUE.flush(this);
    }
  }

  public record KeepAlive(Connection item) implements WorkItemPointer<Connection, KeepAlive> {
    @Override
    public HasWork<Connection, KeepAlive> hasWork() {
      // HasWorkNotConstant: a new descriptor, and a reflective look-up, on every enqueue.
      return HasWork.of(MethodHandles.lookup(), Connection.class, KeepAlive.class, "keepAliveWork");
    }

    @Override
    public void run() {}
  }

  /** WorkPointerNotNewtype: an open class with extra state, not a one-component newtype. */
  public static class Ping implements WorkItemPointer<Connection, Ping> {
    private final Connection item;
    private int attempts;

    Ping(Connection item) {
      this.item = item;
    }

    @Override
    public Connection item() {
      return item;
    }

    @Override
    public HasWork<Connection, Ping> hasWork() {
      throw new UnsupportedOperationException("Ping has no slot");
    }

    @Override
    public void run() {
      attempts++;
    }
  }

  static final class Auditor {
    record Audit(Auditor item) implements WorkItemPointer<Auditor, Audit> {
      @Override
      public HasWork<Auditor, Audit> hasWork() {
        throw new UnsupportedOperationException("Audit's slot lives in Connection, not Auditor");
      }

      @Override
      public void run() {}
    }
  }
}

package suppressed;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The mistakes of case 2, each silenced by {@code @SuppressWarnings} with the name of the check
 * that reports it, on the field, method, constructor or class where it is reported: no worklint
 * diagnostic comes from this file.
 */
public final class QuietConnection {

  static final WorkQueue QUEUE = WorkQueue.system();

  @Slot private final Work<Flush> flushWork = new Work<>();

  @SuppressWarnings("DuplicateWorkPointer")
  @Slot private final Work<Flush> closeWork = new Work<>();

  @SuppressWarnings("MisdeclaredWorkField")
  @Slot private Work<KeepAlive> keepAliveWork = new Work<>();

  @SuppressWarnings("WorkPointerTargetMismatch")
  @Slot private final Work<Auditor.Audit> auditWork = new Work<>();

  private final Object lock = new Object();
  private int bytesSent;

  void write() {
    synchronized (lock) {
      bytesSent++;
    }
  }

  @SuppressWarnings("FlushWhileHoldingLock")
  public void sync() {
    synchronized (lock) {
      QUEUE.flush(new Flush(this));
    }
  }

  @SuppressWarnings("EnqueueInConstructor")
  public QuietConnection() {
    QUEUE.enqueue(new KeepAlive(this));
    bytesSent = 0;
  }

  public record Flush(QuietConnection item) implements WorkItemPointer<QuietConnection, Flush> {
    @SuppressWarnings("HasWorkFieldMismatch")
    static final HasWork<QuietConnection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), QuietConnection.class, Flush.class, "flushWrok");

    @Override
    public HasWork<QuietConnection, Flush> hasWork() {
      return WORK;
    }

    @Override
    @SuppressWarnings("FlushFromOwnWork")
    public void run() {
      item.write();
      QUEUE.flush(this);
    }
  }

  public record KeepAlive(QuietConnection item)
      implements WorkItemPointer<QuietConnection, KeepAlive> {
    @Override
    @SuppressWarnings({"HasWorkNotConstant", "HasWorkFieldMismatch"})
    public HasWork<QuietConnection, KeepAlive> hasWork() {
      return HasWork.of(
          MethodHandles.lookup(), QuietConnection.class, KeepAlive.class, "keepAliveWork");
    }

    @Override
    public void run() {}
  }

  @SuppressWarnings("WorkPointerNotNewtype")
  public static class Ping implements WorkItemPointer<QuietConnection, Ping> {
    private final QuietConnection item;
    private int attempts;

    Ping(QuietConnection item) {
      this.item = item;
    }

    @Override
    public QuietConnection item() {
      return item;
    }

    @Override
    public HasWork<QuietConnection, Ping> hasWork() {
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
        throw new UnsupportedOperationException("Audit's slot lives in QuietConnection");
      }

      @Override
      public void run() {}
    }
  }
}

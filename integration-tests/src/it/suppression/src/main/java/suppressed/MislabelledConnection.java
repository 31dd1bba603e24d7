package suppressed;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The same mistakes, each under {@code @SuppressWarnings} naming another worklint check (the
 * next one in the catalogue): a suppression silences exactly the check it names, so every one of
 * them is still reported. The spare slot has two mistakes and suppresses one of them.
 */
public final class MislabelledConnection {

  static final WorkQueue QUEUE = WorkQueue.system();

  @Slot private final Work<Flush> flushWork = new Work<>();

  @SuppressWarnings("HasWorkFieldMismatch")
  @Slot private final Work<Flush> closeWork = new Work<>(); // BUG: DuplicateWorkPointer

  // Another Work<Flush> (DuplicateWorkPointer, suppressed) that is also not final (reported).
  @SuppressWarnings("DuplicateWorkPointer")
  @Slot private Work<Flush> spareWork = new Work<>(); // BUG: MisdeclaredWorkField

  @SuppressWarnings("HasWorkNotConstant")
  @Slot private Work<KeepAlive> keepAliveWork = new Work<>(); // BUG: MisdeclaredWorkField

  @SuppressWarnings("MisdeclaredWorkField")
  @Slot private final Work<Auditor.Audit> auditWork = new Work<>(); // BUG: WorkPointerTargetMismatch

  private final Object lock = new Object();
  private int bytesSent;

  void write() {
    synchronized (lock) {
      bytesSent++;
    }
  }

  @SuppressWarnings("FlushFromOwnWork")
  public void sync() {
    synchronized (lock) {
      QUEUE.flush(new Flush(this)); // BUG: FlushWhileHoldingLock
    }
  }

  @SuppressWarnings("FlushFromOwnWork")
  public MislabelledConnection() {
    QUEUE.enqueue(new KeepAlive(this)); // BUG: EnqueueInConstructor
    bytesSent = 0;
  }

  public record Flush(MislabelledConnection item)
      implements WorkItemPointer<MislabelledConnection, Flush> {
    @SuppressWarnings("WorkPointerNotNewtype")
    static final HasWork<MislabelledConnection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), MislabelledConnection.class, Flush.class, "flushWrok"); // BUG: HasWorkFieldMismatch

    @Override
    public HasWork<MislabelledConnection, Flush> hasWork() {
      return WORK;
    }

    @Override
    @SuppressWarnings("DuplicateWorkPointer")
    public void run() {
      item.write();
      QUEUE.flush(this); // BUG: FlushFromOwnWork
    }
  }

  public record KeepAlive(MislabelledConnection item)
      implements WorkItemPointer<MislabelledConnection, KeepAlive> {
    @Override
    @SuppressWarnings("EnqueueInConstructor")
    public HasWork<MislabelledConnection, KeepAlive> hasWork() {
      return HasWork.of( // BUG: HasWorkNotConstant, HasWorkFieldMismatch
          MethodHandles.lookup(), MislabelledConnection.class, KeepAlive.class, "keepAliveWork");
    }

    @Override
    public void run() {}
  }

  @SuppressWarnings("WorkPointerTargetMismatch")
  public static class Ping implements WorkItemPointer<MislabelledConnection, Ping> { // BUG: WorkPointerNotNewtype
    private final MislabelledConnection item;
    private int attempts;

    Ping(MislabelledConnection item) {
      this.item = item;
    }

    @Override
    public MislabelledConnection item() {
      return item;
    }

    @Override
    public HasWork<MislabelledConnection, Ping> hasWork() {
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
        throw new UnsupportedOperationException("Audit's slot lives in MislabelledConnection");
      }

      @Override
      public void run() {}
    }
  }
}

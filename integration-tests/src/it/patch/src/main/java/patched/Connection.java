package patched;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;

/** A connection with only the mistakes that worklint can fix by itself. */
public final class Connection {

  @Slot private final Work<Flush> flushWork = new Work<>();

  // Fix: add final. (HasWork.of for KeepAlive below also fails on it: HasWorkFieldMismatch.)
  @Slot private Work<KeepAlive> keepAliveWork = new Work<>(); // BUG: MisdeclaredWorkField

  // Fix: drop static. (HasWork.of for Close below also fails on it: HasWorkFieldMismatch.)
  @Slot private static final Work<Close> closeWork = new Work<>(); // BUG: MisdeclaredWorkField

  @Slot private final Work<Ping> pingWork = new Work<>();

  void flush() {}

  void keepAlive() {}

  void close() {}

  void ping() {}

  public record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    // Fix: the one Work<Flush> field of Connection, flushWork.
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWrok"); // BUG: HasWorkFieldMismatch

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.flush();
    }
  }

  public record KeepAlive(Connection item) implements WorkItemPointer<Connection, KeepAlive> {
    @Override
    public HasWork<Connection, KeepAlive> hasWork() {
      // Fix: hoist the call into a static final constant.
      return HasWork.of(MethodHandles.lookup(), Connection.class, KeepAlive.class, "keepAliveWork"); // BUG: HasWorkNotConstant, HasWorkFieldMismatch
    }

    @Override
    public void run() {
      item.keepAlive();
    }
  }

  public record Close(Connection item) implements WorkItemPointer<Connection, Close> {
    static final HasWork<Connection, Close> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork"); // BUG: HasWorkFieldMismatch

    @Override
    public HasWork<Connection, Close> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.close();
    }
  }

  // Fix: add final (a one-field class is a newtype once it is final).
  public static class Ping implements WorkItemPointer<Connection, Ping> { // BUG: WorkPointerNotNewtype
    static final HasWork<Connection, Ping> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Ping.class, "pingWork");

    private final Connection item;

    public Ping(Connection item) {
      this.item = item;
    }

    @Override
    public Connection item() {
      return item;
    }

    @Override
    public HasWork<Connection, Ping> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.ping();
    }
  }
}

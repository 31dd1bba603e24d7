package example;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection with three kinds of deferred work, one slot each: flushing buffered writes,
 * sending a keep-alive, and closing. Each slot has its own pointer newtype, so a pending flush
 * never hides a close, and each kind coalesces on its own: many writes, one flush.
 */
public final class Connection {

  @Slot private final Work<Flush> flushWork = new Work<>();
  @Slot private final Work<KeepAlive> keepAliveWork = new Work<>();
  @Slot private final Work<Close> closeWork = new Work<>();

  private final String name;
  private final Consumer<String> wire;
  private final List<String> buffer = new ArrayList<>();
  private boolean open = true;

  public Connection(String name, Consumer<String> wire) {
    this.name = name;
    this.wire = wire;
  }

  /** Buffers a message; the caller queues a {@link Flush} to send what is buffered. */
  public synchronized void write(String message) {
    if (!open) {
      throw new IllegalStateException(name + " is closed");
    }
    buffer.add(message);
  }

  synchronized void flushBuffered() {
    if (!buffer.isEmpty()) {
      wire.accept(name + " flush " + String.join(",", buffer));
      buffer.clear();
    }
  }

  synchronized void sendKeepAlive() {
    if (open) {
      wire.accept(name + " keep-alive");
    }
  }

  synchronized void closeNow() {
    flushBuffered();
    open = false;
    wire.accept(name + " closed");
  }

  @Override
  public String toString() {
    return name;
  }

  /** Sends whatever is buffered. */
  public record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.flushBuffered();
    }
  }

  /** Tells the peer the connection is alive. */
  public record KeepAlive(Connection item) implements WorkItemPointer<Connection, KeepAlive> {
    static final HasWork<Connection, KeepAlive> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, KeepAlive.class, "keepAliveWork");

    @Override
    public HasWork<Connection, KeepAlive> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.sendKeepAlive();
    }
  }

  /** Flushes and closes. */
  public record Close(Connection item) implements WorkItemPointer<Connection, Close> {
    static final HasWork<Connection, Close> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

    @Override
    public HasWork<Connection, Close> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.closeNow();
    }
  }
}

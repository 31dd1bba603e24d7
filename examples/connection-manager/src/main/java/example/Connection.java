package example;

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection with four kinds of deferred work, one slot each: flushing buffered writes,
 * sending a keep-alive, closing, and an idle timeout. Each slot has its own pointer newtype, so a
 * pending flush never hides a close, and each kind coalesces on its own: many writes, one flush.
 * The idle timeout is a delayed slot, re-armed on every write ({@code modDelayed}): it fires, and
 * closes the connection, only once the connection has been idle for {@link #idleTimeout()}.
 */
public final class Connection {

  @Slot private final Work<Flush> flushWork = new Work<>();
  @Slot private final Work<KeepAlive> keepAliveWork = new Work<>();
  @Slot private final Work<Close> closeWork = new Work<>();
  @Slot private final DelayedWork<IdleTimeout> idleWork = new DelayedWork<>();

  private final String name;
  private final Consumer<String> wire;
  private final Duration idleTimeout;
  private final List<String> buffer = new ArrayList<>();
  private boolean open = true;

  public Connection(String name, Consumer<String> wire, Duration idleTimeout) {
    this.name = name;
    this.wire = wire;
    this.idleTimeout = idleTimeout;
  }

  /** How long the connection may go without a write before its idle timeout closes it. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  public synchronized boolean isOpen() {
    return open;
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

  synchronized void closeIdle() {
    if (open) {
      flushBuffered();
      open = false;
      wire.accept(name + " idle-closed");
    }
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

  /** Closes the connection once it has been idle: armed, and re-armed, on every write. */
  public record IdleTimeout(Connection item)
      implements DelayedWorkItemPointer<Connection, IdleTimeout> {
    static final HasDelayedWork<Connection, IdleTimeout> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Connection.class, IdleTimeout.class, "idleWork");

    @Override
    public HasDelayedWork<Connection, IdleTimeout> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.closeIdle();
    }
  }
}

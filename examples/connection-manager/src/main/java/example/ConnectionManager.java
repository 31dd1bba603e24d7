package example;

import io.github.worklint.workqueue.WorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a few connections on one ordered queue and prints what ran. Writes coalesce: ten writes
 * queued before the flush runs go out in one flush. Every write re-arms the connection's idle
 * timeout; alpha and beta are closed while active (which disarms it), gamma goes idle and its
 * timeout closes it.
 */
public final class ConnectionManager {

  /** The idle timeout of the connections that are closed while active: never reached. */
  static final Duration ACTIVE_IDLE = Duration.ofMinutes(1);

  /**
   * The idle timeout of the connection that goes idle: short, so the scenario ends quickly, and
   * long enough that its two writes, one call apart, are never split by the timeout.
   */
  static final Duration SHORT_IDLE = Duration.ofMillis(100);

  private ConnectionManager() {}

  /**
   * Buffers a message, queues a flush and re-arms the idle timeout: activity keeps a connection
   * open. Returns whether the timeout was pending (and is now pushed back).
   */
  public static boolean send(WorkQueue queue, Connection connection, String message) {
    connection.write(message);
    queue.enqueue(new Connection.Flush(connection)); // false while a flush is pending: coalesced
    return queue.modDelayed(new Connection.IdleTimeout(connection), connection.idleTimeout());
  }

  /** Queues a close and disarms the idle timeout, which has nothing left to close. */
  public static void close(WorkQueue queue, Connection connection) {
    queue.enqueue(new Connection.Close(connection));
    queue.cancel(new Connection.IdleTimeout(connection));
  }

  /** Runs the scenario and returns the lines that went over the wire, in order. */
  public static List<String> runScenario() {
    List<String> wire = new CopyOnWriteArrayList<>();
    try (WorkQueue queue = WorkQueue.builder("connections").ordered().build()) {
      Connection alpha = new Connection("alpha", wire::add, ACTIVE_IDLE);
      Connection beta = new Connection("beta", wire::add, ACTIVE_IDLE);
      for (int i = 1; i <= 10; i++) {
        send(queue, alpha, "a" + i);
      }
      queue.enqueue(new Connection.KeepAlive(beta));
      send(queue, beta, "b1");
      queue.flush();
      close(queue, alpha);
      close(queue, beta);
      queue.flush();
      // gamma writes twice and then goes quiet: the second write pushes the timeout back, and
      // 100 ms after it the timeout closes gamma.
      Connection gamma = new Connection("gamma", wire::add, SHORT_IDLE);
      send(queue, gamma, "g1");
      send(queue, gamma, "g2");
    } // close(): waits for gamma's armed timeout and drains the queue, then stops its worker
    return wire;
  }

  public static void main(String[] args) {
    runScenario().forEach(System.out::println);
  }
}

package example;

import io.github.worklint.workqueue.WorkQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a few connections on one ordered queue and prints what ran. Writes coalesce: ten writes
 * queued before the flush runs go out in one flush.
 */
public final class ConnectionManager {

  private ConnectionManager() {}

  /** Runs the scenario and returns the lines that went over the wire, in order. */
  public static List<String> runScenario() {
    List<String> wire = new CopyOnWriteArrayList<>();
    try (WorkQueue queue = WorkQueue.builder("connections").ordered().build()) {
      Connection alpha = new Connection("alpha", wire::add);
      Connection beta = new Connection("beta", wire::add);
      for (int i = 1; i <= 10; i++) {
        alpha.write("a" + i);
        queue.enqueue(new Connection.Flush(alpha)); // false while a flush is pending: coalesced
      }
      queue.enqueue(new Connection.KeepAlive(beta));
      beta.write("b1");
      queue.enqueue(new Connection.Flush(beta));
      queue.flush();
      queue.enqueue(new Connection.Close(alpha));
      queue.enqueue(new Connection.Close(beta));
    } // close(): drains the queue, then stops its worker
    return wire;
  }

  public static void main(String[] args) {
    runScenario().forEach(System.out::println);
  }
}

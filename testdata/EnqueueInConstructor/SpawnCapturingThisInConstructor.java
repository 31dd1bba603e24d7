import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The constructor spawns a closure that reads a field of this: spawn is an enqueue of a one-off
 * slot, and the closure can run before the constructor assigns the field. The constructor waits
 * for the run to make the interleaving deterministic: the closure saw greeting null.
 */
public class SpawnCapturingThisInConstructor {

  static final class Greeter {
    private final CountDownLatch ran = new CountDownLatch(1);
    private String seen = "<not run>";
    private final String greeting;

    Greeter(WorkQueue queue, String greeting) {
      // BUG: Diagnostic contains: EnqueueInConstructor
      queue.spawn(() -> {
        seen = String.valueOf(greeting());
        ran.countDown();
      });
      await(ran);
      this.greeting = greeting;
    }

    String greeting() {
      return greeting;
    }
  }

  static String verdict() {
    Greeter greeter;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      greeter = new Greeter(queue, "hello");
    }
    if (!greeter.seen.equals("null")) {
      throw new AssertionError("the closure saw greeting=" + greeter.seen);
    }
    return "failure: run saw greeting = null before the constructor assigned it (it is now "
        + greeter.greeting + ")";
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("the run did not happen within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

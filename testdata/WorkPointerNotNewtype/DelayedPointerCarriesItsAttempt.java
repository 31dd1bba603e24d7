import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A retry pointer that carries its attempt number: while attempt 1 is armed, arming attempt 2
 * returns false and drops it, so the retry that runs is attempt 1 and attempt 2 is lost.
 */
public class DelayedPointerCarriesItsAttempt {

  static final class Request {
    @Slot private final DelayedWork<Retry> retry = new DelayedWork<>();
    final List<Integer> attemptsRun = new CopyOnWriteArrayList<>();
  }

  // BUG: Diagnostic contains: WorkPointerNotNewtype
  record Retry(Request item, int attempt) implements DelayedWorkItemPointer<Request, Retry> {
    static final HasDelayedWork<Request, Retry> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), Request.class, Retry.class, "retry");

    @Override
    public HasDelayedWork<Request, Retry> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.attemptsRun.add(attempt);
    }
  }

  static String verdict() {
    Request request = new Request();
    boolean second;
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueueDelayed(new Retry(request, 1), Duration.ofSeconds(10));
      second = queue.enqueueDelayed(new Retry(request, 2), Duration.ofMillis(20));
      queue.flush(new Retry(request, 2)); // fires the armed retry now and waits for it
    }
    if (second || !request.attemptsRun.equals(List.of(1))) {
      throw new AssertionError("second armed=" + second + " ran " + request.attemptsRun);
    }
    return "failure: arming attempt 2 returned false and dropped it; only attempt 1 ran";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

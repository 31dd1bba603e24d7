import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * A timer whose re-arm slot was copy-pasted from its fire slot: the descriptor names rearm, and
 * HasWork.of refuses it because fire has the same pointer type.
 */
public class ThreeSlotsTwoShareAPointer {

  static final class Timer {
    @Slot private final Work<Fire> fire = new Work<>();
    @Slot private final Work<Cancel> cancel = new Work<>();
    // BUG: Diagnostic contains: DuplicateWorkPointer
    @Slot private final Work<Fire> rearm = new Work<>();

    record Fire(Timer item) implements WorkItemPointer<Timer, Fire> {
      static final HasWork<Timer, Fire> WORK =
          HasWork.of(MethodHandles.lookup(), Timer.class, Fire.class, "rearm");

      @Override
      public HasWork<Timer, Fire> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }

    record Cancel(Timer item) implements WorkItemPointer<Timer, Cancel> {
      static final HasWork<Timer, Cancel> WORK =
          HasWork.of(MethodHandles.lookup(), Timer.class, Cancel.class, "cancel");

      @Override
      public HasWork<Timer, Cancel> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static String verdict() {
    Timer timer = new Timer();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      if (!queue.enqueue(new Timer.Cancel(timer))) {
        throw new AssertionError("the cancel slot, which is fine, could not be queued");
      }
      try {
        queue.enqueue(new Timer.Fire(timer));
        throw new AssertionError("HasWork.of accepted two Work<Fire> slots");
      } catch (ExceptionInInitializerError e) {
        return "failure: Fire can never be queued: " + e.getCause().getMessage();
      }
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

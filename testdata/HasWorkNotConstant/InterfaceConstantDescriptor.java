import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The descriptor is a field of an interface, implicitly static final though neither modifier is
 * written: a constant, built once.
 */
public class InterfaceConstantDescriptor {

  static final class Timer {
    @Slot private final Work<Fire> fireWork = new Work<>();
    final AtomicInteger fired = new AtomicInteger();

    interface Slots {
      HasWork<Timer, Fire> FIRE =
          HasWork.of(MethodHandles.lookup(), Timer.class, Fire.class, "fireWork");
    }

    record Fire(Timer item) implements WorkItemPointer<Timer, Fire> {
      @Override
      public HasWork<Timer, Fire> hasWork() {
        return Slots.FIRE;
      }

      @Override
      public void run() {
        item.fired.incrementAndGet();
      }
    }
  }

  static String verdict() {
    Timer timer = new Timer();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Timer.Fire(timer));
    }
    if (timer.fired.get() != 1 || new Timer.Fire(timer).hasWork() != Timer.Slots.FIRE) {
      throw new AssertionError("fired=" + timer.fired);
    }
    return "ok: Fire ran once through the interface constant Slots.FIRE";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

package broken;

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.time.Duration;

/** The idle timeout of examples/connection-manager, with the delayed mistakes. */
public final class IdleTimer {

  static final WorkQueue QUEUE = WorkQueue.system();
  static final Duration IDLE = Duration.ofSeconds(30);

  @Slot private final DelayedWork<Expire> idleWork = new DelayedWork<>();

  private final String name;

  public IdleTimer(String name) {
    // EnqueueInConstructor: a delay is no guarantee; the timeout can see name still null.
    QUEUE.enqueueDelayed(new Expire(this), IDLE); // BUG: EnqueueInConstructor
    this.name = name;
  }

  public record Expire(IdleTimer item) implements DelayedWorkItemPointer<IdleTimer, Expire> {
    // HasWorkFieldMismatch: idleWork is a DelayedWork, which only HasDelayedWork.of describes.
    static final HasWork<IdleTimer, Expire> WORK =
        HasWork.of(MethodHandles.lookup(), IdleTimer.class, Expire.class, "idleWork"); // BUG: HasWorkFieldMismatch

    @Override
    public HasDelayedWork<IdleTimer, Expire> hasWork() {
      return (HasDelayedWork<IdleTimer, Expire>) WORK;
    }

    @Override
    public void run() {
      System.out.println(item.name + " idle");
    }
  }
}

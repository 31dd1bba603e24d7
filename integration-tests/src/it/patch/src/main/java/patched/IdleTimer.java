package patched;

import io.github.worklint.workqueue.DelayedWork;
import io.github.worklint.workqueue.DelayedWorkItemPointer;
import io.github.worklint.workqueue.HasDelayedWork;
import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import java.lang.invoke.MethodHandles;

/** The delayed mistakes that have a fix: a delayed slot not final, described by HasWork.of. */
public final class IdleTimer {

  @Slot private DelayedWork<Expire> idleWork = new DelayedWork<>(); // BUG: MisdeclaredWorkField

  public record Expire(IdleTimer item) implements DelayedWorkItemPointer<IdleTimer, Expire> {
    static final HasWork<IdleTimer, Expire> WORK =
        HasWork.of(MethodHandles.lookup(), IdleTimer.class, Expire.class, "idleWork"); // BUG: HasWorkFieldMismatch

    @Override
    public HasDelayedWork<IdleTimer, Expire> hasWork() {
      return (HasDelayedWork<IdleTimer, Expire>) WORK;
    }

    @Override
    public void run() {}
  }
}

package io.github.worklint.workqueue;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The delayed-work operations of {@link WorkQueue}: {@code enqueueDelayed}, {@code modDelayed},
 * and what cancel and flush(p) do to an armed slot, on top of the {@link TimerHeap}.
 *
 * <p>An armed slot holds its {@link Work} slot's PENDING token, as the kernel sets a
 * {@code work_struct}'s pending bit while its timer is armed; firing hands that token to the
 * queue's link step ({@link WorkQueue#linkFired}), which accepts it even while the queue drains.
 * Every timer is counted by its queue from before it is armed until it is linked or disarmed
 * ({@link WorkQueue#reserveTimer}), so drain() and close() wait for it.
 */
final class DelayedTimers {

  /** The longest delay: 2^61 ns (about 73 years), so that deadlines compare without overflow. */
  static final Duration MAX_DELAY = Duration.ofNanos(1L << 61);

  private static final long MAX_DELAY_NANOS = MAX_DELAY.toNanos();
  /** The timers of every queue. */
  static final TimerHeap TIMERS = new TimerHeap();

  private DelayedTimers() {}

  // ---- the WorkQueue operations

  static <T, P extends DelayedWorkItemPointer<T, P>> boolean enqueueDelayed(
      WorkQueue queue, P pointer, Duration delay) {
    DelayedWork<P> slot = slotOf(pointer);
    long nanos = nanos(delay);
    if (nanos == 0) {
      return queue.enqueue(pointer);
    }
    queue.checkAccepts(pointer); // before the token: a token taken and given back is a lost arm
    Work<P> work = slot.work;
    if (!work.tryMarkPending()) {
      return false;
    }
    try {
      queue.reserveTimer(pointer);
    } catch (RuntimeException e) {
      work.unmarkPending(); // close() or drain() began meanwhile: the slot stays idle
      throw e;
    }
    work.acceptInstance(pointer);
    TIMERS.arm(slot, queue.id, nanos);
    return true;
  }

  static <T, P extends DelayedWorkItemPointer<T, P>> boolean modDelayed(
      WorkQueue queue, P pointer, Duration delay) {
    DelayedWork<P> slot = slotOf(pointer);
    long nanos = nanos(delay);
    queue.checkAccepts(pointer);
    queue.reserveTimer(pointer);
    Work<P> work = slot.work;
    boolean reserved = true;
    try {
      while (true) {
        // Armed: move the timer, keeping the token and the instance.
        int oldQueue = nanos == 0 ? TIMERS.takeArmed(slot) : TIMERS.rearm(slot, queue.id, nanos);
        if (oldQueue != 0) {
          if (nanos == 0) {
            queue.linkFired(work);
          }
          reserved = false;
          release(oldQueue);
          return true;
        }
        int state = work.state();
        if ((state & Work.PENDING) == 0) {
          if (work.tryMarkPending()) {
            work.acceptInstance(pointer);
            reserved = false;
            place(queue, slot, nanos);
            return false;
          }
          if ((work.state() & Work.CANCELING) != 0) {
            return false;
          }
        } else if ((state & Work.CLAIMED) != 0) {
          // In a worker's batch: steal the claim, token and all, and arm it; the worker skips it.
          if (work.stealClaim(state & Work.TAG_MASK, true)) {
            reserved = false;
            place(queue, slot, nanos);
            return true;
          }
        } else if ((state & Work.RERUN) != 0) {
          // Handed to the worker running it: take that instance back, token and all, and arm it.
          if (WorkQueue.takeHandedOffKeepingToken(work)) {
            reserved = false;
            place(queue, slot, nanos);
            return true;
          }
          Thread.onSpinWait();
        } else {
          WorkQueue linkedIn = QueueIds.get(work.linkedIn);
          if (linkedIn != null && linkedIn.unlinkKeepingToken(work)) {
            reserved = false;
            place(queue, slot, nanos);
            return true;
          }
          Thread.onSpinWait(); // an enqueue or a timer holds the token and is about to link it
        }
      }
    } finally {
      if (reserved) {
        queue.releaseTimer();
      }
    }
  }

  /** Disarms an armed slot, consuming its instance; false if it was not armed. */
  static boolean disarm(DelayedWork<?> slot) {
    int queue = TIMERS.takeArmed(slot);
    if (queue == 0) {
      return false;
    }
    Work<?> work = slot.work;
    work.markDone(work.queuedSeq());
    work.unmarkPending();
    release(queue);
    return true;
  }

  /** Queues an armed slot now, on the queue it was armed for; false if it was not armed. */
  static boolean fireNow(DelayedWork<?> slot) {
    int queue = TIMERS.takeArmed(slot);
    if (queue == 0) {
      return false;
    }
    linkFired(queue, slot);
    return true;
  }

  /** The delayed slot of a pointer whose slot {@link WorkQueue#slotOf} found; null if plain. */
  static @Nullable DelayedWork<?> delayedSlotOf(WorkItemPointer<?, ?> pointer) {
    return pointer.hasWork() instanceof HasDelayedWork<?, ?> delayed
        ? delayed.delayedSlotOf(pointer.item())
        : null;
  }

  private static <T, P extends DelayedWorkItemPointer<T, P>> DelayedWork<P> slotOf(P pointer) {
    WorkQueue.slotOf(pointer); // the checks: null pointer or item, a misdirected descriptor
    return pointer.hasWork().delayedWorkOf(pointer.item());
  }

  /** The delay in nanoseconds: 0 when zero or negative (now), clamped to {@link #MAX_DELAY}. */
  static long nanos(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      return 0;
    }
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY_NANOS : delay.toNanos();
  }

  /** Arms a slot whose token the caller holds and whose timer {@code queue} counts, or links it. */
  private static void place(WorkQueue queue, DelayedWork<?> slot, long nanos) {
    if (nanos == 0) {
      queue.linkFired(slot.work);
    } else {
      TIMERS.arm(slot, queue.id, nanos);
    }
  }

  /** Links a fired slot into the queue it was armed for (the timer thread's one job). */
  static void linkFired(int queueId, DelayedWork<?> slot) {
    WorkQueue queue = QueueIds.get(queueId);
    if (queue == null) {
      // A queue closes only once none of its timers is armed, so its id stays valid until then.
      throw new AssertionError(slot + " fired into queue id " + queueId + ", which is closed");
    }
    queue.linkFired(slot.work);
  }

  private static void release(int queueId) {
    WorkQueue queue = QueueIds.get(queueId);
    if (queue != null) {
      queue.releaseTimer();
    }
  }
}

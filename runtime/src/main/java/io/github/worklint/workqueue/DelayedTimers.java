package io.github.worklint.workqueue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The timers of every {@link DelayedWork} slot: one intrusive binary min-heap of slots ordered by
 * deadline, each slot storing its own heap index, so arming, re-arming and disarming are
 * O(log n) and allocate nothing (the heap array grows by doubling, never shrinks). One daemon
 * thread, started with the first timer, fires them: it only links a due slot into the queue it
 * was armed for, and never runs user code, so a slow run cannot delay another queue's timers.
 *
 * <p>An armed slot holds its {@link Work} slot's PENDING token, as the kernel sets a
 * {@code work_struct}'s pending bit while its timer is armed; firing hands that token to the
 * queue's link step. The heap and each slot's timer fields are guarded by this object's monitor
 * (a monitor, not a lock: contended, a {@code ReentrantLock} allocates queue nodes).
 */
final class DelayedTimers {

  /** The longest delay: 2^61 ns (about 73 years), so that deadlines compare without overflow. */
  static final Duration MAX_DELAY = Duration.ofNanos(1L << 61);

  private static final long MAX_DELAY_NANOS = MAX_DELAY.toNanos();
  private static final DelayedTimers SHARED = new DelayedTimers();

  private @Nullable DelayedWork<?>[] heap = new DelayedWork<?>[64];
  private int size;
  private @Nullable Thread thread;
  /** Whether the timer thread is about to re-read the heap, so nobody needs to wake it. */
  private boolean awake;
  /** The deadline the parked timer thread wakes for; meaningless when it parks with no timers. */
  private long parkedUntil;
  private boolean parkedWithNoTimers;

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
    SHARED.arm(slot, queue.id, nanos);
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
    boolean wasPending = false;
    try {
      while (true) {
        // Armed: move the timer, keeping the token and the instance.
        int oldQueue = nanos == 0 ? SHARED.takeArmed(slot) : SHARED.rearm(slot, queue.id, nanos);
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
            return wasPending;
          }
          if ((work.state() & Work.CANCELING) != 0) {
            return wasPending;
          }
        } else if ((state & Work.RERUN) != 0) {
          // Handed to the worker running it: cancel that instance and arm a new one.
          wasPending |= WorkQueue.grabPending(work, null);
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
    int queue = SHARED.takeArmed(slot);
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
    int queue = SHARED.takeArmed(slot);
    if (queue == 0) {
      return false;
    }
    linkFired(queue, slot);
    return true;
  }

  /** The id of the queue an armed slot will be queued on, or 0 if it is not armed. */
  static int armedFor(DelayedWork<?> slot) {
    synchronized (SHARED) {
      return slot.heapIndex >= 0 ? slot.armedFor : 0;
    }
  }

  /** The delayed slot of a pointer whose slot {@link WorkQueue#slotOf} found; null if plain. */
  static @Nullable DelayedWork<?> delayedSlotOf(WorkItemPointer<?, ?> pointer) {
    return pointer.hasWork() instanceof HasDelayedWork<?, ?> delayed
        ? delayed.delayedSlotOf(pointer.item())
        : null;
  }

  /** The deadline of an armed slot (for tests). */
  static long deadlineOf(DelayedWork<?> slot) {
    synchronized (SHARED) {
      return slot.deadline;
    }
  }

  /** Whether the timer thread is parked (or not started); for tests that must not wake it. */
  static boolean timerThreadParked() {
    synchronized (SHARED) {
      return !SHARED.awake;
    }
  }

  /** What is wrong with the heap (a slot's index, the order), or null; for tests. */
  static @Nullable String heapProblem() {
    synchronized (SHARED) {
      for (int i = 0; i < SHARED.size; i++) {
        DelayedWork<?> slot = SHARED.heap[i];
        if (slot == null || slot.heapIndex != i) {
          return "heap[" + i + "] = " + slot + (slot == null ? "" : " at index " + slot.heapIndex);
        }
        DelayedWork<?> parent = i == 0 ? null : SHARED.heap[(i - 1) >>> 1];
        if (parent != null && slot.deadline - parent.deadline < 0) {
          return "heap[" + i + "] is due before its parent";
        }
      }
      for (int i = SHARED.size; i < SHARED.heap.length; i++) {
        if (SHARED.heap[i] != null) {
          return "heap[" + i + "] is set beyond the size " + SHARED.size;
        }
      }
      return null;
    }
  }

  /** The number of armed timers, all queues together. */
  static int armedCount() {
    synchronized (SHARED) {
      return SHARED.size;
    }
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
      SHARED.arm(slot, queue.id, nanos);
    }
  }

  private static void linkFired(int queueId, DelayedWork<?> slot) {
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

  // ---- the heap, under this monitor. Deadlines are read from the clock under the monitor, so a
  // re-arm with the same delay never moves a deadline earlier than the arm it follows.

  private void arm(DelayedWork<?> slot, int queueId, long nanos) {
    boolean wake;
    synchronized (this) {
      long deadline = System.nanoTime() + nanos;
      slot.deadline = deadline;
      slot.armedFor = queueId;
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      heap[size] = slot;
      slot.heapIndex = size;
      size++;
      siftUp(slot.heapIndex);
      wake = wakeFor(deadline);
    }
    if (wake) {
      wakeTimerThread();
    }
  }

  /** Moves an armed slot's timer to {@code queueId}, {@code nanos} from now; returns its old queue. */
  private int rearm(DelayedWork<?> slot, int queueId, long nanos) {
    boolean wake;
    int oldQueue;
    synchronized (this) {
      if (slot.heapIndex < 0) {
        return 0;
      }
      long deadline = System.nanoTime() + nanos;
      oldQueue = slot.armedFor;
      long old = slot.deadline;
      slot.deadline = deadline;
      slot.armedFor = queueId;
      if (deadline - old < 0) {
        siftUp(slot.heapIndex);
      } else {
        siftDown(slot.heapIndex);
      }
      wake = wakeFor(deadline);
    }
    if (wake) {
      wakeTimerThread();
    }
    return oldQueue;
  }

  /** Takes an armed slot out of the heap, keeping its token; returns its queue, or 0. */
  private int takeArmed(DelayedWork<?> slot) {
    synchronized (this) {
      int index = slot.heapIndex;
      if (index < 0) {
        return 0;
      }
      removeAt(index);
      return slot.armedFor;
    }
  }

  /** Whether arming {@code deadline} must wake the timer thread; if so, it counts as woken. */
  private boolean wakeFor(long deadline) {
    if (thread == null) {
      Thread timer = new Thread(this::fireDueTimers, "worklint-timer");
      timer.setDaemon(true);
      thread = timer;
      awake = true;
      timer.start();
      return false;
    }
    if (awake || (!parkedWithNoTimers && deadline - parkedUntil >= 0)) {
      return false;
    }
    awake = true;
    return true;
  }

  private void wakeTimerThread() {
    Thread timer;
    synchronized (this) {
      timer = thread;
    }
    if (timer != null) {
      LockSupport.unpark(timer);
    }
  }

  private void fireDueTimers() {
    while (true) {
      DelayedWork<?> due = null;
      int queueId = 0;
      long parkNanos = -1;
      synchronized (this) {
        awake = true;
        if (size > 0) {
          DelayedWork<?> first = at(0);
          long wait = first.deadline - System.nanoTime();
          if (wait <= 0) {
            removeAt(0);
            due = first;
            queueId = first.armedFor;
          } else {
            parkNanos = wait;
            parkedUntil = first.deadline;
          }
        }
        if (due == null) {
          parkedWithNoTimers = parkNanos < 0;
          awake = false;
        }
      }
      if (due != null) {
        linkFired(queueId, due);
      } else if (parkNanos < 0) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, parkNanos);
      }
    }
  }

  private void removeAt(int index) {
    DelayedWork<?> removed = at(index);
    size--;
    DelayedWork<?> last = at(size);
    heap[size] = null;
    removed.heapIndex = -1;
    if (index == size) {
      return;
    }
    heap[index] = last;
    last.heapIndex = index;
    if (index > 0 && last.deadline - at((index - 1) >>> 1).deadline < 0) {
      siftUp(index);
    } else {
      siftDown(index);
    }
  }

  private DelayedWork<?> at(int index) {
    DelayedWork<?> slot = heap[index];
    if (slot == null) {
      throw new AssertionError("timer heap hole at " + index + " of " + size);
    }
    return slot;
  }

  private void siftUp(int index) {
    DelayedWork<?> slot = at(index);
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      DelayedWork<?> above = at(parent);
      if (slot.deadline - above.deadline >= 0) {
        break;
      }
      heap[index] = above;
      above.heapIndex = index;
      index = parent;
    }
    heap[index] = slot;
    slot.heapIndex = index;
  }

  private void siftDown(int index) {
    DelayedWork<?> slot = at(index);
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      DelayedWork<?> smaller = at(child);
      int right = child + 1;
      if (right < size && at(right).deadline - smaller.deadline < 0) {
        child = right;
        smaller = at(child);
      }
      if (slot.deadline - smaller.deadline <= 0) {
        break;
      }
      heap[index] = smaller;
      smaller.heapIndex = index;
      index = child;
    }
    heap[index] = slot;
    slot.heapIndex = index;
  }
}

package io.github.worklint.workqueue;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The timers of every {@link DelayedWork} slot: one intrusive binary min-heap of slots ordered by
 * deadline, each slot storing its own heap index, so arming, re-arming and disarming are
 * O(log n) and allocate nothing (the array grows by doubling and never shrinks). One daemon
 * thread, started with the first timer and woken only for a new earliest deadline, fires them:
 * it only links a due slot into its queue ({@link DelayedTimers#linkFired}) and never runs user
 * code, so a slow run cannot delay another queue's timers.
 *
 * <p>The heap and each slot's timer fields are guarded by this object's monitor: a monitor, not
 * a {@code ReentrantLock}, which allocates queue nodes when contended.
 */
final class TimerHeap {

  private @Nullable DelayedWork<?>[] heap = new DelayedWork<?>[64];
  private int size;
  private @Nullable Thread thread;
  /** Whether the timer thread is about to re-read the heap, so nobody needs to wake it. */
  private boolean awake;
  /** The deadline the parked timer thread wakes for; meaningless when it parks with no timers. */
  private long parkedUntil;
  private boolean parkedWithNoTimers;

  /** The id of the queue an armed slot will be queued on, or 0 if it is not armed. */
  int armedFor(DelayedWork<?> slot) {
    synchronized (this) {
      return slot.heapIndex >= 0 ? slot.armedFor : 0;
    }
  }

  /** The deadline of an armed slot (for tests). */
  long deadlineOf(DelayedWork<?> slot) {
    synchronized (this) {
      return slot.deadline;
    }
  }

  /** Whether the timer thread is parked (or not started); for tests that must not wake it. */
  boolean timerThreadParked() {
    synchronized (this) {
      return !awake;
    }
  }

  /** What is wrong with the heap (a slot's index, the order), or null; for tests. */
  @Nullable String heapProblem() {
    synchronized (this) {
      for (int i = 0; i < size; i++) {
        DelayedWork<?> slot = heap[i];
        if (slot == null || slot.heapIndex != i) {
          return "heap[" + i + "] = " + slot + (slot == null ? "" : " at index " + slot.heapIndex);
        }
        DelayedWork<?> parent = i == 0 ? null : heap[(i - 1) >>> 1];
        if (parent != null && slot.deadline - parent.deadline < 0) {
          return "heap[" + i + "] is due before its parent";
        }
      }
      for (int i = size; i < heap.length; i++) {
        if (heap[i] != null) {
          return "heap[" + i + "] is set beyond the size " + size;
        }
      }
      return null;
    }
  }

  /** The number of armed timers, all queues together. */
  int armedCount() {
    synchronized (this) {
      return size;
    }
  }

  // ---- the heap, under this monitor. Deadlines are read from the clock under the monitor, so a
  // re-arm with the same delay never moves a deadline earlier than the arm it follows.

  void arm(DelayedWork<?> slot, int queueId, long nanos) {
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
  int rearm(DelayedWork<?> slot, int queueId, long nanos) {
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
  int takeArmed(DelayedWork<?> slot) {
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
        DelayedTimers.linkFired(queueId, due);
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

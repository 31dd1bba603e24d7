package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * An intrusive work slot: the pending and running state of one kind of deferred work of an item,
 * and its link in a queue. An item holds one {@code private final Work<P>} field per kind of work,
 * initialised with {@code new Work<>()} and marked {@link Slot}; the pointer type {@code P} is the
 * only one that can queue it, so the slot only ever runs {@code P.run()}.
 *
 * <p>Queueing a slot allocates nothing: the slot is its own queue node.
 *
 * @param <P> the pointer type that owns this slot
 */
public final class Work<P extends WorkItemPointer<?, P>> {

  // State bits. PENDING: queued, or handed to the worker that runs it (RERUN). It is the
  // ownership token: whoever sets it links the slot; whoever clears it consumes that instance.
  static final int PENDING = 1;
  static final int RUNNING = 2;
  /** Dequeued while running on another worker, which runs it again when it finishes. */
  static final int RERUN = 4;
  /** A cancelSync is waiting; enqueues fail meanwhile, as in the kernel. */
  static final int CANCELING = 8;

  private static final VarHandle STATE;
  private static final VarHandle DONE_SEQ;
  private static final VarHandle QUEUED_SEQ;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Work.class, "state", int.class);
      DONE_SEQ = lookup.findVarHandle(Work.class, "doneSeq", long.class);
      QUEUED_SEQ = lookup.findVarHandle(Work.class, "queuedSeq", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int state;

  /**
   * The id of the queue this slot is linked in ({@link QueueIds}), or 0. Written under that
   * queue's lock.
   */
  volatile int linkedIn;

  // Guarded by linkedIn's lock.
  @Nullable Work<?> prev;
  @Nullable Work<?> next;

  /** The pointer of the pending instance; written by the enqueuer that set PENDING. */
  private @Nullable P pointer;

  /** The pointer of the running instance; touched only by the worker that runs it. */
  private @Nullable P runningPointer;

  /**
   * The queue whose instance was handed to the worker running this slot (state RERUN). Written
   * by that queue's worker before it sets RERUN, so whoever sees RERUN sees it.
   */
  @Nullable WorkQueue rerunFor;

  /** The queue-wide ticket of the pending instance, for {@link WorkQueue#flush()}. */
  long ticket;

  /**
   * Instances accepted so far; while PENDING is set, also the number of the pending one. Only the
   * holder of PENDING writes it.
   */
  private volatile long queuedSeq;

  /** The instance running now (valid while RUNNING). */
  volatile long runningSeq;

  /** The highest instance that finished running or was cancelled. */
  private volatile long doneSeq;

  /** Creates an idle slot. */
  public Work() {}

  /** Whether an instance is queued and has not started running. */
  public boolean isPending() {
    return (state & PENDING) != 0;
  }

  /** Whether an instance is running now. */
  boolean isRunning() {
    return (state & RUNNING) != 0;
  }

  int state() {
    return state;
  }

  boolean compareAndSetState(int expected, int next) {
    return STATE.compareAndSet(this, expected, next);
  }

  /**
   * Takes the PENDING token, unless the slot is pending or being cancelled. A caller that finds
   * the slot pending still performs a volatile read-modify-write, ordered before the one that
   * consumes the pending instance, so that it happens-before the run that is about to start.
   */
  boolean tryMarkPending() {
    int state = this.state;
    if (state == 0 && STATE.compareAndSet(this, 0, PENDING)) {
      return true;
    }
    while (true) {
      state = (int) STATE.getAndBitwiseOr(this, 0);
      if ((state & (PENDING | CANCELING)) != 0) {
        return false;
      }
      if (STATE.compareAndSet(this, state, state | PENDING)) {
        return true;
      }
    }
  }

  /** Gives back a PENDING token that was taken but never linked. */
  void unmarkPending() {
    STATE.getAndBitwiseAnd(this, ~PENDING);
  }

  /** Sets CANCELING; returns false if another cancelSync already holds it. */
  boolean beginCanceling() {
    return ((int) STATE.getAndBitwiseOr(this, CANCELING) & CANCELING) == 0;
  }

  void endCanceling() {
    STATE.getAndBitwiseAnd(this, ~CANCELING);
  }

  /** Records the instance whose PENDING token the caller holds. */
  void acceptInstance(P pointer) {
    this.pointer = pointer;
    QUEUED_SEQ.getAndAdd(this, 1L);
  }

  long queuedSeq() {
    return queuedSeq;
  }

  /**
   * Makes the pending instance the running one. Called by the worker that is about to clear
   * PENDING, before it does: once PENDING is clear, an enqueue may replace the pointer.
   */
  void beginInstance() {
    runningPointer = pointer;
    runningSeq = queuedSeq;
  }

  /** Runs the instance begun by {@link #beginInstance()}. */
  void runInstance() {
    P p = runningPointer;
    if (p == null) {
      throw new IllegalStateException(this + " has no instance to run");
    }
    p.run();
  }

  long doneSeq() {
    return doneSeq;
  }

  void markDone(long seq) {
    long done = doneSeq;
    while (done < seq && !DONE_SEQ.compareAndSet(this, done, seq)) {
      done = doneSeq;
    }
  }

  /**
   * The slot's name for messages, "Item.field (pointer type P)", from its last queued instance (a
   * slot that was never queued is not running, so a message never needs that case).
   */
  String describeSlot() {
    P p = pointer;
    if (p == null) {
      return toString();
    }
    HasWork<?, P> hasWork = p.hasWork();
    return hasWork.itemType().getName() + "." + hasWork.fieldName() + " (pointer type "
        + hasWork.pointerType().getName() + ")";
  }

  @Override
  public String toString() {
    P p = pointer;
    return "Work[" + (p == null ? "never queued" : p.getClass().getSimpleName())
        + (isPending() ? ", pending" : "") + (isRunning() ? ", running" : "") + "]";
  }
}

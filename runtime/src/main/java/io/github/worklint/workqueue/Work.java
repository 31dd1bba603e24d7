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
  private static final VarHandle NEXT;
  private static final VarHandle LINKED_IN;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Work.class, "state", int.class);
      DONE_SEQ = lookup.findVarHandle(Work.class, "doneSeq", long.class);
      QUEUED_SEQ = lookup.findVarHandle(Work.class, "queuedSeq", long.class);
      NEXT = lookup.findVarHandle(Work.class, "next", Work.class);
      LINKED_IN = lookup.findVarHandle(Work.class, "linkedIn", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int state;

  /**
   * The id of the queue this slot is linked in ({@link QueueIds}), or 0: in its inbox or its ready
   * list, not yet taken by a worker. Written by the holder of PENDING just before it pushes the
   * slot onto that queue's inbox (release: the push that follows is a full fence), and back to 0
   * under that queue's lock when a worker takes the slot or a cancel removes it.
   */
  volatile int linkedIn;

  /**
   * While the slot is in a queue's inbox (a stack, see {@link WorkQueue}): the slot pushed before
   * it, or null for the first; the slot itself while its pusher has swapped it in but not yet
   * written the link. While it is in a ready list: its successor there, guarded by that queue's
   * lock, as {@link #prev} is.
   */
  @Nullable Work<?> next;

  @Nullable Work<?> prev;

  /** Whether the slot is in the ready list of queue {@link #linkedIn}; guarded by its lock. */
  boolean inReady;

  /** The pointer of the pending instance; written by the enqueuer that set PENDING. */
  private @Nullable P pointer;

  /** The pointer of the running instance; touched only by the worker that runs it. */
  private @Nullable P runningPointer;

  /**
   * The queue whose instance was handed to the worker running this slot (state RERUN). Written
   * by that queue's worker before it sets RERUN, so whoever sees RERUN sees it; only that queue
   * may take the instance back (another queue's RERUN seen later is another hand-off).
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

  /** Marks the slot as being pushed: the link to the slot pushed before it is not written yet. */
  void markPushing() {
    next = this; // a store to itself needs no card mark; the exchange that follows publishes it
  }

  /** Writes the link to the slot pushed before this one, ending {@link #markPushing()}. */
  @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
  void linkBehind(@Nullable Work<?> older) {
    NEXT.setRelease(this, older);
  }

  /**
   * The slot pushed before this one in an inbox, waiting out the few instructions between its
   * pusher's exchange and its write of the link.
   */
  @Nullable Work<?> awaitOlder() {
    Object older;
    while ((older = NEXT.getAcquire(this)) == this) {
      Thread.onSpinWait();
    }
    return (Work<?>) older;
  }

  /** Whether a push of this slot has begun and has not written its link yet. */
  boolean isBeingPushed() {
    return NEXT.getAcquire(this) == this;
  }

  void setLinkedIn(int queueId) {
    LINKED_IN.setRelease(this, queueId);
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

  /**
   * Records the instance whose PENDING token the caller holds and returns its number. Only the
   * holder of PENDING writes queuedSeq, so a release store suffices: the push that links the slot
   * is a full fence, and a worker reads both after it has taken the slot from the queue.
   */
  long acceptInstance(P pointer) {
    this.pointer = pointer;
    long seq = queuedSeq + 1;
    QUEUED_SEQ.setRelease(this, seq);
    return seq;
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

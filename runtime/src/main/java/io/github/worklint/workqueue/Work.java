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
  /**
   * The pending instance is in a worker's batch: out of its queue's list, not started. Set with a
   * new claim tag by that worker under its queue's lock; whoever clears it by compare-and-set,
   * while the tag is the one it knows, owns the instance: the worker to start it or hand it off,
   * a cancel to drop it, modDelayed to re-arm it, the worker again to give it back to its queue.
   */
  static final int CLAIMED = 16;

  /**
   * The claim tag: the upper 24 bits of the state, one more at every claim. A worker whose batch
   * still names a slot that was stolen from it, queued again and claimed by another worker finds
   * another tag, so it never starts an instance it did not claim (2^24 claims of one slot would
   * have to happen between its read of the state and its compare-and-set).
   */
  static final int TAG_MASK = 0xFFFFFF00;

  private static final int TAG_UNIT = 0x100;

  /** What {@link #startClaimed} found. */
  static final int STARTED = 0;

  static final int RUNNING_ELSEWHERE = 1;
  static final int GONE = 2;

  private static final VarHandle STATE;
  private static final VarHandle DONE_SEQ;
  private static final VarHandle QUEUED_SEQ;
  private static final VarHandle LINKED_IN;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Work.class, "state", int.class);
      DONE_SEQ = lookup.findVarHandle(Work.class, "doneSeq", long.class);
      QUEUED_SEQ = lookup.findVarHandle(Work.class, "queuedSeq", long.class);
      LINKED_IN = lookup.findVarHandle(Work.class, "linkedIn", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int state;

  /**
   * The id of the queue this slot is linked in ({@link QueueIds}), or 0: in its pending list, not
   * yet taken by a worker. Written by the holder of PENDING just before it appends the slot to
   * that queue's list (release: the exchange that follows is a full fence), and back to 0
   * under that queue's lock when a worker takes the slot or a cancel removes it.
   */
  volatile int linkedIn;

  /**
   * The slot's successor and predecessor in the {@link PendingList} it is in (see there for who
   * writes them when), or in a queue's list of handed-off instances, guarded by its lock.
   */
  @Nullable Work<?> next;

  @Nullable Work<?> prev;

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

  /**
   * The queue-wide ticket of the pending instance, for {@link WorkQueue#flush()}: numbered by its
   * append ({@link PendingList}), then read under the queue's lock.
   */
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
    if ((state & (PENDING | CANCELING)) == 0 && STATE.compareAndSet(this, state, state | PENDING)) {
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

  void setLinkedIn(int queueId) {
    LINKED_IN.setRelease(this, queueId);
  }

  /**
   * Claims the pending instance for a worker's batch, under its queue's lock, just after it left
   * the list (the caller holds its token); returns the claim's tag.
   */
  int claim() {
    while (true) {
      int state = this.state;
      int claimed = (state | CLAIMED) + TAG_UNIT;
      if (STATE.compareAndSet(this, state, claimed)) {
        return claimed & TAG_MASK;
      }
    }
  }

  /** Whether {@code state} is that of the instance claimed with {@code tag}, still claimed. */
  static boolean isClaimed(int state, int tag) {
    return (state & CLAIMED) != 0 && (state & TAG_MASK) == tag;
  }

  /**
   * Starts the instance claimed with {@code tag}: {@link #STARTED} (it is the running one now),
   * {@link #RUNNING_ELSEWHERE} (a former instance still runs: the caller hands this one off) or
   * {@link #GONE} (the claim was stolen: cancelled, re-armed or given back). The pointer and number
   * are read before the compare-and-set, while the claim still holds the token, and become the
   * running instance's after it: no other worker can start this slot meanwhile (it is RUNNING),
   * and a reader of {@link #runningSeq} that sees RUNNING with the former number only waits longer.
   */
  int startClaimed(int tag) {
    while (true) {
      int state = this.state;
      if (!isClaimed(state, tag)) {
        return GONE;
      }
      if ((state & RUNNING) != 0) {
        return RUNNING_ELSEWHERE;
      }
      P p = pointer;
      long seq = queuedSeq;
      if (STATE.compareAndSet(this, state, (state & ~(PENDING | CLAIMED)) | RUNNING)) {
        runningPointer = p;
        runningSeq = seq;
        return STARTED;
      }
    }
  }

  /**
   * Hands the instance claimed with {@code tag} to the worker running this slot, for {@code
   * queue} (RERUN), under that queue's lock; false if the claim was stolen or the run ended (the
   * caller tries {@link #startClaimed} again).
   */
  boolean handOffClaimed(int tag, WorkQueue queue) {
    while (true) {
      int state = this.state;
      if (!isClaimed(state, tag) || (state & RUNNING) == 0) {
        return false;
      }
      rerunFor = queue;
      if (STATE.compareAndSet(this, state, (state & ~CLAIMED) | RERUN)) {
        return true;
      }
    }
  }

  /**
   * Takes the instance claimed with {@code tag} out of its worker's batch, keeping the token
   * (the worker gives it back to its queue, or modDelayed re-arms it) or consuming it (a cancel);
   * false if the claim is gone.
   */
  boolean stealClaim(int tag, boolean keepToken) {
    while (true) {
      int state = this.state;
      if (!isClaimed(state, tag)) {
        return false;
      }
      int cleared = keepToken ? CLAIMED : CLAIMED | PENDING;
      if (STATE.compareAndSet(this, state, state & ~cleared)) {
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

  /**
   * Records the instance whose PENDING token the caller holds and returns its number. Only the
   * holder of PENDING writes queuedSeq, so a release store suffices: the append that links the slot
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

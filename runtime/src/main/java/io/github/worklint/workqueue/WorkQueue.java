package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A queue of work slots and the workers that run them, with the Linux kernel workqueue's
 * semantics: a slot is queued at most once at a time, never runs concurrently with itself, and
 * waiting on yourself is an error rather than a deadlock.
 *
 * <p>The waiting operations ({@link #flush(WorkItemPointer)}, {@link #cancelSync}, {@link
 * #flush()}, {@link #drain()}, {@link #close()}) block uninterruptibly, as the kernel's do; an
 * interrupt that arrives meanwhile stays set on the thread. A wait for a run that is blocked on a
 * lock the waiting thread holds (a monitor or an exclusively owned synchronizer, directly or
 * through a chain of lock owners) throws {@link IllegalStateException} naming the lock, the slot
 * and the threads, instead of hanging; see {@link LockCycleDetector} for what is found.
 *
 * <p>How it is built (the invariants are stated next to the fields they govern). Producers never
 * take a lock: an enqueue is one compare-and-set on the slot's state, which takes its PENDING
 * token, and one atomic exchange that appends the slot to this queue's {@link PendingList}, an
 * intrusive FIFO whose nodes are the slots themselves, numbered for {@link #flush()} as they are
 * appended. Workers, cancels and flushes share the queue's <em>take lock</em>, which no producer
 * ever waits for: under it, a worker takes the oldest slot and a cancel unlinks any slot, each in
 * a few instructions and without a walk. A worker that finds nothing spins briefly, then parks; a
 * producer wakes a parked worker only when its append found the list empty, and a worker that
 * leaves more work behind wakes another. A delayed slot's timer holds its PENDING token while
 * armed and, when it fires, appends the slot like an enqueue ({@link #linkFired}); the queue
 * counts its armed timers so that drain() and close() wait for them.
 */
public final class WorkQueue implements AutoCloseable {

  private static final VarHandle SLEEPERS;
  private static final VarHandle PARKED;
  private static final VarHandle RUNNING;
  private static final VarHandle RUNNING_FOR;
  private static final VarHandle RUNNING_TICKET;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SLEEPERS = lookup.findVarHandle(WorkQueue.class, "sleepers", int.class);
      PARKED = lookup.findVarHandle(Worker.class, "parked", boolean.class);
      RUNNING = lookup.findVarHandle(Worker.class, "running", Work.class);
      RUNNING_FOR = lookup.findVarHandle(Worker.class, "runningFor", WorkQueue.class);
      RUNNING_TICKET = lookup.findVarHandle(Worker.class, "runningTicket", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Checks of the list an idle worker makes before it parks, and pauses between two checks. */
  private static final int SPIN_CHECKS = 16;
  private static final int SPIN_PAUSES = 32;

  private static final ThreadLocal<@Nullable Worker> CURRENT_WORKER = new ThreadLocal<>();

  /** Slot-level waits (flush of one pointer, cancelSync) wait here, whichever queue runs it. */
  private static final Progress SLOT_EVENTS = new Progress(new ReentrantLock());

  /** This queue's {@link QueueIds} id, by which a slot names the queue it is linked in. */
  final int id;

  private final String name;
  private final int maxActive;
  private final boolean ordered;
  private final boolean shared;
  private final Thread.UncaughtExceptionHandler handler;

  /** The take lock: workers, cancels, flushes and drains; never a producer. */
  private final ReentrantLock lock = new ReentrantLock();
  private final Progress progress = new Progress(lock);
  private final Worker[] workers;

  /**
   * The slots queued here and not yet taken, each with PENDING held for it and {@link
   * Work#linkedIn} naming this queue; appended without the lock, removed only under it.
   */
  private final PendingList pending = new PendingList();

  /**
   * Workers that announced they are about to park, or are parked. A producer reads it after its
   * append and a worker increments it before its last look at the list: both are volatile
   * read-modify-writes or reads in one total order, so either the producer sees the sleeper and
   * wakes it, or the sleeper sees the append and does not park. No lost wake-up.
   */
  private volatile int sleepers;

  // Guarded by lock, up to signalAt.
  /**
   * Instances of this queue handed to the worker already running their slot (possibly another
   * queue's worker); they stay this queue's work, for flush() and drain(), until that run ends.
   */
  private final SlotList handedOff = new SlotList();
  /** Tickets of this queue's instances running on other queues' workers (rare: an object each). */
  private final List<Long> foreignRuns = new ArrayList<>();
  /**
   * Waiters of {@link #progress} want a signal once the oldest outstanding ticket reaches this:
   * the lowest target of a waiting flush(), Long.MIN_VALUE while a drain waits (any change), and
   * Long.MAX_VALUE when nobody waits. A waiter lowers it under the lock each time it finds its
   * condition false, just before it waits; a worker that sees it reached resets it and signals,
   * and every waiter that is still short lowers it again. So a flush() of 10^6 items is woken
   * once, not once per item. Volatile, for the workers that advance through their batches
   * without the lock ({@link #progressed}).
   */
  private volatile long signalAt = Long.MAX_VALUE;
  /**
   * Delayed instances armed to fire into this queue (DelayedTimers), or about to be: counted
   * from before the timer is armed until its slot is appended to the list or it is disarmed, so
   * that drain() and close() wait for it. A change signals them ({@link #signalWaiters}).
   */
  private int armedTimers;
  // Read without the lock, to refuse an enqueue before it takes the slot's token (a token taken
  // and given back would make a concurrent enqueue of the same slot report "already pending" for
  // work that never runs), and again after its push (see enqueue).
  private final AtomicInteger drainers = new AtomicInteger();
  private volatile boolean closed;

  private WorkQueue(Builder builder, boolean shared, int id) {
    this.id = id;
    this.name = builder.name;
    this.ordered = builder.ordered;
    this.maxActive =
        builder.ordered ? 1
            : builder.maxActive > 0 ? builder.maxActive
            : Runtime.getRuntime().availableProcessors();
    this.shared = shared;
    Thread.UncaughtExceptionHandler handler = builder.handler;
    this.handler = handler != null ? handler : (t, e) -> reportUncaught(builder.name, t, e);
    ThreadFactory threadFactory = builder.threadFactory;
    ThreadFactory factory =
        threadFactory != null ? threadFactory : defaultThreadFactory(builder.name, shared);
    this.workers = new Worker[maxActive];
    for (int i = 0; i < maxActive; i++) {
      workers[i] = new Worker(this, i, maxActive);
    }
    for (Worker worker : workers) {
      Thread thread = factory.newThread(() -> runWorker(worker));
      if (thread == null) {
        throw new IllegalStateException("the thread factory of queue " + name + " returned null");
      }
      worker.thread = thread;
      thread.start();
    }
  }

  /** The shared queue: daemon workers, one per processor. It cannot be closed. */
  public static WorkQueue system() {
    return SystemQueue.INSTANCE;
  }

  /** Starts building a queue; {@code name} appears in thread names and error messages. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The name this queue was built with. */
  public String name() {
    return name;
  }

  /** The number of workers, and so of slots that can run at once. */
  public int maxActive() {
    return maxActive;
  }

  /** Whether this queue runs one slot at a time, in strict FIFO order. */
  public boolean isOrdered() {
    return ordered;
  }

  /**
   * Queues the slot of {@code pointer}.
   *
   * <p>Everything the caller did before a successful enqueue happens-before the run; so does
   * everything it did before an enqueue that returned false, which the pending run will see.
   *
   * @return true if the slot was queued; false if it was already pending (it is never queued
   *     twice), or a {@link #cancelSync} of it is in progress. A slot that is running may be
   *     queued again; it then runs once more after the current run.
   * @throws IllegalStateException if this queue is closed, or draining and the caller is not one
   *     of its own work items
   */
  public <T, P extends WorkItemPointer<T, P>> boolean enqueue(P pointer) {
    Work<P> work = slotOf(pointer);
    if (refusesEnqueue()) {
      throw enqueueRefused(pointer);
    }
    if (!work.tryMarkPending()) {
      return false;
    }
    long seq = linkPending(work, pointer);
    // close() or drain() may have begun after the first check; this second look comes after the
    // append, so a close() whose workers missed it is seen here (both are volatile accesses in
    // one total order: the workers look at closed before their last look at the list).
    if (refusesEnqueue() && takeBack(work, seq)) {
      throw enqueueRefused(pointer);
    }
    return true;
  }

  /**
   * Links the slot whose PENDING token the caller holds, carrying {@code pointer}, into this
   * queue, and returns the number of that instance. The second half of {@link #enqueue}: the
   * caller took the token ({@link Work#tryMarkPending()}) earlier, possibly on another thread.
   * It refuses nothing: a queue that is draining or closing accepts the instance (whoever holds
   * a token for this queue must be waited for by drain and close).
   */
  <P extends WorkItemPointer<?, P>> long linkPending(Work<P> work, P pointer) {
    long seq = work.acceptInstance(pointer);
    push(work);
    return seq;
  }

  /** Appends a slot whose PENDING token the caller holds and whose instance it has accepted. */
  private void push(Work<?> work) {
    PendingList.markAppending(work); // before linkedIn: see markAppending
    work.setLinkedIn(id);
    // Only an append to an empty list can find every worker asleep: an append behind another
    // slot follows an append that saw the same sleepers, or a worker still awake, which takes
    // slots until it finds the list empty.
    if (pending.append(work) && sleepers != 0) {
      wakeOne();
    }
  }

  /**
   * Takes back instance {@code seq} of {@code work} that this queue refused after linking it;
   * false if a worker already took it, which then counts as accepted.
   */
  private boolean takeBack(Work<?> work, long seq) {
    lock.lock();
    try {
      if (work.linkedIn != id || work.queuedSeq() != seq || !removeQueued(work)) {
        return false;
      }
      work.markDone(seq);
      work.unmarkPending();
      signalWaiters();
    } finally {
      lock.unlock();
    }
    SLOT_EVENTS.signal();
    return true;
  }

  /**
   * Arms the delayed slot of {@code pointer}: its instance is queued here once {@code delay} has
   * passed, and never before (the monotonic clock of {@link System#nanoTime()}). The kernel's
   * {@code queue_delayed_work}. While armed, the slot is pending: {@link #enqueue} and this method
   * return false for it, {@link #cancel} disarms it, {@link #flush(WorkItemPointer)} fires it at
   * once and waits for it, {@link #drain()} and {@link #close()} wait for it to fire and run, and
   * {@link #flush()} does not wait for it.
   *
   * <p>A zero or negative delay queues the instance at once, as {@link #enqueue} does; a delay
   * longer than {@link DelayedTimers#MAX_DELAY} (2<sup>61</sup> ns, about 73 years) is clamped to
   * it. Arming allocates nothing: the slot is its own timer.
   *
   * @return true if the slot was armed (or queued); false if it was already pending, armed or
   *     queued, in which case its deadline is left as it was, or a {@link #cancelSync} of it is in
   *     progress
   * @throws NullPointerException if {@code pointer} or {@code delay} is null
   * @throws IllegalStateException as {@link #enqueue} does (closed, or draining and the caller is
   *     not one of its own work items); the slot is left as it was
   */
  public <T, P extends DelayedWorkItemPointer<T, P>> boolean enqueueDelayed(
      P pointer, Duration delay) {
    return DelayedTimers.enqueueDelayed(this, pointer, delay);
  }

  /**
   * Arms the delayed slot of {@code pointer} with a new deadline, whatever state it is in: the
   * kernel's {@code mod_delayed_work}. An armed instance is re-armed, a queued one is taken back
   * out of its queue and armed (a zero or negative delay queues it at once), an idle slot is
   * armed as by {@link #enqueueDelayed}; the instance then runs on this queue. A running instance
   * is not affected: the new one runs after it. Delays are clamped as by {@link #enqueueDelayed}.
   *
   * @return true if an instance was pending (armed or queued) and is now re-armed; false if the
   *     slot was idle and is now armed, or a {@link #cancelSync} of it is in progress (then
   *     nothing is armed)
   * @throws NullPointerException if {@code pointer} or {@code delay} is null
   * @throws IllegalStateException as {@link #enqueueDelayed} does; the slot is left as it was
   */
  public <T, P extends DelayedWorkItemPointer<T, P>> boolean modDelayed(
      P pointer, Duration delay) {
    return DelayedTimers.modDelayed(this, pointer, delay);
  }

  /** Throws unless this queue accepts an enqueue from the caller now. */
  void checkAccepts(WorkItemPointer<?, ?> pointer) {
    if (refusesEnqueue()) {
      throw enqueueRefused(pointer);
    }
  }

  /**
   * Counts one more timer that will fire into this queue (drain and close wait for it), unless
   * the queue no longer accepts work from the caller: then it throws, counting nothing.
   */
  void reserveTimer(WorkItemPointer<?, ?> pointer) {
    lock.lock();
    try {
      checkAccepts(pointer);
      armedTimers++;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets a timer counted by {@link #reserveTimer} that was disarmed, never armed, or fired
   * and pushed, and wakes a drain() or close() that it may leave done.
   */
  void releaseTimer() {
    lock.lock();
    try {
      armedTimers--;
      signalWaiters();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Links a fired timer's slot, whose PENDING token its timer held and whose instance it
   * accepted when it was armed, then forgets the timer. The push comes first, so drain() never
   * sees neither the timer nor the slot; the count drops under the lock, which signals a drain()
   * that the run may already have left idle. Accepted even while the queue drains, as by
   * {@link #linkPending}.
   */
  void linkFired(Work<?> work) {
    push(work);
    releaseTimer();
  }

  /**
   * Takes a slot queued here out of the pending list without giving up its PENDING
   * token (modDelayed moves the instance to a timer); false if it is not queued here, or its
   * push has not finished (the caller retries).
   */
  boolean unlinkKeepingToken(Work<?> work) {
    lock.lock();
    try {
      if (work.linkedIn != id || !removeQueued(work)) {
        return false;
      }
      signalWaiters();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private boolean refusesEnqueue() {
    return closed || (drainers.get() > 0 && !isOwnWorker());
  }

  private IllegalStateException enqueueRefused(WorkItemPointer<?, ?> pointer) {
    return new IllegalStateException(
        "queue " + name + " is " + (closed ? "closed" : "draining")
            + ": cannot enqueue " + pointer.getClass().getName());
  }

  /**
   * Runs {@code task} once on this queue: one-off closure work, allocated per call.
   *
   * @throws IllegalStateException as {@link #enqueue} does
   */
  public void spawn(Runnable task) {
    enqueue(new SpawnedTask(Objects.requireNonNull(task, "task")).pointer());
  }

  /**
   * Removes the pending instance of the slot of {@code pointer}, wherever it is queued. Does not
   * wait for a running instance.
   *
   * @return true if an instance was pending and will now not run
   */
  public <T, P extends WorkItemPointer<T, P>> boolean cancel(P pointer) {
    Work<P> work = slotOf(pointer);
    return grabPending(work, DelayedTimers.delayedSlotOf(pointer));
  }

  /**
   * Cancels the pending instance and waits for a running one to finish. The slot cannot be queued
   * meanwhile (enqueue returns false), so this also stops a slot that re-queues itself.
   *
   * @return true if an instance was pending
   * @throws IllegalStateException if called from the slot's own run
   */
  public <T, P extends WorkItemPointer<T, P>> boolean cancelSync(P pointer) {
    Work<P> work = slotOf(pointer);
    rejectSelfWait(work, "cancelSync", pointer, false, null);
    giveBackBatch();
    boolean owner = work.beginCanceling();
    try {
      boolean wasPending = grabPending(work, DelayedTimers.delayedSlotOf(pointer));
      SLOT_EVENTS.await(() -> !work.isRunning(), CANCEL_SYNC, work, Long.MAX_VALUE);
      return wasPending;
    } finally {
      if (owner) {
        work.endCanceling();
      }
    }
  }

  /**
   * Waits until the last queued instance of the slot of {@code pointer} has finished running
   * (or was cancelled), wherever it is queued. An armed delayed instance is queued at once, on
   * the queue it was armed for, and waited for (the kernel's {@code flush_delayed_work}).
   *
   * @return true if it waited; false if the slot was idle
   * @throws IllegalStateException if called from the slot's own run, or from a worker of the
   *     single-worker queue on which the slot is pending or armed
   */
  public <T, P extends WorkItemPointer<T, P>> boolean flush(P pointer) {
    Work<P> work = slotOf(pointer);
    DelayedWork<?> delayed = DelayedTimers.delayedSlotOf(pointer);
    giveBackBatch(); // first: the self-wait check then sees a slot given back as queued
    rejectSelfWait(work, "flush", pointer, true, delayed);
    boolean fired = delayed != null && DelayedTimers.fireNow(delayed);
    if (!fired && (work.state() & (Work.PENDING | Work.RUNNING)) == 0) {
      return false;
    }
    long target = work.queuedSeq();
    SLOT_EVENTS.await(
        () -> work.doneSeq() >= target && !(work.isRunning() && work.runningSeq <= target),
        FLUSH_SLOT, work, Long.MAX_VALUE);
    return true;
  }

  /**
   * Waits until everything queued on this queue before the call has finished running.
   *
   * @throws IllegalStateException if called from a worker of this queue
   */
  public void flush() {
    rejectOwnWorker("flush");
    giveBackBatch();
    long target;
    lock.lock();
    try {
      target = pending.ticketAfterNewest();
    } finally {
      lock.unlock();
    }
    progress.await(() -> flushedThrough(target), FLUSH_QUEUE, this, target);
  }

  /**
   * Waits until this queue is empty and idle, including work that its own work items queue
   * meanwhile, and until no delayed instance is armed for it (each fires at its deadline and
   * runs). Until then, enqueues from other threads throw.
   *
   * @throws IllegalStateException if called from a worker of this queue
   */
  public void drain() {
    rejectOwnWorker("drain");
    giveBackBatch();
    lock.lock();
    try {
      drainers.incrementAndGet();
      try {
        progress.await(this::drained, DRAIN, this, Long.MAX_VALUE);
      } finally {
        drainers.decrementAndGet();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drains the queue (armed delayed instances included: they run at their deadlines), then stops
   * its workers and waits for them to exit. Later enqueues throw. Idempotent.
   *
   * @throws IllegalStateException if called from a worker of this queue
   * @throws UnsupportedOperationException on {@link #system()}, which other users share
   */
  @Override
  public void close() {
    if (shared) {
      throw new UnsupportedOperationException("the system queue is shared and cannot be closed");
    }
    rejectOwnWorker("close");
    giveBackBatch();
    boolean closesNow = false;
    lock.lock();
    try {
      if (!closed) {
        closesNow = true;
        drainers.incrementAndGet();
        try {
          progress.await(this::drained, CLOSE, this, Long.MAX_VALUE);
        } finally {
          drainers.decrementAndGet();
        }
        closed = true;
        wakeAll();
      }
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    for (Worker worker : workers) {
      Thread thread = worker.thread;
      while (thread != null && thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (closesNow) {
      QueueIds.release(id); // drained: no slot is linked in this queue any more
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "WorkQueue[" + name + ", maxActive=" + maxActive + (ordered ? ", ordered" : "") + "]";
  }

  // ---- the slot of a pointer

  static <T, P extends WorkItemPointer<T, P>> Work<P> slotOf(P pointer) {
    Objects.requireNonNull(pointer, "pointer");
    HasWork<T, P> hasWork = pointer.hasWork();
    if (hasWork.pointerType() != pointer.getClass()) {
      throw new IllegalArgumentException(
          pointer.getClass().getName() + ".hasWork() returns the descriptor of "
              + hasWork.pointerType().getName() + "'s slot " + hasWork.itemType().getName() + "."
              + hasWork.fieldName() + ": it would run in another pointer type's slot");
    }
    T item = pointer.item();
    if (item == null) {
      throw new NullPointerException(pointer.getClass().getName() + ".item() returned null");
    }
    return hasWork.workOf(item);
  }

  // ---- the pending list, guarded by lock

  /**
   * Removes {@code work}, which names this queue in linkedIn, from the pending list; false if it
   * is not linked there yet (its enqueue took the token but has not finished its append).
   */
  private boolean removeQueued(Work<?> work) {
    if (!pending.isLinked(work)) {
      return false;
    }
    pending.remove(work);
    work.setLinkedIn(0);
    return true;
  }

  /**
   * Takes the pending instance of {@code work} out of the queue it is in, whatever queue that is,
   * or out of its timer when {@code delayed} (the slot that embeds {@code work}, if any) is
   * armed. Spins in the short window where an enqueue or a timer has taken the token but not yet
   * pushed the slot.
   */
  static boolean grabPending(Work<?> work, @Nullable DelayedWork<?> delayed) {
    while (true) {
      int state = work.state();
      if ((state & Work.PENDING) == 0) {
        return false;
      }
      if ((state & Work.CLAIMED) != 0) {
        // In a worker's batch: steal the claim; the worker skips the slot when it gets there.
        long seq = work.queuedSeq(); // the claimed instance's while the claim holds
        if (work.stealClaim(state & Work.TAG_MASK, false)) {
          work.markDone(seq);
          SLOT_EVENTS.signal();
          return true;
        }
        continue;
      }
      if ((state & Work.RERUN) != 0) {
        WorkQueue owner = work.rerunFor;
        if (owner != null && owner.takeHandedOff(work, null)) {
          SLOT_EVENTS.signal();
          return true;
        }
        continue;
      }
      WorkQueue queue = QueueIds.get(work.linkedIn);
      if (queue == null) {
        if (delayed != null && DelayedTimers.disarm(delayed)) {
          SLOT_EVENTS.signal();
          return true;
        }
        Thread.onSpinWait();
        continue;
      }
      if (queue.unlinkPending(work)) {
        SLOT_EVENTS.signal();
        return true;
      }
      Thread.onSpinWait();
    }
  }

  private boolean unlinkPending(Work<?> work) {
    lock.lock();
    try {
      if (work.linkedIn != id) {
        return false;
      }
      if (!removeQueued(work)) {
        return false; // its enqueue has not pushed it yet
      }
      work.markDone(work.queuedSeq());
      work.unmarkPending();
      signalWaiters();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Tickets grow in queue order, so the oldest of each list is its first. */
  private long oldestOutstandingTicket() {
    Work<?> handedFirst = handedOff.first();
    long oldest = pending.oldestTicket();
    if (handedFirst != null) {
      oldest = Math.min(oldest, handedFirst.ticket);
    }
    for (Worker worker : workers) {
      oldest = Math.min(oldest, worker.oldestTicket());
    }
    for (long ticket : foreignRuns) {
      oldest = Math.min(oldest, ticket);
    }
    return oldest;
  }

  /**
   * flush()'s condition, evaluated under the lock. signalAt is lowered before the tickets are
   * read: workers advance without the lock, storing their ticket before they read signalAt
   * ({@link #progressed}), so one of the two sees the other. Read first, a worker could finish
   * between the read and the store and never see the waiter (a lost signal, found by the test).
   */
  private boolean flushedThrough(long target) {
    signalAt = Math.min(signalAt, target);
    return oldestOutstandingTicket() >= target;
  }

  /** drain()'s and close()'s condition, evaluated under the lock; signalAt first, as above. */
  private boolean drained() {
    signalAt = Long.MIN_VALUE;
    return isIdle();
  }

  /** After a change of the outstanding tickets, under the lock: wakes waiters that may be done. */
  private void signalWaiters() {
    // The pending list's oldest ticket first: while it is short of the target (a flush() of a
    // long batch, for every dequeue but the last few), the workers' tickets are not read at all.
    if (signalAt != Long.MAX_VALUE && oldestOutstandingTicket() >= signalAt) {
      signalAt = Long.MAX_VALUE;
      progress.signal();
    }
  }

  private boolean isIdle() {
    return armedTimers == 0 && oldestOutstandingTicket() == Long.MAX_VALUE;
  }

  // ---- the workers

  private void runWorker(Worker me) {
    CURRENT_WORKER.set(me);
    try {
      while (true) {
        // Read before take() looks at the list: an enqueue that appends after that look reads
        // closed after its append, sees it set, and takes its slot back (see enqueue).
        boolean closing = closed;
        Work<?> work = take(me);
        if (work == null) {
          if (closing) {
            return;
          }
          work = awaitWork(me); // what it stole, if anything
          if (work == null) {
            continue;
          }
        }
        runAndRerun(me, work);
        long held = me.runningTicket;
        me.endRun();
        progressed(me, held);
      }
    } finally {
      CURRENT_WORKER.remove();
    }
  }

  /**
   * The next slot this worker may run, already marked running; null if there is none now. A slot
   * that is still running on another worker is handed to that worker instead, which is how a slot
   * never runs concurrently with itself.
   */
  private @Nullable Work<?> take(Worker me) {
    Batch batch = me.batch;
    while (true) {
      Work<?> work;
      while ((work = batch.peekSlot()) != null) {
        int tag = batch.peekTag();
        long ticket = batch.peekTicket();
        batch.advance();
        int outcome = work.startClaimed(tag);
        if (outcome == Work.STARTED) {
          me.publishRun(work, this, ticket);
          me.setBatchTicket(batch.nextTicket());
          return work;
        }
        if (outcome == Work.RUNNING_ELSEWHERE && handOff(work, tag) == Work.STARTED) {
          me.publishRun(work, this, ticket);
          me.setBatchTicket(batch.nextTicket());
          return work;
        }
        me.setBatchTicket(batch.nextTicket()); // handed off (counted in that list) or stolen
        progressed(me, ticket);
      }
      return claimBatch(me);
    }
  }

  /**
   * For this worker, which found the list empty: starts the oldest instance another worker claimed
   * and has not started, rather than leave it behind a long or blocked run while this worker has
   * nothing (a run that waits for it, by any means, would wait forever); null if there is none.
   */
  private @Nullable Work<?> stealClaimed(Worker me) {
    if (!othersHoldClaims(me)) {
      return null;
    }
    lockTake();
    try {
      for (Worker other : workers) {
        if (other == me) {
          continue;
        }
        long holding = other.batchTicket;
        Work<?> work;
        while ((work = other.batch.stealOldest()) != null) {
          if (startOrHandOff(work)) {
            me.publishRun(work, this, work.ticket);
            return work;
          }
          handedOff.append(work);
        }
        // Everything left there was started, stolen or cancelled: look again once it moves on.
        me.nothingToStealAt[other.index] = holding;
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether another worker may hold instances it claimed and has not started (volatile reads): its
   * batch is not used up, and it moved on since this worker last found nothing to steal there.
   */
  private boolean othersHoldClaims(Worker me) {
    for (Worker other : workers) {
      long holding = other.batchTicket;
      if (other != me && holding != Long.MAX_VALUE
          && holding != me.nothingToStealAt[other.index]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Hands the instance claimed with {@code tag} to the worker that still runs its slot; returns
   * {@link Work#STARTED} if that run ended first and this worker started the instance itself, or
   * {@link Work#GONE} if it was handed off or its claim was stolen.
   */
  private int handOff(Work<?> work, int tag) {
    while (true) {
      lock.lock();
      try {
        if (work.handOffClaimed(tag, this)) {
          handedOff.append(work);
          return Work.GONE;
        }
      } finally {
        lock.unlock();
      }
      int outcome = work.startClaimed(tag);
      if (outcome != Work.RUNNING_ELSEWHERE) {
        return outcome;
      }
    }
  }

  /**
   * Under the lock: starts the oldest instance of the list (or hands it to the worker still
   * running its slot, and starts the next), then claims the ones after it for this worker's batch,
   * up to its share of what is queued (so that a short list is spread over the workers). Returns
   * the started instance, null if the list had none. Starting the first one here, not claiming
   * it, saves a compare-and-set on its state for every take of the lock.
   */
  private @Nullable Work<?> claimBatch(Worker me) {
    Batch batch = me.batch;
    Work<?> started = null;
    boolean moreLeft;
    lockTake();
    try {
      batch.clear();
      long share = pending.estimatedLength() / maxActive;
      while (started == null) {
        Work<?> work = pending.poll();
        if (work == null) {
          return null;
        }
        work.setLinkedIn(0);
        if (startOrHandOff(work)) {
          me.publishRun(work, this, work.ticket);
          started = work;
        } else {
          handedOff.append(work);
        }
      }
      int wanted = (int) Math.min(Batch.MAX, share) - 1;
      for (int i = 0; i < wanted; i++) {
        Work<?> work = pending.poll();
        if (work == null) {
          break;
        }
        // Claimed before linkedIn clears: a cancel sees the claim, or the list it is still in.
        int tag = work.claim();
        work.setLinkedIn(0);
        batch.add(work, tag, work.ticket);
      }
      // Before the lock is released: a flush() never sees these tickets in neither place.
      me.setBatchTicket(batch.nextTicket());
      moreLeft = pending.mayHaveSlots();
    } finally {
      lock.unlock();
    }
    // Work for another worker, in the list or to steal from this batch: producers wake one per
    // empty list only. The batch's ticket was stored (volatile) before sleepers is read, and a
    // sleeper counts itself before it looks for claims: no claim is left to a sleeping thief.
    if ((moreLeft || !batch.isEmpty()) && sleepers != 0) {
      wakeOne();
    }
    return started;
  }

  /**
   * Returns true if the slot was idle and is now running here; false if it was handed to the
   * worker running it, which runs it again when it finishes. Called under this queue's lock, with
   * the slot just taken out of the list (so its token is this caller's alone).
   */
  private boolean startOrHandOff(Work<?> work) {
    while (true) {
      int state = work.state();
      if ((state & Work.RUNNING) != 0) {
        work.rerunFor = this;
        if (work.compareAndSetState(state, state | Work.RERUN)) {
          return false;
        }
      } else {
        work.beginInstance();
        if (work.compareAndSetState(state, (state & ~Work.PENDING) | Work.RUNNING)) {
          return true;
        }
      }
    }
  }

  /**
   * After this worker's oldest ticket rose from {@code before} without the lock: if that may end
   * a flush() or drain() (one waits, and this worker held it up), checks under the lock. The
   * worker's ticket is stored (volatile) before signalAt is read here, and a waiter stores
   * signalAt before it reads the tickets, so one of the two sees the other: no lost signal. While
   * the list's oldest slot is short of the target, the lock is not taken: that slot holds the
   * waiter up, and whoever takes it checks again when it gets past it.
   */
  private void progressed(Worker me, long before) {
    long waitedFor = signalAt;
    // A drain() (MIN_VALUE: any change) ends only when every worker holds nothing.
    long target = waitedFor == Long.MIN_VALUE ? Long.MAX_VALUE : waitedFor;
    if (waitedFor != Long.MAX_VALUE && before < target && me.oldestTicket() >= target
        && !pending.holdsUp(target)) {
      lock.lock();
      try {
        signalWaiters();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Before the current thread waits: if it is a worker, gives the instances of its batch back to
   * the front of its queue's list, where other workers can take them, in their order; a wait for
   * one of them (a flush(p) from a run, or a chain of waits that ends there) would otherwise wait
   * for this worker, which waits for it.
   */
  private static void giveBackBatch() {
    Worker me = CURRENT_WORKER.get();
    if (me != null && !me.batch.isEmpty()) {
      me.queue.giveBack(me);
    }
  }

  private void giveBack(Worker me) {
    Batch batch = me.batch;
    lock.lock();
    try {
      Work<?> first = null;
      Work<?> last = null;
      for (Work<?> work; (work = batch.peekSlot()) != null; batch.advance()) {
        if (!work.stealClaim(batch.peekTag(), true)) {
          continue; // cancelled or re-armed meanwhile
        }
        work.prev = last;
        work.next = null;
        if (last == null) {
          first = work;
        } else {
          last.next = work;
        }
        last = work;
        work.setLinkedIn(id);
      }
      if (first != null && last != null) {
        pending.prepend(first, last);
      }
      me.setBatchTicket(Long.MAX_VALUE);
      batch.clear();
      signalWaiters();
    } finally {
      lock.unlock();
    }
    if (sleepers != 0) {
      wakeOne();
    }
  }

  /**
   * Waits for work: spins on the list for a few microseconds (a producer that is still
   * appending usually appends again sooner than a park and unpark take), then steals an instance
   * another worker has held claimed all that time and returns it to run, or parks until a
   * producer or another worker wakes it, or close() does. Stealing only after the spin leaves a
   * busy worker its batch: a worker that merely caught up with the producer would otherwise take
   * the lock for every instance it stole.
   */
  @SuppressWarnings("ThreadPriorityCheck") // one yield before parking: see performance.md
  private @Nullable Work<?> awaitWork(Worker me) {
    for (int check = 0; check < SPIN_CHECKS; check++) {
      if (pending.hasTakeable()) {
        return null;
      }
      for (int pause = 0; pause < SPIN_PAUSES; pause++) {
        Thread.onSpinWait();
      }
    }
    // Idle for the whole spin: what another worker still holds claimed waits behind its run.
    Work<?> stolen = stealClaimed(me);
    if (stolen != null) {
      return stolen;
    }
    Thread.yield();
    me.parked = true;
    SLEEPERS.getAndAdd(this, 1);
    try {
      if (hasWorkOrClosed() || othersHoldClaims(me)) {
        PARKED.compareAndSet(me, true, false);
        return null;
      }
      while (me.parked) {
        LockSupport.park(this);
      }
    } finally {
      SLEEPERS.getAndAdd(this, -1);
    }
    return null;
  }

  /**
   * The sleeper's last look, after it counted itself in {@link #sleepers}: at the tail, which
   * every append exchanges, so it is the look that pairs with the producer's read of sleepers.
   */
  private boolean hasWorkOrClosed() {
    return closed || pending.mayHaveSlots();
  }

  /**
   * Takes the lock, spinning briefly first: it is held for a few dozen nanoseconds at a time, and
   * a worker that queued for it would park and cost its releaser an unpark.
   */
  private void lockTake() {
    for (int spin = 0; spin < SPIN_CHECKS * 4; spin++) {
      if (lock.tryLock()) {
        return;
      }
      Thread.onSpinWait();
    }
    lock.lock();
  }

  /** Unparks one parked worker, if one is parked and nobody else has woken it already. */
  private void wakeOne() {
    for (Worker worker : workers) {
      if (worker.parked && PARKED.compareAndSet(worker, true, false)) {
        unpark(worker);
        return;
      }
    }
  }

  private void wakeAll() {
    for (Worker worker : workers) {
      if (PARKED.compareAndSet(worker, true, false)) {
        unpark(worker);
      }
    }
  }

  private static void unpark(Worker worker) {
    Thread thread = worker.thread;
    if (thread != null) { // set before the thread starts, so before it can ever park
      LockSupport.unpark(thread);
    }
  }

  private void runAndRerun(Worker me, Work<?> work) {
    do {
      try {
        work.runInstance();
      } catch (Throwable t) {
        deliverUncaught(t);
      }
      work.markDone(work.runningSeq);
      WorkQueue owner = me.runningFor;
      if (owner != null && owner != this) {
        owner.endForeignRun(me.foreignTicket);
      }
    } while (finishRun(me, work));
  }

  /**
   * Marks the slot idle and returns false, or begins the instance handed to this worker while it
   * ran and returns true.
   */
  private static boolean finishRun(Worker me, Work<?> work) {
    try {
      while (true) {
        int state = work.state();
        if ((state & Work.RERUN) != 0) {
          WorkQueue owner = work.rerunFor;
          if (owner != null && owner.takeHandedOff(work, me)) {
            return true;
          }
        } else if (work.compareAndSetState(state, state & ~Work.RUNNING)) {
          return false;
        }
      }
    } finally {
      SLOT_EVENTS.signal();
    }
  }

  /**
   * Takes back the instance this queue handed to the worker running {@code work}: to run it, when
   * {@code runner} is that worker, or to cancel it. Returns false if the other party took it first.
   * Done under this queue's lock and before PENDING clears, so the slot has left the handed-off
   * list before any enqueue can link it again. The caller read {@link Work#rerunFor} before it
   * got here: meanwhile that instance may have been taken and another queue may have handed the
   * slot over again, so RERUN alone does not say the slot is in this queue's list.
   */
  private boolean takeHandedOff(Work<?> work, @Nullable Worker runner) {
    lock.lock();
    try {
      if ((work.state() & Work.RERUN) == 0 || work.rerunFor != this) {
        return false;
      }
      handedOff.remove(work);
      long ticket = work.ticket;
      long seq = work.queuedSeq();
      if (runner != null) {
        work.beginInstance();
      }
      int state = work.state();
      while (!work.compareAndSetState(state, state & ~(Work.PENDING | Work.RERUN))) {
        state = work.state();
      }
      if (runner == null) {
        work.markDone(seq);
      } else if (runner.queue == this) {
        runner.runningTicket = ticket;
        runner.runningFor = this;
      } else {
        // Another queue's worker runs this queue's instance: this queue still waits for it.
        runner.runningTicket = Long.MAX_VALUE;
        runner.runningFor = this;
        runner.foreignTicket = ticket;
        foreignRuns.add(ticket);
      }
      signalWaiters();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the instance handed to the worker running {@code work} out of its queue's handed-off
   * list, keeping the PENDING token, so that {@code modDelayed} can arm that same instance: no
   * enqueue can take the token in between, which a cancel followed by a new arming would allow
   * (that enqueue's instance and the cancelled one would then count as one). False if the
   * instance was taken first (by its run, a cancel, or another queue's hand-off).
   */
  static boolean takeHandedOffKeepingToken(Work<?> work) {
    WorkQueue owner = work.rerunFor;
    return owner != null && owner.reclaimHandedOff(work);
  }

  private boolean reclaimHandedOff(Work<?> work) {
    lock.lock();
    try {
      if ((work.state() & Work.RERUN) == 0 || work.rerunFor != this) {
        return false;
      }
      handedOff.remove(work);
      int state = work.state();
      while (!work.compareAndSetState(state, state & ~Work.RERUN)) {
        state = work.state();
      }
      signalWaiters();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void endForeignRun(long ticket) {
    lock.lock();
    try {
      foreignRuns.remove(Long.valueOf(ticket));
      signalWaiters();
    } finally {
      lock.unlock();
    }
  }

  private void deliverUncaught(Throwable failure) {
    Thread thread = Thread.currentThread();
    try {
      handler.uncaughtException(thread, failure);
    } catch (Throwable handlerFailure) {
      handlerFailure.addSuppressed(failure);
      reportUncaught(name, thread, handlerFailure);
    }
  }

  @SuppressWarnings("SystemOut") // the last resort when no handler was given, as for a Thread
  private static void reportUncaught(String name, Thread thread, Throwable failure) {
    System.err.println("worklint queue " + name + ": work threw on " + thread.getName());
    failure.printStackTrace();
  }

  // ---- self-wait detection

  /** Whether the caller is one of this queue's workers, or runs an instance of this queue. */
  private boolean isOwnWorker() {
    Worker me = CURRENT_WORKER.get();
    return me != null && (me.queue == this || me.runningFor == this);
  }

  private void rejectOwnWorker(String operation) {
    if (isOwnWorker()) {
      throw new IllegalStateException(
          operation + "() of queue " + name + " called from its own worker, running "
              + describeRunning() + ": it would wait for itself");
    }
  }

  /**
   * Throws if the caller is a worker that the wait would include: the one running the slot, or,
   * when {@code waitsForPending} (flush, not cancelSync, which removes a pending instance instead
   * of waiting for it), the only worker of a queue where the slot is pending.
   */
  private static void rejectSelfWait(Work<?> work, String operation, WorkItemPointer<?, ?> p,
      boolean waitsForPending, @Nullable DelayedWork<?> delayed) {
    Worker me = CURRENT_WORKER.get();
    if (me == null) {
      return;
    }
    if (me.running == work) {
      throw new IllegalStateException(
          operation + "(" + p.getClass().getName() + ") called from that slot's own run: it"
              + " would wait for itself");
    }
    if (waitsForPending && me.queue.maxActive == 1 && (work.linkedIn == me.queue.id
        || (delayed != null && DelayedTimers.TIMERS.armedFor(delayed) == me.queue.id))) {
      throw new IllegalStateException(
          operation + "(" + p.getClass().getName() + ") called from the only worker of queue "
              + me.queue.name + ", where that slot is queued: it would wait for itself");
    }
  }

  private static String describeRunning() {
    Worker me = CURRENT_WORKER.get();
    Work<?> running = me == null ? null : me.running;
    return running == null ? "nothing" : String.valueOf(running);
  }

  private static ThreadFactory defaultThreadFactory(String name, boolean daemon) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "worklint-" + name + "-" + count.incrementAndGet());
      thread.setDaemon(daemon);
      return thread;
    };
  }

  private static WorkQueue open(Builder builder, boolean shared) {
    int id = QueueIds.reserve();
    try {
      WorkQueue queue = new WorkQueue(builder, shared, id);
      QueueIds.publish(id, queue);
      return queue;
    } catch (RuntimeException | Error e) {
      QueueIds.release(id);
      throw e;
    }
  }

  // ---- what a blocked wait waits for, asked by Progress's lock-cycle check

  private static final Progress.Awaited<Work<?>> FLUSH_SLOT = new SlotWait("flush(p)");
  private static final Progress.Awaited<Work<?>> CANCEL_SYNC = new SlotWait("cancelSync(p)");
  private static final Progress.Awaited<WorkQueue> FLUSH_QUEUE = new QueueWait("flush()");
  private static final Progress.Awaited<WorkQueue> DRAIN = new QueueWait("drain()");
  private static final Progress.Awaited<WorkQueue> CLOSE = new QueueWait("close()");

  /** flush(p) and cancelSync(p) wait for the slot's run, on whichever queue's worker runs it. */
  private record SlotWait(String operation) implements Progress.Awaited<Work<?>> {
    @Override
    public void addRunners(Work<?> work, long bound, List<Progress.Runner> into) {
      for (WorkQueue queue : QueueIds.open()) {
        for (Worker worker : queue.workers) {
          Thread thread = worker.thread;
          if (worker.running == work && thread != null) {
            into.add(new Progress.Runner(thread, work));
          }
        }
      }
    }

    @Override
    public String describe(Work<?> work) {
      return operation + " of slot " + work.describeSlot();
    }

    @Override
    public boolean namesSlot() {
      return true;
    }
  }

  /** flush(), drain() and close() wait for this queue's runs (those before bound, for flush). */
  private record QueueWait(String operation) implements Progress.Awaited<WorkQueue> {
    @Override
    public void addRunners(WorkQueue queue, long bound, List<Progress.Runner> into) {
      for (WorkQueue any : QueueIds.open()) {
        for (Worker worker : any.workers) {
          Thread thread = worker.thread;
          Work<?> running = worker.running;
          long ticket = worker.queue == queue ? worker.runningTicket : worker.foreignTicket;
          if (worker.runningFor == queue && ticket < bound && thread != null && running != null) {
            into.add(new Progress.Runner(thread, running));
          }
        }
      }
    }

    @Override
    public String describe(WorkQueue queue) {
      return operation + " of queue " + queue.name;
    }
  }

  /** One worker thread and what it runs now. */
  private static final class Worker {
    final WorkQueue queue;
    volatile @Nullable Thread thread;
    /** The ticket of the instance running here, MAX_VALUE when idle; for flush() and drain(). */
    volatile long runningTicket = Long.MAX_VALUE;
    /** The instances this worker claimed and has not started (see {@link Batch}). */
    final Batch batch = new Batch();
    /** This worker's place in its queue's {@link #workers}. */
    final int index;
    /**
     * Per other worker, its {@link #batchTicket} when this worker last found nothing to steal
     * there; only this worker's thread touches it.
     */
    final long[] nothingToStealAt;
    /**
     * The ticket of the oldest instance in {@link #batch}, MAX_VALUE when it is empty; for flush()
     * and drain(). Stored volatile: see {@link WorkQueue#progressed}.
     */
    volatile long batchTicket = Long.MAX_VALUE;
    /** The slot running here; read by this thread's own self-wait checks and by toString. */
    volatile @Nullable Work<?> running;
    /** The queue whose instance runs here: this worker's own, or the one that handed it over. */
    volatile @Nullable WorkQueue runningFor;
    /** The ticket of another queue's instance running here; only this worker reads it. */
    long foreignTicket;
    /**
     * Set by this worker before it counts itself among the sleepers; cleared by whoever wakes it
     * (a compare-and-set, so that one wake-up is spent on one sleeper), which then unparks it.
     */
    volatile boolean parked;

    Worker(WorkQueue queue, int index, int workers) {
      this.queue = queue;
      this.index = index;
      this.nothingToStealAt = new long[workers];
      Arrays.fill(nothingToStealAt, Long.MAX_VALUE);
    }

    /**
     * Records what this worker runs now, under its queue's lock. Release stores, not volatile
     * ones: the queue's own readers (flush, drain) hold the lock, this thread's self-wait checks
     * read its own writes, and an outside observer needs no more than acquire/release to see a
     * consistent run (a volatile store would cost a fence per run, three per dequeue).
     */
    /** The oldest ticket this worker holds: its run, or else the rest of its batch. */
    long oldestTicket() {
      return Math.min(runningTicket, batchTicket);
    }

    void setBatchTicket(long ticket) {
      batchTicket = ticket;
    }

    /** Records that the run is over (volatile, as {@link #setBatchTicket}). */
    @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
    void endRun() {
      runningTicket = Long.MAX_VALUE;
      RUNNING.setRelease(this, null);
      RUNNING_FOR.setRelease(this, null);
    }

    @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
    void publishRun(@Nullable Work<?> work, @Nullable WorkQueue owner, long ticket) {
      RUNNING_TICKET.setRelease(this, ticket);
      RUNNING.setRelease(this, work);
      RUNNING_FOR.setRelease(this, owner);
    }
  }

  private static final class SystemQueue {
    static final WorkQueue INSTANCE =
open(new Builder("system"), true);
  }

  /** Builds a {@link WorkQueue}. */
  public static final class Builder {
    private final String name;
    private int maxActive; // 0: not set
    private boolean ordered;
    private @Nullable ThreadFactory threadFactory;
    private Thread.@Nullable UncaughtExceptionHandler handler;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The number of workers; at most this many slots run at once. Default: one per processor. */
    public Builder maxActive(int maxActive) {
      if (maxActive < 1) {
        throw new IllegalArgumentException("maxActive of queue " + name + " must be >= 1");
      }
      this.maxActive = maxActive;
      return this;
    }

    /** One slot at a time, in strict FIFO order of enqueue (one worker). */
    public Builder ordered() {
      this.ordered = true;
      return this;
    }

    /** Where the workers come from. Default: non-daemon threads named after the queue. */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Who hears of an exception thrown by a run; the worker survives and the slot is idle again.
     * Default: printed to standard error with the queue's name.
     */
    public Builder uncaughtExceptionHandler(Thread.UncaughtExceptionHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Starts the workers.
     *
     * @throws IllegalStateException if both {@link #ordered()} and {@link #maxActive} above 1 were
     *     asked for
     */
    public WorkQueue build() {
      if (ordered && maxActive > 1) {
        throw new IllegalStateException(
            "queue " + name + " cannot be ordered() with maxActive(" + maxActive + ")");
      }
      return open(this, false);
    }
  }
}

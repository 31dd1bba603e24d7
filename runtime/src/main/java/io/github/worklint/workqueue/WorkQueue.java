package io.github.worklint.workqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
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
 */
public final class WorkQueue implements AutoCloseable {

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

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workAvailable = lock.newCondition();
  private final Progress progress = new Progress(lock);
  private final Worker[] workers;

  // Guarded by lock; closed and drainers are also read without it, to refuse an enqueue before
  // it takes the slot's token (a token taken and given back would make a concurrent enqueue of
  // the same slot report "already pending" for work that never runs).
  private final SlotList queued = new SlotList();
  /**
   * Instances of this queue handed to the worker already running their slot (possibly another
   * queue's worker); they stay this queue's work, for flush() and drain(), until that run ends.
   */
  private final SlotList handedOff = new SlotList();
  /** Tickets of this queue's instances running on other queues' workers (rare: an object each). */
  private final List<Long> foreignRuns = new ArrayList<>();
  private long nextTicket;
  /** Delayed instances armed to fire into this queue (DelayedTimers), or about to be. */
  private int armedTimers;
  private int idleWorkers;
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
      workers[i] = new Worker(this);
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
    lock.lock();
    try {
      if (refusesEnqueue()) {
        // close() or drain() began after the check above: give the token back.
        work.unmarkPending();
        throw enqueueRefused(pointer);
      }
      work.acceptInstance(pointer);
      linkTaken(work);
    } finally {
      lock.unlock();
    }
    return true;
  }

  /** Links a slot whose PENDING token the caller holds and wakes a worker. Under lock. */
  private void linkTaken(Work<?> work) {
    link(work);
    if (idleWorkers > 0) {
      workAvailable.signal();
    }
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

  /** Forgets a timer counted by {@link #reserveTimer} that was disarmed or never armed. */
  void releaseTimer() {
    lock.lock();
    try {
      armedTimers--;
      progress.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Links a fired timer's slot, whose PENDING token its timer held, and forgets the timer in one
   * step, so that drain() never sees neither. Accepted even while the queue drains.
   */
  void linkFired(Work<?> work) {
    lock.lock();
    try {
      armedTimers--;
      linkTaken(work);
    } finally {
      lock.unlock();
    }
  }

  /** Unlinks a queued slot without giving up its PENDING token; false if not queued here. */
  boolean unlinkKeepingToken(Work<?> work) {
    lock.lock();
    try {
      if (work.linkedIn != id) {
        return false;
      }
      unlink(work);
      progress.signal();
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
    long target;
    lock.lock();
    try {
      target = nextTicket;
    } finally {
      lock.unlock();
    }
    progress.await(() -> oldestOutstandingTicket() >= target, FLUSH_QUEUE, this, target);
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
    lock.lock();
    try {
      drainers.incrementAndGet();
      try {
        progress.await(this::isIdle, DRAIN, this, Long.MAX_VALUE);
      } finally {
        drainers.decrementAndGet();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drains the queue (armed delayed instances included: they run at their deadlines), then stops its workers and waits for them to exit. Later enqueues throw.
   * Idempotent.
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
    boolean closesNow = false;
    lock.lock();
    try {
      if (!closed) {
        closesNow = true;
        drainers.incrementAndGet();
        try {
          progress.await(this::isIdle, CLOSE, this, Long.MAX_VALUE);
        } finally {
          drainers.decrementAndGet();
        }
        closed = true;
        workAvailable.signalAll();
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

  // ---- the intrusive list, guarded by lock

  private void link(Work<?> work) {
    work.ticket = nextTicket++;
    queued.append(work);
    work.linkedIn = id;
  }

  private void unlink(Work<?> work) {
    queued.remove(work);
    work.linkedIn = 0;
  }

  /**
   * Takes the pending instance of {@code work} out of the queue it is in, whatever queue that is,
   * or out of its timer when {@code delayed} (the slot that embeds {@code work}, if any) is
   * armed. Spins in the short window where an enqueue or a timer has taken the token but not yet
   * linked the slot.
   */
  static boolean grabPending(Work<?> work, @Nullable DelayedWork<?> delayed) {
    while (true) {
      int state = work.state();
      if ((state & Work.PENDING) == 0) {
        return false;
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
    }
  }

  private boolean unlinkPending(Work<?> work) {
    lock.lock();
    try {
      if (work.linkedIn != id) {
        return false;
      }
      unlink(work);
      work.markDone(work.queuedSeq());
      work.unmarkPending();
      progress.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Tickets grow in queue order, so the oldest of each list is its first. */
  private long oldestOutstandingTicket() {
    Work<?> queuedFirst = queued.first();
    Work<?> handedFirst = handedOff.first();
    long oldest = queuedFirst != null ? queuedFirst.ticket : Long.MAX_VALUE;
    if (handedFirst != null) {
      oldest = Math.min(oldest, handedFirst.ticket);
    }
    for (Worker worker : workers) {
      oldest = Math.min(oldest, worker.runningTicket);
    }
    for (long ticket : foreignRuns) {
      oldest = Math.min(oldest, ticket);
    }
    return oldest;
  }

  private boolean isIdle() {
    return armedTimers == 0 && oldestOutstandingTicket() == Long.MAX_VALUE;
  }

  // ---- the workers

  private void runWorker(Worker me) {
    CURRENT_WORKER.set(me);
    try {
      while (true) {
        Work<?> work = take(me);
        if (work == null) {
          return;
        }
        runAndRerun(me, work);
      }
    } finally {
      CURRENT_WORKER.remove();
    }
  }

  /**
   * The next slot this worker may run, already marked running; null once the queue is closed
   * and empty. A slot that is still running on another worker is handed to that worker instead,
   * which is how a slot never runs concurrently with itself.
   */
  private @Nullable Work<?> take(Worker me) {
    lock.lock();
    try {
      me.runningTicket = Long.MAX_VALUE;
      me.running = null;
      me.runningFor = null;
      progress.signal();
      while (true) {
        Work<?> work = queued.first();
        if (work == null) {
          if (closed) {
            return null;
          }
          idleWorkers++;
          workAvailable.awaitUninterruptibly();
          idleWorkers--;
          continue;
        }
        unlink(work);
        if (startOrHandOff(work)) {
          me.running = work;
          me.runningFor = this;
          me.runningTicket = work.ticket;
          return work;
        }
        handedOff.append(work);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns true if the slot was idle and is now running here; false if it was handed to the
   * worker running it, which runs it again when it finishes. Called under this queue's lock.
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
   * list before any enqueue can link it again.
   */
  private boolean takeHandedOff(Work<?> work, @Nullable Worker runner) {
    lock.lock();
    try {
      if ((work.state() & Work.RERUN) == 0) {
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
      progress.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void endForeignRun(long ticket) {
    lock.lock();
    try {
      foreignRuns.remove(Long.valueOf(ticket));
      progress.signal();
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
    /** The slot running here; read by this thread's own self-wait checks and by toString. */
    volatile @Nullable Work<?> running;
    /** The queue whose instance runs here: this worker's own, or the one that handed it over. */
    volatile @Nullable WorkQueue runningFor;
    /** The ticket of another queue's instance running here; only this worker reads it. */
    long foreignTicket;

    Worker(WorkQueue queue) {
      this.queue = queue;
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

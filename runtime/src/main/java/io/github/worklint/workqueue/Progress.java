package io.github.worklint.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Where callers of flush, cancelSync, drain and close wait for runs to finish.
 *
 * <p>Workers signal only when someone waits, so a run's completion costs one volatile read. That
 * is safe because a waiter registers before it tests its condition and a worker publishes its
 * progress before it reads the count: one of the two always sees the other.
 *
 * <p>A wait that has blocked for a while checks, with back-off, whether a run it waits for is
 * blocked on a lock the waiter holds ({@link LockCycleDetector}), and throws rather than hang. A
 * wait that does not block pays nothing for it: what it waits for is described by a constant
 * {@link Awaited} and the waiter's own arguments, asked only when a check is due.
 */
final class Progress {

  /** How long a wait blocks before its first lock-cycle check. */
  static final long FIRST_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(64);

  /** The back-off doubles up to this, so a cycle that forms late is found within a second. */
  static final long MAX_CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(512);

  /** A thread that runs work a wait includes, and the slot it runs. */
  record Runner(Thread thread, Work<?> slot) {}

  /**
   * What a kind of wait waits for, asked under this progress's lock only when a check is due.
   *
   * @param <S> the slot or queue waited on
   */
  interface Awaited<S> {
    /** Adds the threads running what a wait on {@code subject} includes (tickets below bound). */
    void addRunners(S subject, long bound, List<Runner> into);

    /** The wait, for the message: "drain() of queue q". */
    String describe(S subject);

    /** Whether {@link #describe} already names the slot whose run is blocked. */
    default boolean namesSlot() {
      return false;
    }
  }

  /**
   * Waits that ended right after their timed wait ran out, not after a signal: every change that
   * ends a wait signals it, so each of these is a lost signal that the periodic check recovered
   * (late by up to {@link #MAX_CHECK_INTERVAL_NANOS}). Read by tests, which expect none.
   */
  static final AtomicLong UNSIGNALLED_ENDS = new AtomicLong();

  private final ReentrantLock lock;
  private final Condition changed;
  private final AtomicInteger waiters = new AtomicInteger();

  Progress(ReentrantLock lock) {
    this.lock = lock;
    this.changed = lock.newCondition();
  }

  /**
   * Blocks, uninterruptibly like the kernel's flush, until {@code done} holds.
   *
   * @throws IllegalStateException if a run that {@code awaited} names for {@code subject} and
   *     {@code bound} is blocked on a lock that the caller holds
   */
  <S> void await(BooleanSupplier done, Awaited<S> awaited, S subject, long bound) {
    lock.lock();
    try {
      waiters.incrementAndGet();
      boolean interrupted = false;
      try {
        long interval = FIRST_CHECK_NANOS;
        long checkAt = 0;
        boolean blocked = false;
        boolean timedOut = false;
        while (!done.getAsBoolean()) {
          long now = System.nanoTime();
          if (!blocked) {
            blocked = true;
            checkAt = now + interval;
          } else if (now - checkAt >= 0) {
            throwIfLockCycle(done, awaited, subject, bound); // the lock is let go meanwhile
            interval = Math.min(interval * 2, MAX_CHECK_INTERVAL_NANOS);
            checkAt = System.nanoTime() + interval;
            timedOut = false;
            continue;
          }
          try {
            timedOut = changed.awaitNanos(checkAt - now) <= 0;
          } catch (InterruptedException e) {
            interrupted = true; // the wait is uninterruptible; the interrupt is set again below
          }
        }
        if (timedOut) {
          UNSIGNALLED_ENDS.incrementAndGet();
        }
      } finally {
        waiters.decrementAndGet();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the waiters, if any, to re-test their conditions. */
  void signal() {
    if (waiters.get() > 0) {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Throws if a runner is blocked on the caller's locks. The runners are read under the lock;
   * the thread states without it, since a worker that waits for this lock would otherwise look
   * blocked on the caller. A cycle counts only if, afterwards, the wait is still not over and the
   * stuck thread still runs awaited work (it cannot have moved on: it is stuck).
   */
  private <S> void throwIfLockCycle(
      BooleanSupplier done, Awaited<S> awaited, S subject, long bound) {
    List<Runner> runners = new ArrayList<>();
    awaited.addRunners(subject, bound, runners);
    if (runners.isEmpty()) {
      return;
    }
    List<Thread> threads = new ArrayList<>(runners.size());
    for (Runner runner : runners) {
      threads.add(runner.thread());
    }
    LockCycleDetector.LockCycle cycle = findWithoutLock(threads);
    if (cycle == null || done.getAsBoolean()) {
      return;
    }
    List<Runner> still = new ArrayList<>();
    awaited.addRunners(subject, bound, still);
    for (Runner runner : still) {
      if (runner.thread() == cycle.runner() && runners.contains(runner)) {
        throw new IllegalStateException(
            awaited.describe(subject) + " would wait forever: "
                + (awaited.namesSlot() ? "its run " : "the run of slot "
                    + runner.slot().describeSlot() + " ")
                + cycle.describe(Thread.currentThread())
                + ". Wait after releasing the lock.");
      }
    }
  }

  private LockCycleDetector.@Nullable LockCycle findWithoutLock(List<Thread> threads) {
    int holds = lock.getHoldCount();
    for (int i = 0; i < holds; i++) {
      lock.unlock();
    }
    try {
      return LockCycleDetector.find(Thread.currentThread(), threads);
    } finally {
      for (int i = 0; i < holds; i++) {
        lock.lock();
      }
    }
  }
}

package io.github.worklint.workqueue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;

/**
 * Where callers of flush, cancelSync, drain and close wait for runs to finish.
 *
 * <p>Workers signal only when someone waits, so a run's completion costs one volatile read. That
 * is safe because a waiter registers before it tests its condition and a worker publishes its
 * progress before it reads the count: one of the two always sees the other.
 */
final class Progress {

  private final Lock lock;
  private final Condition changed;
  private final AtomicInteger waiters = new AtomicInteger();

  Progress(Lock lock) {
    this.lock = lock;
    this.changed = lock.newCondition();
  }

  /** Blocks, uninterruptibly like the kernel's flush, until {@code done} holds. */
  void await(BooleanSupplier done) {
    lock.lock();
    try {
      waiters.incrementAndGet();
      try {
        while (!done.getAsBoolean()) {
          changed.awaitUninterruptibly();
        }
      } finally {
        waiters.decrementAndGet();
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
}

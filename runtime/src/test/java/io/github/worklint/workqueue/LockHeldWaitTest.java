package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wait for a run that is blocked on a lock the waiting thread holds throws instead of hanging.
 *
 * <p>Each of these tests deadlocks on purpose. The waiting thread is a daemon thread that the test
 * joins with a bound, and the workers are daemons too, so a runtime that failed to detect the cycle
 * fails the test (and leaves daemon threads behind) instead of hanging the build.
 */
class LockHeldWaitTest {

  /** How long after the cycle forms the wait must throw (the contract says within a second). */
  private static final long LATENCY_BOUND_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A lock the test thread holds and the run takes. */
  interface TestLock {
    void holding(Runnable body);

    void take();

    /** What the message must contain to name this lock. */
    String name();
  }

  static final class Ledger {}

  static TestLock monitor() {
    Ledger monitor = new Ledger();
    return new TestLock() {
      @Override
      public void holding(Runnable body) {
        synchronized (monitor) {
          body.run();
        }
      }

      @Override
      public void take() {
        synchronized (monitor) {
          monitor.hashCode();
        }
      }

      @Override
      public String name() {
        return Ledger.class.getName() + "@"
            + Integer.toHexString(System.identityHashCode(monitor));
      }

      @Override
      public String toString() {
        return "synchronized";
      }
    };
  }

  static TestLock reentrantLock() {
    ReentrantLock lock = new ReentrantLock();
    return new TestLock() {
      @Override
      public void holding(Runnable body) {
        lock.lock();
        try {
          body.run();
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void take() {
        lock.lock();
        lock.unlock();
      }

      @Override
      public String name() {
        return "java.util.concurrent.locks.ReentrantLock$NonfairSync@";
      }

      @Override
      public String toString() {
        return "ReentrantLock";
      }
    };
  }

  /** A wait of the runtime, on the queue where the item's slot A is queued. */
  interface Wait {
    void on(WorkQueue queue, TestItem item);
  }

  static List<Arguments> waitsAndLocks() {
    List<Arguments> cases = new ArrayList<>();
    for (String wait : List.of("flush(p)", "cancelSync(p)", "flush()", "drain()", "close()")) {
      cases.add(Arguments.of(wait, monitor()));
      cases.add(Arguments.of(wait, reentrantLock()));
    }
    return cases;
  }

  private static Wait waitNamed(String name) {
    return switch (name) {
      case "flush(p)" -> (queue, item) -> queue.flush(item.a());
      case "cancelSync(p)" -> (queue, item) -> queue.cancelSync(item.a());
      case "flush()" -> (queue, item) -> queue.flush();
      case "drain()" -> (queue, item) -> queue.drain();
      case "close()" -> (queue, item) -> queue.close();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** What the waiting thread saw: the exception and when it came. */
  private static final class Outcome {
    final AtomicReference<IllegalStateException> thrown = new AtomicReference<>();
    final AtomicLong thrownAt = new AtomicLong();
    final AtomicLong waitStartedAt = new AtomicLong();

    /** Runs the wait, remembering when it began and what it threw. */
    void waitFor(Runnable wait) {
      waitStartedAt.set(System.nanoTime());
      try {
        wait.run();
      } catch (IllegalStateException e) {
        thrownAt.set(System.nanoTime());
        thrown.set(e);
      }
    }
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("waitsAndLocks")
  void aWaitForARunBlockedOnTheCallersLockThrows(String waitName, TestLock lock) {
    WorkQueue queue = CountingThreadFactory.queue("held-" + waitName, 2);
    TestItem item = new TestItem();
    AtomicLong blocksAt = new AtomicLong();
    CountDownLatch completed = new CountDownLatch(1);
    item.a.body = () -> {
      blocksAt.set(System.nanoTime());
      lock.take();
      completed.countDown();
    };
    Outcome outcome = new Outcome();
    Thread caller = Waits.start("caller-" + waitName, () -> lock.holding(() -> {
      queue.enqueue(item.a());
      Waits.until("the run starts", () -> blocksAt.get() != 0);
      outcome.waitFor(() -> waitNamed(waitName).on(queue, item));
    }));
    Waits.join(caller);

    IllegalStateException e = outcome.thrown.get();
    assertNotNull(e, waitName + " returned without an error");
    long latency = outcome.thrownAt.get() - Math.max(blocksAt.get(), outcome.waitStartedAt.get());
    assertTrue(latency < LATENCY_BOUND_NANOS, "detected after " + latency / 1_000_000 + " ms");
    System.out.printf("lock cycle in %s with %s detected after %d ms%n",
        waitName, lock, TimeUnit.NANOSECONDS.toMillis(latency));
    String message = e.getMessage();
    assertTrue(message.startsWith(waitName + " of "), message);
    assertTrue(message.contains(lock.name()), message);
    assertTrue(message.contains("slot " + TestItem.class.getName() + ".aWork (pointer type "
        + TestItem.A.class.getName() + ")"), message);
    assertTrue(message.contains(waitName.endsWith("(p)") ? " would wait forever: its run on"
        : " would wait forever: the run of slot "), message);
    assertTrue(message.contains("on thread \"held-" + waitName + "-"), message);
    assertTrue(message.contains("the waiting thread \"caller-" + waitName + "\""), message);
    assertTrue(message.contains("Wait after releasing the lock."), message);

    // The caller's unwinding released the lock: the run completes, and the queue still works.
    assertTrue(Waits.await(completed), "the run did not complete after the lock was released");
    Waits.until("the slot is idle", () -> !Waits.slot(item.a()).isRunning());
    assertEquals(1, item.a.runs.get());
    queue.close();
  }

  @Test
  void aCycleThatFormsLateInAWaitIsFoundWithinASecond() {
    WorkQueue queue = CountingThreadFactory.queue("late", 1);
    TestLock lock = monitor();
    TestItem item = new TestItem();
    AtomicLong blocksAt = new AtomicLong();
    item.a.body = () -> {
      sleepNanos(TimeUnit.MILLISECONDS.toNanos(1300)); // the back-off is at its cap by now
      blocksAt.set(System.nanoTime());
      lock.take();
    };
    Outcome outcome = new Outcome();
    Thread caller = Waits.start("late-caller", () -> lock.holding(() -> {
      queue.enqueue(item.a());
      outcome.waitFor(() -> queue.flush(item.a()));
    }));
    Waits.join(caller);
    assertNotNull(outcome.thrown.get());
    long latency = outcome.thrownAt.get() - blocksAt.get();
    assertTrue(latency > 0 && latency < LATENCY_BOUND_NANOS, latency / 1_000_000 + " ms");
    System.out.printf("lock cycle formed 1.3 s into a wait detected after %d ms%n",
        TimeUnit.NANOSECONDS.toMillis(latency));
    Waits.until("the run completes", () -> item.a.runs.get() == 1);
    queue.close();
  }

  @Test
  void aChainThroughAThirdThreadIsFound() {
    WorkQueue queue = CountingThreadFactory.queue("chain", 1);
    ReentrantLock thirds = new ReentrantLock();
    TestLock callers = monitor();
    TestItem item = new TestItem();
    CountDownLatch completed = new CountDownLatch(1);
    item.a.body = () -> {
      thirds.lock();
      thirds.unlock();
      completed.countDown();
    };
    CountDownLatch thirdHolds = new CountDownLatch(1);
    Outcome outcome = new Outcome();
    AtomicReference<Thread> third = new AtomicReference<>();
    Thread caller = Waits.start("chain-caller", () -> callers.holding(() -> {
      third.set(Waits.start("third", () -> {
        thirds.lock();
        try {
          thirdHolds.countDown();
          callers.take();
        } finally {
          thirds.unlock();
        }
      }));
      Waits.await(thirdHolds);
      Waits.until("third blocks", () -> third.get().getState() == Thread.State.BLOCKED);
      queue.enqueue(item.a());
      outcome.waitFor(() -> queue.flush(item.a()));
    }));
    Waits.join(caller);

    IllegalStateException e = outcome.thrown.get();
    assertNotNull(e, "flush(p) returned without an error");
    assertTrue(outcome.thrownAt.get() - outcome.waitStartedAt.get() < LATENCY_BOUND_NANOS);
    String message = e.getMessage();
    assertTrue(message.contains("on thread \"chain-0\" is blocked on java.util.concurrent.locks"
        + ".ReentrantLock$NonfairSync@"), message);
    assertTrue(message.contains("held by thread \"third\", which is blocked on " + callers.name()),
        message);
    assertTrue(message.contains("held by the waiting thread \"chain-caller\""), message);
    Waits.join(third.get());
    assertTrue(Waits.await(completed));
    queue.close();
  }

  @Test
  void aRunBlockedOnAnotherThreadsLockIsWaitedFor() throws InterruptedException {
    WorkQueue queue = CountingThreadFactory.queue("slow", 1);
    ReentrantLock othersLock = new ReentrantLock();
    TestLock callers = reentrantLock();
    TestItem item = new TestItem();
    item.a.body = () -> {
      othersLock.lock();
      othersLock.unlock();
    };
    CountDownLatch holding = new CountDownLatch(1);
    long holdNanos = TimeUnit.MILLISECONDS.toNanos(700); // past the first three checks
    Thread other = Waits.start("other-holder", () -> {
      othersLock.lock();
      try {
        holding.countDown();
        sleepNanos(holdNanos);
      } finally {
        othersLock.unlock();
      }
    });
    assertTrue(Waits.await(holding));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong waited = new AtomicLong();
    Thread caller = Waits.start("patient-caller", () -> callers.holding(() -> {
      long start = System.nanoTime();
      try {
        assertTrue(queue.enqueue(item.a()));
        assertTrue(queue.flush(item.a()));
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
      waited.set(System.nanoTime() - start);
    }));
    Waits.join(caller);
    Waits.join(other);
    assertNull(failure.get());
    assertTrue(waited.get() > TimeUnit.MILLISECONDS.toNanos(400), "the flush did not block");
    assertEquals(1, item.a.runs.get());
    queue.close();
  }

  @Test
  void aTimedLockAttemptOnTheCallersLockIsWaitedFor() {
    WorkQueue queue = CountingThreadFactory.queue("timed", 1);
    ReentrantLock lock = new ReentrantLock();
    TestItem item = new TestItem();
    AtomicReference<Boolean> acquired = new AtomicReference<>();
    item.a.body = () -> {
      try {
        acquired.set(lock.tryLock(700, TimeUnit.MILLISECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller = Waits.start("timed-caller", () -> {
      lock.lock();
      try {
        queue.enqueue(item.a());
        queue.flush(item.a());
      } catch (RuntimeException | Error e) {
        failure.set(e);
      } finally {
        lock.unlock();
      }
    });
    Waits.join(caller);
    assertNull(failure.get(), "a run that gives up by itself is no deadlock");
    assertEquals(Boolean.FALSE, acquired.get());
    queue.close();
  }

  @Test
  void queueFlushIgnoresARunQueuedAfterIt() {
    WorkQueue queue = CountingThreadFactory.queue("later", 2);
    TestLock callers = reentrantLock();
    TestItem before = new TestItem(1);
    TestItem after = new TestItem(2);
    Gate gate = new Gate();
    before.a.body = gate::pass;
    CountDownLatch afterBlocks = new CountDownLatch(1);
    after.a.body = () -> {
      afterBlocks.countDown();
      callers.take();
    };
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch flushing = new CountDownLatch(1);
    Thread caller = Waits.start("flushing-caller", () -> callers.holding(() -> {
      try {
        queue.enqueue(before.a());
        gate.awaitEntered();
        flushing.countDown(); // the caller's next park is in flush()
        queue.flush(); // waits for `before` only
      } catch (RuntimeException | Error e) {
        failure.set(e);
      }
    }));
    assertTrue(Waits.await(flushing));
    Waits.untilParked(caller);
    queue.enqueue(after.a());
    assertTrue(Waits.await(afterBlocks));
    sleepNanos(TimeUnit.MILLISECONDS.toNanos(400)); // the caller's checks see `after` blocked
    assertTrue(caller.isAlive(), "flush() returned before the run it waits for ended");
    gate.release();
    Waits.join(caller);
    assertNull(failure.get(), "flush() threw for a run queued after it began");
    Waits.until("the later run completes", () -> after.a.runs.get() == 1);
    queue.close();
  }

  @Test
  void anInterruptDoesNotEndAWaitAndStaysSet() {
    WorkQueue queue = CountingThreadFactory.queue("interrupted", 1);
    TestItem item = new TestItem();
    Gate gate = new Gate();
    item.a.body = gate::pass;
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller = Waits.start("interrupted-caller", () -> {
      queue.enqueue(item.a());
      queue.flush(item.a());
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    gate.awaitEntered();
    Waits.untilParked(caller);
    caller.interrupt();
    sleepNanos(TimeUnit.MILLISECONDS.toNanos(200)); // through the first lock-cycle check
    if (!caller.isAlive()) {
      fail("the interrupt ended the wait");
    }
    gate.release();
    Waits.join(caller);
    assertEquals(Boolean.TRUE, stillInterrupted.get());
    assertEquals(1, item.a.runs.get());
    queue.close();
  }

  private static void sleepNanos(long nanos) {
    long end = System.nanoTime() + nanos;
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

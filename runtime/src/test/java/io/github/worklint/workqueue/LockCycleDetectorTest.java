package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

/**
 * The detector on plain threads, no queue: what it finds and what it does not. Every blocked
 * thread here is released by the test (the lock it waits for is let go), so nothing outlives it.
 */
class LockCycleDetectorTest {

  /** A monitor with a recognisable class name. */
  static final class Ledger {}

  private static String monitorName(Object monitor) {
    return monitor.getClass().getName() + "@"
        + Integer.toHexString(System.identityHashCode(monitor));
  }

  private static Thread blockedOnMonitor(String name, Object monitor) {
    Thread thread = Waits.start(name, () -> {
      synchronized (monitor) {
        monitor.hashCode();
      }
    });
    Waits.until(name + " blocks", () -> thread.getState() == Thread.State.BLOCKED);
    return thread;
  }

  private static Thread parkedOn(String name, Runnable acquire) {
    Thread thread = Waits.start(name, acquire);
    Waits.until(name + " parks", () -> thread.getState() == Thread.State.WAITING
        || thread.getState() == Thread.State.TIMED_WAITING);
    return thread;
  }

  @Test
  void findsARunBlockedOnAMonitorTheWaiterHolds() {
    Ledger monitor = new Ledger();
    Thread runner;
    LockCycleDetector.LockCycle cycle;
    synchronized (monitor) {
      runner = blockedOnMonitor("monitor-runner", monitor);
      cycle = LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    }
    Waits.join(runner);
    assertNotNull(cycle);
    assertEquals(runner, cycle.runner());
    String text = cycle.describe(Thread.currentThread());
    assertTrue(text.contains(monitorName(monitor)), text);
    assertTrue(text.contains("\"monitor-runner\""), text);
    String waiter = Thread.currentThread().getName();
    assertTrue(text.contains("the waiting thread \"" + waiter + "\""), text);
    assertTrue(text.contains(" at " + LockCycleDetectorTest.class.getName()), text);
  }

  @Test
  void findsARunParkedOnAReentrantLockTheWaiterHolds() {
    ReentrantLock lock = new ReentrantLock();
    Thread runner;
    LockCycleDetector.LockCycle cycle;
    lock.lock();
    try {
      runner = parkedOn("lock-runner", () -> {
        lock.lock();
        lock.unlock();
      });
      cycle = LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    } finally {
      lock.unlock();
    }
    Waits.join(runner);
    assertNotNull(cycle);
    String text = cycle.describe(Thread.currentThread());
    assertTrue(text.contains("java.util.concurrent.locks.ReentrantLock$NonfairSync@"), text);
    assertTrue(text.contains("\"lock-runner\""), text);
  }

  @Test
  void findsAWriteLockButNotAReadLock() {
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    LockCycleDetector.LockCycle writeHeld;
    LockCycleDetector.LockCycle readHeld;
    rw.writeLock().lock();
    Thread reader;
    try {
      reader = parkedOn("reader", () -> {
        rw.readLock().lock();
        rw.readLock().unlock();
      });
      writeHeld = LockCycleDetector.find(Thread.currentThread(), List.of(reader));
    } finally {
      rw.writeLock().unlock();
    }
    Waits.join(reader);
    rw.readLock().lock();
    Thread writer;
    try {
      writer = parkedOn("writer", () -> {
        rw.writeLock().lock();
        rw.writeLock().unlock();
      });
      readHeld = LockCycleDetector.find(Thread.currentThread(), List.of(writer));
    } finally {
      rw.readLock().unlock();
    }
    Waits.join(writer);
    assertNotNull(writeHeld, "a write lock has an owner the JVM records");
    assertNull(readHeld, "a read lock has no owner: the JVM cannot say who holds it");
  }

  @Test
  void followsAChainThroughAThirdThread() {
    Ledger callers = new Ledger();
    ReentrantLock thirds = new ReentrantLock();
    CountDownLatch thirdHolds = new CountDownLatch(1);
    Thread third;
    Thread runner;
    LockCycleDetector.LockCycle cycle;
    synchronized (callers) {
      third = Waits.start("third", () -> {
        thirds.lock();
        try {
          thirdHolds.countDown();
          synchronized (callers) {
            callers.hashCode();
          }
        } finally {
          thirds.unlock();
        }
      });
      assertTrue(Waits.await(thirdHolds));
      Waits.until("third blocks", () -> third.getState() == Thread.State.BLOCKED);
      runner = parkedOn("chain-runner", () -> {
        thirds.lock();
        thirds.unlock();
      });
      cycle = LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    }
    Waits.join(third);
    Waits.join(runner);
    assertNotNull(cycle);
    assertEquals(2, cycle.links().size());
    String text = cycle.describe(Thread.currentThread());
    assertTrue(text.matches("on thread \"chain-runner\" is blocked on java.util.concurrent.locks"
        + ".ReentrantLock\\$NonfairSync@\\p{XDigit}+ at .*, held by thread \"third\", which is"
        + " blocked on " + java.util.regex.Pattern.quote(monitorName(callers))
        + " at .*, held by the waiting thread \".*\""), text);
  }

  @Test
  void aLockHeldByAnotherThreadIsNoCycle() {
    Ledger monitor = new Ledger();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    Thread holder = Waits.start("holder", () -> {
      synchronized (monitor) {
        holding.countDown();
        Waits.await(letGo);
      }
    });
    assertTrue(Waits.await(holding));
    Thread runner = blockedOnMonitor("other-runner", monitor);
    // The holder waits on a latch, not a lock: the chain ends there, short of the waiter.
    LockCycleDetector.LockCycle cycle =
        LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    letGo.countDown();
    Waits.join(holder);
    Waits.join(runner);
    assertNull(cycle);
  }

  @Test
  void aTimedAcquisitionIsNoCycle() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Thread runner;
    LockCycleDetector.LockCycle cycle;
    lock.lock();
    try {
      runner = parkedOn("timed-runner", () -> {
        try {
          if (lock.tryLock(Waits.SECONDS, TimeUnit.SECONDS)) {
            lock.unlock();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      cycle = LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    } finally {
      lock.unlock();
    }
    Waits.join(runner);
    assertNull(cycle, "tryLock(timeout) gives up by itself");
  }

  @Test
  void aConditionWaitIsNoCycle() {
    ReentrantLock lock = new ReentrantLock();
    Condition signalled = lock.newCondition();
    CountDownLatch waiting = new CountDownLatch(1);
    boolean[] go = new boolean[1];
    Thread runner = Waits.start("condition-runner", () -> {
      lock.lock();
      try {
        waiting.countDown();
        while (!go[0]) {
          signalled.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    });
    assertTrue(Waits.await(waiting));
    Waits.until("the runner waits", () -> runner.getState() == Thread.State.WAITING);
    LockCycleDetector.LockCycle cycle =
        LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    lock.lock();
    try {
      go[0] = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
    Waits.join(runner);
    assertNull(cycle, "a Condition has no owner to follow");
  }

  @Test
  void aDeadlockAmongOtherThreadsEndsTheWalk() {
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    CountDownLatch bothHeld = new CountDownLatch(2);
    Thread a = Waits.start("loop-a", () -> crossLock(first, second, bothHeld));
    Thread b = Waits.start("loop-b", () -> crossLock(second, first, bothHeld));
    assertTrue(Waits.await(bothHeld));
    Waits.until("both park", () -> a.getState() == Thread.State.WAITING
        && b.getState() == Thread.State.WAITING);
    Thread runner = parkedOn("loop-runner", () -> {
      first.lock();
      first.unlock();
    });
    // runner -> a -> b -> a: a loop that never reaches the waiter.
    LockCycleDetector.LockCycle cycle =
        LockCycleDetector.find(Thread.currentThread(), List.of(runner));
    a.interrupt();
    b.interrupt();
    Waits.join(a);
    Waits.join(b);
    Waits.join(runner);
    assertNull(cycle);
  }

  /** Holds {@code mine}, then waits (interruptibly, so the test can end it) for {@code theirs}. */
  private static void crossLock(ReentrantLock mine, ReentrantLock theirs, CountDownLatch held) {
    mine.lock();
    try {
      held.countDown();
      Waits.await(held);
      theirs.lockInterruptibly();
      theirs.unlock();
    } catch (InterruptedException e) {
      // the test ends the deadlock this way
    } finally {
      mine.unlock();
    }
  }

  @Test
  void aRunnerThatIsNotBlockedIsNoCycle() {
    Thread runner = Waits.start("busy-runner", () -> {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
    });
    assertNull(LockCycleDetector.find(Thread.currentThread(), List.of(runner)));
    assertNull(LockCycleDetector.find(Thread.currentThread(), List.of(Thread.currentThread())));
    Waits.join(runner);
  }
}

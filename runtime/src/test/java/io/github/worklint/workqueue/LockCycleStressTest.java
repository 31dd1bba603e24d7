package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counted invariants for the lock-cycle check under concurrency: several waiters at once, each
 * holding its own lock, wait for runs that either take that lock (a real deadlock, which must be
 * reported every time) or take a shared lock that a busy third thread holds for longer than the
 * check's first delay (no deadlock, which must never be reported). Every run completes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LockCycleStressTest {

  private static final int WAITERS = 3;
  private static final int ROUNDS = 8;

  @Test
  void realCyclesAreAlwaysReportedAndBusyLocksNever() {
    WorkQueue queue = CountingThreadFactory.queue("stress-locks", WAITERS + 1);
    ReentrantLock shared = new ReentrantLock();
    AtomicInteger reportedReal = new AtomicInteger();
    AtomicInteger reportedFalsely = new AtomicInteger();
    AtomicInteger unexpected = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger innocentPastACheck = new AtomicInteger();
    Thread busy = Waits.start("busy-holder", () -> {
      // Holds the shared lock 200 ms at a time, so runs that need it block past the first check.
      while (done.get() < WAITERS) {
        shared.lock();
        try {
          sleepMillis(200);
        } finally {
          shared.unlock();
        }
        Thread.yield();
      }
    });
    List<TestItem> items = new ArrayList<>();
    List<Thread> waiters = new ArrayList<>();
    for (int w = 0; w < WAITERS; w++) {
      TestItem item = new TestItem(w);
      items.add(item);
      ReentrantLock own = new ReentrantLock();
      boolean[] guilty = new boolean[1];
      item.a.body = () -> {
        ReentrantLock taken = guilty[0] ? own : shared;
        taken.lock();
        taken.unlock();
      };
      waiters.add(Waits.start("waiter-" + w, () -> {
        for (int round = 0; round < ROUNDS; round++) {
          guilty[0] = (round + item.index) % 2 == 0;
          own.lock();
          long start = System.nanoTime();
          try {
            queue.enqueue(item.a());
            queue.flush(item.a());
            if (System.nanoTime() - start > Progress.FIRST_CHECK_NANOS * 3 / 2) {
              innocentPastACheck.incrementAndGet();
            }
            if (guilty[0]) {
              unexpected.incrementAndGet(); // a real cycle went unreported
            }
          } catch (IllegalStateException e) {
            (guilty[0] ? reportedReal : reportedFalsely).incrementAndGet();
          } catch (RuntimeException | Error e) {
            unexpected.incrementAndGet();
          } finally {
            own.unlock();
          }
          Waits.until("the run completes", () -> !Waits.slot(item.a()).isRunning()
              && !Waits.slot(item.a()).isPending());
        }
        done.incrementAndGet();
      }));
    }
    for (Thread waiter : waiters) {
      Waits.join(waiter);
    }
    Waits.join(busy);
    queue.close();

    int guiltyRounds = 0;
    for (int w = 0; w < WAITERS; w++) {
      for (int round = 0; round < ROUNDS; round++) {
        guiltyRounds += (round + w) % 2 == 0 ? 1 : 0;
      }
    }
    assertEquals(0, unexpected.get(), "unreported cycles or unexpected failures");
    assertEquals(0, reportedFalsely.get(), "a wait for a run blocked on a busy lock threw");
    assertEquals(guiltyRounds, reportedReal.get());
    for (TestItem item : items) {
      assertEquals(ROUNDS, item.a.runs.get(), "every run completed");
    }
    assertTrue(guiltyRounds > 0 && guiltyRounds < WAITERS * ROUNDS);
    assertTrue(innocentPastACheck.get() > 0, "no innocent wait lasted past a lock-cycle check");
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

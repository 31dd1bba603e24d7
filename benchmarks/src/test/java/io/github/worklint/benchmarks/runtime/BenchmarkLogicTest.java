package io.github.worklint.benchmarks.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' own logic, called directly with small sizes (no JMH): every batch runs every
 * item exactly once, coalescing loses no request, the held queue really holds.
 */
class BenchmarkLogicTest {

  @Test
  void oneShotRunsEachItemOncePerBatch() throws Exception {
    OneShotBenchmark benchmark = new OneShotBenchmark();
    OneShotBenchmark.Worklint worklint = new OneShotBenchmark.Worklint();
    worklint.items = 10_000;
    worklint.setUp();
    for (int i = 0; i < 3; i++) {
      benchmark.worklint(worklint);
    }
    worklint.tearDown(); // throws unless each job ran exactly 3 times

    OneShotBenchmark.Executor executor = new OneShotBenchmark.Executor();
    executor.items = 10_000;
    executor.setUp();
    for (int i = 0; i < 3; i++) {
      benchmark.threadPool(executor);
    }
    executor.tearDown();

    OneShotBenchmark.ForkJoin forkJoin = new OneShotBenchmark.ForkJoin();
    forkJoin.items = 10_000;
    forkJoin.setUp();
    assertTrue(forkJoin.executor instanceof java.util.concurrent.ForkJoinPool);
    for (int i = 0; i < 3; i++) {
      benchmark.forkJoin(forkJoin);
    }
    forkJoin.tearDown(); // throws unless each task ran exactly 3 times
  }

  @Test
  void fourProducersEachRunTheirOwnShareOncePerBatch() throws Exception {
    OneShotFourProducersBenchmark benchmark = new OneShotFourProducersBenchmark();
    OneShotFourProducersBenchmark.Queue queue = new OneShotFourProducersBenchmark.Queue();
    queue.setUp();
    OneShotFourProducersBenchmark.ThreadPool threadPool =
        new OneShotFourProducersBenchmark.ThreadPool();
    threadPool.setUp();
    OneShotFourProducersBenchmark.ForkJoin forkJoin = new OneShotFourProducersBenchmark.ForkJoin();
    forkJoin.setUp();
    int producers = OneShotFourProducersBenchmark.PRODUCERS;
    OneShotFourProducersBenchmark.WorklintShare[] jobs =
        new OneShotFourProducersBenchmark.WorklintShare[producers];
    OneShotFourProducersBenchmark.TaskShare[] pooled =
        new OneShotFourProducersBenchmark.TaskShare[producers];
    OneShotFourProducersBenchmark.TaskShare[] forked =
        new OneShotFourProducersBenchmark.TaskShare[producers];
    Thread[] threads = new Thread[producers];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int p = 0; p < producers; p++) {
      jobs[p] = new OneShotFourProducersBenchmark.WorklintShare();
      jobs[p].items = 8_000;
      jobs[p].setUp();
      pooled[p] = new OneShotFourProducersBenchmark.TaskShare();
      pooled[p].items = 8_000;
      pooled[p].setUp();
      forked[p] = new OneShotFourProducersBenchmark.TaskShare();
      forked[p].items = 8_000;
      forked[p].setUp();
      int me = p;
      threads[p] = new Thread(() -> {
        try {
          for (int batch = 0; batch < 3; batch++) {
            benchmark.worklint(queue, jobs[me]);
            benchmark.threadPool(threadPool, pooled[me]);
            benchmark.forkJoin(forkJoin, forked[me]);
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      threads[p].start();
    }
    for (Thread thread : threads) {
      thread.join(60_000);
      assertFalse(thread.isAlive());
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    queue.tearDown();
    threadPool.tearDown();
    forkJoin.tearDown();
    for (int p = 0; p < producers; p++) {
      assertEquals(2_000, jobs[p].jobs.length, "a quarter each");
      jobs[p].tearDown(); // throws unless each job ran exactly 3 times
      pooled[p].check();
      forked[p].check();
    }
  }

  @Test
  void coalescingWithTwoProducers() throws Exception {
    CoalescingBenchmark benchmark = new CoalescingBenchmark();
    CoalescingBenchmark.Worklint worklint = new CoalescingBenchmark.Worklint();
    worklint.items = 64;
    worklint.setUp();
    CoalescingBenchmark.Idiom idiom = new CoalescingBenchmark.Idiom();
    idiom.items = 64;
    idiom.setUp();
    twoProducers(producer -> {
      benchmark.worklint(worklint, producer);
      benchmark.idiom(idiom, producer);
    });
    // After the producers' waits, everything they asked for has run.
    for (Job job : worklint.jobs) {
      assertFalse(job.isPending());
      assertTrue(job.runs >= 1);
    }
    assertEquals(0, idiom.outstanding.get());
    for (CoalescingBenchmark.Coalesced task : idiom.tasks) {
      assertFalse(task.scheduled.get());
      assertTrue(task.runs.get() >= 1);
    }
    worklint.tearDown(); // throws unless runs == successful enqueues
    idiom.tearDown();
  }

  @Test
  void theHeldQueueRunsNothingAndEnqueueOfAPendingSlotFails() throws Exception {
    AllocationBenchmark benchmark = new AllocationBenchmark();
    AllocationBenchmark.Held held = new AllocationBenchmark.Held();
    held.setUp();
    for (int i = 0; i < 1000; i++) {
      assertFalse(benchmark.enqueuePending(held));
      assertTrue(benchmark.enqueueThenCancel(held));
    }
    held.tearDown(); // throws if anything ran

    AllocationBenchmark.WorklintCycle cycle = new AllocationBenchmark.WorklintCycle();
    cycle.setUp();
    benchmark.cycleWorklint(cycle);
    benchmark.cycleWorklint(cycle);
    cycle.tearDown();
    Checks.eachRanExactly(cycle.jobs, 2);

    AllocationBenchmark.ExecutorCycle executorCycle = new AllocationBenchmark.ExecutorCycle();
    executorCycle.setUp();
    benchmark.cycleThreadPool(executorCycle);
    executorCycle.tearDown();
    for (OneShotBenchmark.Task task : executorCycle.tasks) {
      assertEquals(1, task.runs);
    }
  }

  interface ProducerBody {
    void run(CoalescingBenchmark.Producer producer) throws Exception;
  }

  private static void twoProducers(ProducerBody body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[2];
    for (int i = 0; i < threads.length; i++) {
      CoalescingBenchmark.Producer producer = new CoalescingBenchmark.Producer();
      producer.requests = 20_000;
      producer.start = i * 31;
      threads[i] = new Thread(() -> {
        try {
          start.await();
          body.run(producer);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
      threads[i].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void delayedBenchmarksArmAndRearmWithoutFiring() {
    DelayedBenchmark benchmark = new DelayedBenchmark();
    DelayedBenchmark.Timers timers = new DelayedBenchmark.Timers();
    timers.armed = 1_000;
    timers.setUp();
    for (int i = 0; i < 1_000; i++) {
      assertTrue(benchmark.enqueueDelayedThenCancel(timers), "each arming is cancelled");
      assertTrue(benchmark.modDelayed(timers), "the re-armed job stays armed");
    }
    timers.tearDown(); // throws if a timer fired
  }

  @Test
  void delayedLatenessIsNeverEarlyAndMeasuresEveryProbe() throws Exception {
    DelayedLateness.Figures figures =
        DelayedLateness.measure(1_000, 50, java.time.Duration.ofMillis(1));
    assertEquals(50, figures.probes());
    assertEquals(0, figures.early());
    assertTrue(figures.p50Micros() >= 0 && figures.p99Micros() >= figures.p50Micros());
  }
}

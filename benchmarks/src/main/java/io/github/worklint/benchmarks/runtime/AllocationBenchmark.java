package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure (c), allocation, read from JMH's {@code -prof gc} ({@code gc.alloc.rate.norm}, bytes
 * allocated per operation by all threads of the JVM, workers included).
 *
 * <ul>
 *   <li>{@code enqueuePending}: enqueue of a preallocated pointer whose slot is already pending
 *       (returns false).
 *   <li>{@code enqueueThenCancel}: enqueue of a preallocated pointer that links it into the queue,
 *       then cancel; the queue's only worker is held by a {@link Gate}, so nothing runs.
 *   <li>{@code cycleWorklint} / {@code cycleThreadPool}: the full cycle, 1,000 preallocated items
 *       enqueued (executed) and run, then the wait; per item.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AllocationBenchmark {

  static final int CYCLE_BATCH = 1000;

  /** A queue whose only worker is held by a gate; one slot pending behind it. */
  @State(Scope.Benchmark)
  public static class Held {
    WorkQueue queue;
    Gate gate;
    Job pending;
    Job idle;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      queue = WorkQueue.builder("held").maxActive(1).build();
      gate = new Gate();
      queue.enqueue(gate.pointer);
      gate.awaitStarted();
      pending = new Job();
      if (!queue.enqueue(pending.pointer)) {
        throw new IllegalStateException("could not queue the pending job");
      }
      idle = new Job();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (!pending.isPending() || idle.isPending() || idle.runs != 0) {
        throw new IllegalStateException("the held queue ran something");
      }
      queue.cancel(pending.pointer);
      gate.release();
      queue.close();
    }
  }

  @Benchmark
  public boolean enqueuePending(Held state) {
    return state.queue.enqueue(state.pending.pointer);
  }

  @Benchmark
  public boolean enqueueThenCancel(Held state) {
    state.queue.enqueue(state.idle.pointer);
    return state.queue.cancel(state.idle.pointer);
  }

  @State(Scope.Benchmark)
  public static class WorklintCycle {
    WorkQueue queue;
    Job[] jobs;

    @Setup(Level.Trial)
    public void setUp() {
      queue = Contenders.workQueue("cycle");
      jobs = new Job[CYCLE_BATCH];
      for (int i = 0; i < jobs.length; i++) {
        jobs[i] = new Job();
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      queue.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(CYCLE_BATCH)
  public void cycleWorklint(WorklintCycle state) {
    for (Job job : state.jobs) {
      state.queue.enqueue(job.pointer);
    }
    state.queue.flush();
  }

  @State(Scope.Benchmark)
  public static class ExecutorCycle {
    ThreadPoolExecutor executor;
    OneShotBenchmark.Task[] tasks;
    final OneShotBenchmark.Batch batch = new OneShotBenchmark.Batch();

    @Setup(Level.Trial)
    public void setUp() {
      executor = Contenders.threadPool("cycle");
      tasks = new OneShotBenchmark.Task[CYCLE_BATCH];
      for (int i = 0; i < tasks.length; i++) {
        tasks[i] = new OneShotBenchmark.Task(batch);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      Contenders.shutdown(executor);
    }
  }

  @Benchmark
  @OperationsPerInvocation(CYCLE_BATCH)
  public void cycleThreadPool(ExecutorCycle state) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(CYCLE_BATCH);
    state.batch.done = done;
    for (OneShotBenchmark.Task task : state.tasks) {
      state.executor.execute(task);
    }
    done.await();
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostic, not a figure: the producer's side of {@link OneShotBenchmark} alone. The queue's
 * only worker is held, so nothing runs and no worker competes for the queue; the score is the
 * time per enqueue (per execute) of {@code items} distinct preallocated items, the cleanup
 * (cancel, clear) not counted. With 10^6 items the slots are cold and, after the first batches,
 * in the old generation: run under G1 and under ParallelGC to see the cost of G1's write barrier
 * on the references an enqueue stores into the slot.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(1_000_000)
public class HeldEnqueueBenchmark {

  @State(Scope.Benchmark)
  public static class Worklint {
    @Param("1000000")
    public int items;

    WorkQueue queue;
    Gate gate;
    Job[] jobs;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      queue = WorkQueue.builder("held").maxActive(1).build();
      gate = new Gate();
      queue.enqueue(gate.pointer);
      gate.awaitStarted();
      jobs = new Job[items];
      for (int i = 0; i < items; i++) {
        jobs[i] = new Job();
      }
    }

    @TearDown(Level.Invocation)
    public void cancelAll() {
      for (Job job : jobs) {
        queue.cancel(job.pointer);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      gate.release();
      queue.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Executor {
    @Param("1000000")
    public int items;

    ThreadPoolExecutor executor;
    final CountDownLatch release = new CountDownLatch(1);
    Runnable[] tasks;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      executor =
          new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
      CountDownLatch started = new CountDownLatch(1);
      executor.execute(() -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      started.await();
      OneShotBenchmark.Batch batch = new OneShotBenchmark.Batch();
      tasks = new Runnable[items];
      for (int i = 0; i < items; i++) {
        tasks[i] = new OneShotBenchmark.Task(batch);
      }
    }

    @TearDown(Level.Invocation)
    public void clear() {
      executor.getQueue().clear();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      release.countDown();
      Contenders.shutdown(executor);
    }
  }

  @Benchmark
  public void worklint(Worklint state) {
    WorkQueue queue = state.queue;
    for (Job job : state.jobs) {
      queue.enqueue(job.pointer);
    }
  }

  @Benchmark
  public void threadPool(Executor state) {
    ThreadPoolExecutor executor = state.executor;
    for (Runnable task : state.tasks) {
      executor.execute(task);
    }
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure (a) with {@value #PRODUCERS} producers: {@code items} distinct preallocated items in all,
 * each producer enqueueing its own quarter once per batch, then waiting. The score is the time
 * per producer per batch (the producers run at once). worklint waits with {@code flush()}, the
 * executors with a latch per producer that its own tasks count down.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Threads(OneShotFourProducersBenchmark.PRODUCERS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OneShotFourProducersBenchmark {

  static final int PRODUCERS = 4;

  /** The queue all producers share. */
  @State(Scope.Benchmark)
  public static class Queue {
    WorkQueue queue;

    @Setup(Level.Trial)
    public void setUp() {
      queue = Contenders.workQueue("one-shot-4");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      queue.close();
    }
  }

  /** One producer's quarter of the items, its pointers preallocated. */
  @State(Scope.Thread)
  public static class WorklintShare {
    @Param("1000000")
    public int items;

    Job[] jobs;
    Job.Run[] pointers;
    long batches;

    @Setup(Level.Trial)
    public void setUp() {
      int share = items / PRODUCERS;
      jobs = new Job[share];
      pointers = new Job.Run[share];
      for (int i = 0; i < share; i++) {
        jobs[i] = new Job();
        pointers[i] = jobs[i].pointer;
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Checks.eachRanExactly(jobs, batches);
    }
  }

  /** The executor all producers share: ThreadPoolExecutor(2, 2). */
  @State(Scope.Benchmark)
  public static class ThreadPool {
    ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Contenders.threadPool("one-shot-4");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      Contenders.shutdown(executor);
    }
  }

  /** The executor all producers share: ForkJoinPool(2). */
  @State(Scope.Benchmark)
  public static class ForkJoin {
    ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() {
      executor = Contenders.forkJoinPool();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      Contenders.shutdown(executor);
    }
  }

  /** One producer's quarter of the Runnables and the latch of its batch in progress. */
  @State(Scope.Thread)
  public static class TaskShare {
    @Param("1000000")
    public int items;

    final OneShotBenchmark.Batch batch = new OneShotBenchmark.Batch();
    OneShotBenchmark.Task[] tasks;
    long batches;

    @Setup(Level.Trial)
    public void setUp() {
      tasks = new OneShotBenchmark.Task[items / PRODUCERS];
      for (int i = 0; i < tasks.length; i++) {
        tasks[i] = new OneShotBenchmark.Task(batch);
      }
    }

    /** After the last batch's latch opened, so every run of this share has finished. */
    @TearDown(Level.Trial)
    public void check() {
      OneShotBenchmark.checkRuns(tasks, batches);
    }
  }

  @Benchmark
  public void worklint(Queue queue, WorklintShare share) {
    WorkQueue q = queue.queue;
    for (Job.Run pointer : share.pointers) {
      if (!q.enqueue(pointer)) {
        throw new IllegalStateException("an idle slot was reported pending");
      }
    }
    q.flush();
    share.batches++;
  }

  @Benchmark
  public void threadPool(ThreadPool pool, TaskShare share) throws InterruptedException {
    executeAll(pool.executor, share);
  }

  @Benchmark
  public void forkJoin(ForkJoin pool, TaskShare share) throws InterruptedException {
    executeAll(pool.executor, share);
  }

  static void executeAll(ExecutorService executor, TaskShare share) throws InterruptedException {
    OneShotBenchmark.executeAll(executor, share.tasks, share.batch);
    share.batches++;
  }
}

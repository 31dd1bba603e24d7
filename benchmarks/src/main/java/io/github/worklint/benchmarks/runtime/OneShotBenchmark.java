package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.CountDownLatch;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure (a): {@code items} distinct, preallocated work items, each enqueued once by one
 * producer, and the wait until all have run. One invocation is one batch; the score is the time
 * per batch.
 *
 * <ul>
 *   <li>worklint: {@code enqueue(pointer)} per item on a {@code WorkQueue} with 2 workers, then
 *       {@code flush()}.
 *   <li>ThreadPoolExecutor(2, 2) on a LinkedBlockingQueue: {@code execute(runnable)} per
 *       preallocated Runnable, then a {@code CountDownLatch} that each run counts down.
 *   <li>ForkJoinPool(2): the same Runnables and latch ({@code execute} wraps each in an adapter).
 * </ul>
 *
 * Both runs do the same work: increment a counter of their own item.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class OneShotBenchmark {

  /** worklint's side: one Job per item, its pointer preallocated. */
  @State(Scope.Benchmark)
  public static class Worklint {
    @Param("1000000")
    public int items;

    WorkQueue queue;
    Job[] jobs;
    Job.Run[] pointers;
    long batches;

    @Setup(Level.Trial)
    public void setUp() {
      queue = Contenders.workQueue("one-shot");
      jobs = new Job[items];
      pointers = new Job.Run[items];
      for (int i = 0; i < items; i++) {
        jobs[i] = new Job();
        pointers[i] = jobs[i].pointer;
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      queue.close();
      Checks.eachRanExactly(jobs, batches);
    }
  }

  /** The executors' side: one preallocated Runnable per item. */
  @State(Scope.Benchmark)
  public abstract static class Executors {
    @Param("1000000")
    public int items;

    ExecutorService executor;
    Task[] tasks;
    final Batch batch = new Batch();
    long batches;

    abstract ExecutorService start();

    @Setup(Level.Trial)
    public void setUp() {
      executor = start();
      tasks = new Task[items];
      for (int i = 0; i < items; i++) {
        tasks[i] = new Task(batch);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      Contenders.shutdown(executor);
      checkRuns(tasks, batches);
    }
  }

  /** ThreadPoolExecutor(2, 2). */
  @State(Scope.Benchmark)
  public static class Executor extends Executors {
    @Override
    ExecutorService start() {
      return Contenders.threadPool("one-shot");
    }
  }

  /** ForkJoinPool(2). */
  @State(Scope.Benchmark)
  public static class ForkJoin extends Executors {
    @Override
    ExecutorService start() {
      return Contenders.forkJoinPool();
    }
  }

  /** The latch of the batch in progress. */
  static final class Batch {
    volatile CountDownLatch done;
  }

  static final class Task implements Runnable {
    private final Batch batch;
    long runs;

    Task(Batch batch) {
      this.batch = batch;
    }

    @Override
    public void run() {
      runs++;
      batch.done.countDown();
    }
  }

  @Benchmark
  public void worklint(Worklint state) {
    WorkQueue queue = state.queue;
    for (Job.Run pointer : state.pointers) {
      if (!queue.enqueue(pointer)) {
        throw new IllegalStateException("an idle slot was reported pending");
      }
    }
    queue.flush();
    state.batches++;
  }

  @Benchmark
  public void threadPool(Executor state) throws InterruptedException {
    executeAll(state);
  }

  @Benchmark
  public void forkJoin(ForkJoin state) throws InterruptedException {
    executeAll(state);
  }

  private static void executeAll(Executors state) throws InterruptedException {
    executeAll(state.executor, state.tasks, state.batch);
    state.batches++;
  }

  /** One batch: executes every task, then waits until each has run. */
  static void executeAll(ExecutorService executor, Task[] tasks, Batch batch)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(tasks.length);
    batch.done = done;
    for (Task task : tasks) {
      executor.execute(task);
    }
    done.await();
  }

  /** Throws unless every task ran once per batch. */
  static void checkRuns(Task[] tasks, long batches) {
    for (Task task : tasks) {
      if (task.runs != batches) {
        throw new IllegalStateException("a task ran " + task.runs + " times in " + batches);
      }
    }
  }
}

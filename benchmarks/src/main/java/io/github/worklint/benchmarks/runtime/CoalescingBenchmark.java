package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Figure (b), coalescing: 2 producer threads each make {@code requests} requests, round-robin
 * over {@code items} items, then wait until the work they asked for has run. A request for an
 * item whose work is already pending costs almost nothing and queues nothing. The score is the
 * time per producer per batch (both producers run at once).
 *
 * <ul>
 *   <li>worklint: {@code enqueue(pointer)}, which returns false while the slot is pending; the
 *       wait is {@code flush()}.
 *   <li>the standard Java idiom: {@code if (scheduled.compareAndSet(false, true))
 *       executor.execute(task)}, the task clearing the flag before it works, on a
 *       ThreadPoolExecutor(2, 2); the wait is a count of scheduled-but-unfinished tasks.
 * </ul>
 *
 * Both runs do the same work: increment a counter of their own item. Unlike the idiom, worklint
 * also guarantees that one item's runs never overlap.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CoalescingBenchmark {

  /** Requests per producer per batch: 2 producers make 2 x 10^6 requests. */
  static final String REQUESTS = "1000000";

  @State(Scope.Benchmark)
  public static class Worklint {
    @Param("64")
    public int items;

    WorkQueue queue;
    Job[] jobs;
    Job.Run[] pointers;
    final AtomicLong queued = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
      queue = Contenders.workQueue("coalescing");
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
      long runs = 0;
      for (Job job : jobs) {
        runs += job.runs;
      }
      if (runs != queued.get()) {
        throw new IllegalStateException(
            runs + " runs for " + queued.get() + " successful enqueues");
      }
      System.out.println("worklint: " + runs + " runs");
    }
  }

  @State(Scope.Benchmark)
  public static class Idiom {
    @Param("64")
    public int items;

    ThreadPoolExecutor executor;
    Coalesced[] tasks;
    final AtomicLong outstanding = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
      executor = Contenders.threadPool("coalescing");
      tasks = new Coalesced[items];
      for (int i = 0; i < items; i++) {
        tasks[i] = new Coalesced(executor, outstanding);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      Contenders.shutdown(executor);
      long runs = 0;
      for (Coalesced task : tasks) {
        runs += task.runs.get();
      }
      System.out.println("idiom: " + runs + " runs");
    }

    void awaitQuiescence() {
      while (outstanding.get() != 0) {
        LockSupport.parkNanos(10_000);
      }
    }
  }

  /** The standard idiom: a flag per item, set by the request that schedules, cleared by the run. */
  static final class Coalesced implements Runnable {
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicLong runs = new AtomicLong();
    private final java.util.concurrent.Executor executor;
    private final AtomicLong outstanding;

    Coalesced(java.util.concurrent.Executor executor, AtomicLong outstanding) {
      this.executor = executor;
      this.outstanding = outstanding;
    }

    void request() {
      if (scheduled.compareAndSet(false, true)) {
        outstanding.incrementAndGet();
        executor.execute(this);
      }
    }

    @Override
    public void run() {
      scheduled.set(false);
      runs.lazySet(runs.get() + 1); // runs of one item may overlap here: a plain count suffices
      outstanding.decrementAndGet();
    }
  }

  /** Where each producer starts in the round-robin, so the two do not move in lockstep. */
  @State(Scope.Thread)
  public static class Producer {
    @Param(REQUESTS)
    public int requests;

    int start;

    @Setup(Level.Trial)
    public void setUp(ThreadParams threads) {
      start = threads.getThreadIndex() * 31;
    }
  }

  @Benchmark
  public void worklint(Worklint state, Producer producer) {
    WorkQueue queue = state.queue;
    Job.Run[] pointers = state.pointers;
    int n = pointers.length;
    int at = producer.start % n;
    long queued = 0;
    for (int r = producer.requests; r > 0; r--) {
      if (queue.enqueue(pointers[at])) {
        queued++;
      }
      if (++at == n) {
        at = 0;
      }
    }
    state.queued.addAndGet(queued);
    queue.flush();
  }

  @Benchmark
  public void idiom(Idiom state, Producer producer) {
    Coalesced[] tasks = state.tasks;
    int n = tasks.length;
    int at = producer.start % n;
    for (int r = producer.requests; r > 0; r--) {
      tasks[at].request();
      if (++at == n) {
        at = 0;
      }
    }
    state.awaitQuiescence();
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostic, not a figure: where the time of a coalesced request goes, one thread, no
 * contention. Compares worklint's enqueue of an already-pending slot with its parts and with the
 * idiom's failing compareAndSet. Run with {@code RunAll --only diagnose}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EnqueuePathBenchmark {

  private static final VarHandle FLAG;

  static {
    try {
      FLAG = MethodHandles.lookup().findVarHandle(EnqueuePathBenchmark.class, "flag", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int flag = 1;
  private final AtomicBoolean scheduled = new AtomicBoolean(true);

  WorkQueue queue;
  Gate gate;
  Job pending;

  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    queue = WorkQueue.builder("diagnose").maxActive(1).build();
    gate = new Gate();
    queue.enqueue(gate.pointer);
    gate.awaitStarted();
    pending = new Job();
    queue.enqueue(pending.pointer);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    queue.cancel(pending.pointer);
    gate.release();
    queue.close();
  }

  /** The idiom's request when already scheduled: one failing compareAndSet. */
  @Benchmark
  public boolean idiomFailingCas() {
    return scheduled.compareAndSet(false, true);
  }

  /** What Work.tryMarkPending does on a pending slot: one getAndBitwiseOr. */
  @Benchmark
  public int getAndBitwiseOr() {
    return (int) FLAG.getAndBitwiseOr(this, 1);
  }

  /** Finding the slot: pointer.hasWork().workOf(pointer.item()). */
  @Benchmark
  public Work<Job.Run> slotLookup() {
    Job.Run pointer = pending.pointer;
    return pointer.hasWork().workOf(pointer.item());
  }

  /** Both, plus the checks in WorkQueue.enqueue: the whole coalesced request. */
  @Benchmark
  public boolean enqueuePending() {
    return queue.enqueue(pending.pointer);
  }
}

package io.github.worklint.benchmarks.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostic, not a figure: two threads requesting the same already-pending flag, the situation
 * of every coalesced request in {@link CoalescingBenchmark}. Compares the atomic operations a
 * request can use on a flag that is already set.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
@Fork(1)
@State(Scope.Benchmark)
public class ContendedFlagBenchmark {

  private static final VarHandle FLAG;

  static {
    try {
      FLAG = MethodHandles.lookup().findVarHandle(ContendedFlagBenchmark.class, "flag", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int flag = 1;

  /** worklint's Work.tryMarkPending: a volatile read, then a compareAndSet loop. */
  @Benchmark
  public int getAndBitwiseOr() {
    return (int) FLAG.getAndBitwiseOr(this, 1);
  }

  /** The idiom: one compareAndSet(false, true) that fails. */
  @Benchmark
  public boolean failingCompareAndSet() {
    return FLAG.compareAndSet(this, 0, 1);
  }

  /** One read-modify-write that always writes (lock xadd on x86), then no loop. */
  @Benchmark
  public int getAndAddZero() {
    return (int) FLAG.getAndAdd(this, 0);
  }

  /** A plain volatile read: what a request costs if it may skip the write. */
  @Benchmark
  public int volatileRead() {
    return flag;
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.time.Duration;
import java.util.SplittableRandom;
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
 * Delayed work: the cost and allocation ({@code -prof gc}, all threads, the timer thread
 * included) of arming and re-arming a preallocated pointer, with {@code armed} other timers
 * already armed (an hour or more away, so none fires), which shows the O(log n) heap.
 *
 * <ul>
 *   <li>{@code enqueueDelayedThenCancel}: {@code enqueueDelayed} of an idle slot (arms it), then
 *       {@code cancel} (disarms it).
 *   <li>{@code modDelayed}: re-arms an armed slot, alternating between two deadlines a minute
 *       apart, so that it sifts both ways.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DelayedBenchmark {

  static final Duration HOUR = Duration.ofHours(1);
  static final Duration HOUR_AND_A_MINUTE = HOUR.plusMinutes(1);

  @State(Scope.Benchmark)
  public static class Timers {
    @Param({"0", "100000"})
    public int armed;

    WorkQueue queue;
    DelayedJob[] background;
    DelayedJob idle;
    DelayedJob rearmed;
    boolean flip;

    @Setup(Level.Trial)
    public void setUp() {
      queue = WorkQueue.builder("delayed").maxActive(1).build();
      background = armBackground(queue, armed);
      idle = new DelayedJob();
      rearmed = new DelayedJob();
      if (!queue.enqueueDelayed(rearmed.pointer, HOUR)) {
        throw new IllegalStateException("could not arm the re-armed job");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (idle.isPending() || !rearmed.isPending() || idle.ranAt != 0 || rearmed.ranAt != 0) {
        throw new IllegalStateException("a timer fired during the benchmark");
      }
      queue.cancel(rearmed.pointer);
      for (DelayedJob job : background) {
        queue.cancel(job.pointer);
      }
      queue.close();
    }
  }

  /** Arms {@code count} jobs an hour to two hours away, in random order. */
  static DelayedJob[] armBackground(WorkQueue queue, int count) {
    SplittableRandom random = new SplittableRandom(42);
    DelayedJob[] jobs = new DelayedJob[count];
    for (int i = 0; i < count; i++) {
      jobs[i] = new DelayedJob();
      queue.enqueueDelayed(jobs[i].pointer, HOUR.plusNanos(random.nextLong(HOUR.toNanos())));
    }
    return jobs;
  }

  @Benchmark
  public boolean enqueueDelayedThenCancel(Timers state) {
    state.queue.enqueueDelayed(state.idle.pointer, HOUR);
    return state.queue.cancel(state.idle.pointer);
  }

  @Benchmark
  public boolean modDelayed(Timers state) {
    boolean flip = !state.flip;
    state.flip = flip;
    return state.queue.modDelayed(state.rearmed.pointer, flip ? HOUR : HOUR_AND_A_MINUTE);
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How late delayed work runs on an otherwise idle queue: with {@code background} timers armed
 * (an hour or more away), arms one probe at a time with a short delay and records, per probe,
 * the start of its run minus its deadline (the clock read just before {@code enqueueDelayed}
 * plus the delay, so the figure includes the call itself). Not JMH: a latency distribution.
 */
public final class DelayedLateness {

  /** Lateness percentiles, in microseconds, and the number of early runs (must be 0). */
  public record Figures(int background, int probes, double p50Micros, double p99Micros,
      double maxMicros, int early) {}

  private DelayedLateness() {}

  public static Figures measure(int background, int probes, Duration delay)
      throws InterruptedException {
    WorkQueue queue = WorkQueue.builder("lateness").maxActive(1).build();
    try {
      DelayedJob[] others = DelayedBenchmark.armBackground(queue, background);
      DelayedJob probe = new DelayedJob();
      long[] lateness = new long[probes];
      int early = 0;
      for (int i = -probes / 10; i < probes; i++) { // the first tenth warms up, unrecorded
        CountDownLatch ran = new CountDownLatch(1);
        probe.ran = ran;
        long deadline = System.nanoTime() + delay.toNanos();
        if (!queue.enqueueDelayed(probe.pointer, delay)) {
          throw new IllegalStateException("the probe was still pending");
        }
        if (!ran.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the probe never ran");
        }
        queue.flush(probe.pointer); // until the run has ended, so the next arming is new
        if (i >= 0) {
          lateness[i] = probe.ranAt - deadline;
          if (lateness[i] < 0) {
            early++;
          }
        }
      }
      for (DelayedJob job : others) {
        queue.cancel(job.pointer);
      }
      Arrays.sort(lateness);
      return new Figures(background, probes, micros(lateness[probes / 2]),
          micros(lateness[(int) Math.min(probes - 1L, Math.round(probes * 0.99))]),
          micros(lateness[probes - 1]), early);
    } finally {
      queue.close();
    }
  }

  private static double micros(long nanos) {
    return nanos / 1_000.0;
  }
}

package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.WorkQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The contenders, built alike: {@link #WORKERS} worker threads each. */
final class Contenders {

  /** The number of workers on both sides: 2, this machine's processor count when measured. */
  static final int WORKERS = 2;

  private Contenders() {}

  static WorkQueue workQueue(String name) {
    return WorkQueue.builder(name).maxActive(WORKERS).build();
  }

  /** ThreadPoolExecutor(2, 2) on an unbounded LinkedBlockingQueue, its threads started. */
  static ThreadPoolExecutor threadPool(String name) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> new Thread(r, name + "-" + count.incrementAndGet());
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
    executor.prestartAllCoreThreads();
    return executor;
  }

  /** ForkJoinPool(2): its external submission queues and work-stealing workers, async mode off. */
  static ForkJoinPool forkJoinPool() {
    return new ForkJoinPool(WORKERS);
  }

  static void shutdown(java.util.concurrent.ExecutorService executor)
      throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the executor did not terminate");
    }
  }
}

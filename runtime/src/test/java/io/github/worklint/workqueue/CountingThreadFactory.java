package io.github.worklint.workqueue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Makes daemon worker threads and remembers them. Daemon, so that a test that fails with a
 * worker still held cannot keep the test JVM alive.
 */
final class CountingThreadFactory implements ThreadFactory {

  private final String prefix;
  private final List<Thread> created = new CopyOnWriteArrayList<>();

  CountingThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, prefix + "-" + created.size());
    thread.setDaemon(true);
    created.add(thread);
    return thread;
  }

  List<Thread> created() {
    return List.copyOf(created);
  }

  /** A queue of {@code maxActive} workers made by a new factory of this kind. */
  static WorkQueue queue(String name, int maxActive) {
    return WorkQueue.builder(name)
        .maxActive(maxActive)
        .threadFactory(new CountingThreadFactory(name))
        .build();
  }
}

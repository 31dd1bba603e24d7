package io.github.worklint.workqueue;

/**
 * An ordered (single-worker) queue whose worker is held in a gate by a blocker item, so that
 * everything enqueued meanwhile stays pending until {@link #release()}. Closing releases the
 * worker and then closes the queue.
 */
record Blocked(WorkQueue queue, Gate gate, TestItem blocker) implements AutoCloseable {

  static Blocked ordered(String name) {
    WorkQueue queue = WorkQueue.builder(name)
        .ordered()
        .threadFactory(new CountingThreadFactory(name))
        .build();
    Gate gate = new Gate();
    TestItem blocker = new TestItem(-1);
    blocker.c.body = gate::pass;
    try {
      if (!queue.enqueue(blocker.c())) {
        throw new AssertionError("a fresh blocker slot was already pending");
      }
      gate.awaitEntered();
    } catch (RuntimeException | Error e) {
      gate.release();
      queue.close();
      throw e;
    }
    return new Blocked(queue, gate, blocker);
  }

  void release() {
    gate.release();
  }

  @Override
  public void close() {
    gate.release();
    queue.close();
  }
}

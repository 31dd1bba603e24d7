package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/**
 * A work item with a delayed slot ({@link D}) and a plain one ({@link A}), as a user would write
 * them. The delayed run records when it started, so tests can check it was never early.
 */
final class DelayedItem {

  @Slot private final DelayedWork<D> timeout = new DelayedWork<>();
  @Slot private final Work<A> plain = new Work<>();

  final Probe d = new Probe();
  final Probe a = new Probe();

  /** {@link System#nanoTime()} when the last delayed run started. */
  volatile long lastRunStart;

  final int index;

  DelayedItem() {
    this(0);
  }

  DelayedItem(int index) {
    this.index = index;
  }

  D d() {
    return new D(this);
  }

  A a() {
    return new A(this);
  }

  DelayedWork<D> slot() {
    return timeout;
  }

  @Override
  public String toString() {
    return "DelayedItem#" + index;
  }

  record D(DelayedItem item) implements DelayedWorkItemPointer<DelayedItem, D> {
    static final HasDelayedWork<DelayedItem, D> WORK =
        HasDelayedWork.of(MethodHandles.lookup(), DelayedItem.class, D.class, "timeout");

    @Override
    public HasDelayedWork<DelayedItem, D> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.lastRunStart = System.nanoTime();
      item.d.run();
    }
  }

  record A(DelayedItem item) implements WorkItemPointer<DelayedItem, A> {
    static final HasWork<DelayedItem, A> WORK =
        HasWork.of(MethodHandles.lookup(), DelayedItem.class, A.class, "plain");

    @Override
    public HasWork<DelayedItem, A> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.a.run();
    }
  }
}

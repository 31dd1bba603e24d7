package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/**
 * A work item with three slots, each with its own pointer newtype, exactly as in design.md §1.
 * Each slot's run delegates to its {@link Probe}.
 */
final class TestItem {

  @Slot private final Work<A> aWork = new Work<>();
  @Slot private final Work<B> bWork = new Work<>();
  @Slot private final Work<C> cWork = new Work<>();

  final Probe a = new Probe();
  final Probe b = new Probe();
  final Probe c = new Probe();

  /** Where the item is in a test's sequence of items. */
  final int index;

  /** Plain, non-volatile state, for the happens-before test. */
  int payload;

  TestItem() {
    this(0);
  }

  TestItem(int index) {
    this.index = index;
  }

  A a() {
    return new A(this);
  }

  B b() {
    return new B(this);
  }

  C c() {
    return new C(this);
  }

  @Override
  public String toString() {
    return "TestItem#" + index;
  }

  record A(TestItem item) implements WorkItemPointer<TestItem, A> {
    static final HasWork<TestItem, A> WORK =
        HasWork.of(MethodHandles.lookup(), TestItem.class, A.class, "aWork");

    @Override
    public HasWork<TestItem, A> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.a.run();
    }
  }

  record B(TestItem item) implements WorkItemPointer<TestItem, B> {
    static final HasWork<TestItem, B> WORK =
        HasWork.of(MethodHandles.lookup(), TestItem.class, B.class, "bWork");

    @Override
    public HasWork<TestItem, B> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.b.run();
    }
  }

  record C(TestItem item) implements WorkItemPointer<TestItem, C> {
    static final HasWork<TestItem, C> WORK =
        HasWork.of(MethodHandles.lookup(), TestItem.class, C.class, "cWork");

    @Override
    public HasWork<TestItem, C> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.c.run();
    }
  }
}

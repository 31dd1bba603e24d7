package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/** A private slot in a superclass of the same nest: the subclass's pointer may read it. */
final class NestedHierarchy {

  private NestedHierarchy() {}

  static class Base {
    @Slot private final Work<Derived.P> work = new Work<>();
  }

  static final class Derived extends Base {
    final Probe probe = new Probe();

    record P(Derived item) implements WorkItemPointer<Derived, P> {
      static final HasWork<Derived, P> WORK =
          HasWork.of(MethodHandles.lookup(), Derived.class, P.class, "work");

      @Override
      public HasWork<Derived, P> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.probe.run();
      }
    }
  }
}

package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/** An item whose only slot is inherited from {@link SlotBase}, a top-level class. */
final class InheritingItem extends SlotBase {

  record P(InheritingItem item) implements WorkItemPointer<InheritingItem, P> {
    static final HasWork<InheritingItem, P> WORK =
        HasWork.of(MethodHandles.lookup(), InheritingItem.class, P.class, "work");

    @Override
    public HasWork<InheritingItem, P> hasWork() {
      return WORK;
    }

    @Override
    public void run() {}
  }
}

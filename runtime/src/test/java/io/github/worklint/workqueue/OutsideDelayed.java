package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/** Subclass, in another nest, of a class with a private delayed slot its pointer cannot see. */
final class OutsideDelayed extends BrokenDelayedItems.PrivateDelayedBase {

  record P(OutsideDelayed item) implements DelayedWorkItemPointer<OutsideDelayed, P> {
    static MethodHandles.Lookup lookup() {
      return MethodHandles.lookup();
    }

    @Override
    public HasDelayedWork<OutsideDelayed, P> hasWork() {
      throw new UnsupportedOperationException("no descriptor can be built for this slot");
    }

    @Override
    public void run() {}
  }
}

package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/** Subclass of {@link PrivateSlotBase} in another nest; its pointer cannot see the private slot. */
final class OutsideSubclass extends PrivateSlotBase {

  record P(OutsideSubclass item) implements WorkItemPointer<OutsideSubclass, P> {
    /** The lookup this pointer type would pass to HasWork.of. */
    static MethodHandles.Lookup lookup() {
      return MethodHandles.lookup();
    }

    @Override
    public HasWork<OutsideSubclass, P> hasWork() {
      throw new UnsupportedOperationException("no descriptor can be built for this slot");
    }

    @Override
    public void run() {}
  }
}

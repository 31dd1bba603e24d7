package io.github.worklint.workqueue;

/**
 * A superclass holding a package-private slot for its subclass {@link InheritingItem}, in another
 * nest: the subclass's pointer may still read it (same package).
 */
class SlotBase {
  @Slot final Work<InheritingItem.P> work = new Work<>();
}

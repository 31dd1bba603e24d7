package io.github.worklint.workqueue;

/**
 * A superclass, in its own nest, with a private slot meant for its subclass {@link OutsideSubclass}:
 * the subclass's pointer cannot read it, so {@code HasWork.of} must reject it.
 */
class PrivateSlotBase {
  @Slot private final Work<OutsideSubclass.P> work = new Work<>();

  @Override
  public String toString() {
    return "PrivateSlotBase[" + work + "]";
  }
}

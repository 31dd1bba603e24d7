package io.github.worklint.workqueue;

/**
 * The descriptor of a plain {@link Work} slot, as built by {@link HasWork#of}. A record so that
 * HotSpot trusts its field (see {@link SlotField}).
 */
record PlainHasWork<T, P extends WorkItemPointer<T, P>>(SlotField field) implements HasWork<T, P> {

  @SuppressWarnings("unchecked") // SlotField.find proved the field is a Work<P> of a T
  @Override
  public Work<P> workOf(T item) {
    return (Work<P>) field.read(item);
  }

  @Override
  public Class<T> itemType() {
    return field.itemType();
  }

  @Override
  public Class<P> pointerType() {
    return field.pointerType();
  }

  @Override
  public String fieldName() {
    return field.fieldName();
  }

  @Override
  public String toString() {
    return field.describe("HasWork");
  }
}

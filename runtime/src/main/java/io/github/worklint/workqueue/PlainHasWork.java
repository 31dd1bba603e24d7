package io.github.worklint.workqueue;

/** The descriptor of a plain {@link Work} slot, as built by {@link HasWork#of}. */
final class PlainHasWork<T, P extends WorkItemPointer<T, P>> implements HasWork<T, P> {

  private final SlotField field;

  PlainHasWork(SlotField field) {
    this.field = field;
  }

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
    return field.fieldName;
  }

  @Override
  public String toString() {
    return field.describe("HasWork");
  }
}

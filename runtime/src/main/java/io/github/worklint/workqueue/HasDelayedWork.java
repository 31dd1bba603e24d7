package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.Nullable;

/**
 * Says which field of the item type {@code T} holds the {@code DelayedWork<P>} slot of
 * the delayed pointer type {@code P}: the delayed counterpart of {@link HasWork}, built and kept
 * the same way (once, in a {@code static final} field of the pointer type).
 *
 * @param <T> the item type
 * @param <P> the pointer type whose slot this describes
 */
public final class HasDelayedWork<T, P extends DelayedWorkItemPointer<T, P>>
    implements HasWork<T, P> {

  private final SlotField field;

  private HasDelayedWork(SlotField field) {
    this.field = field;
  }

  /**
   * Describes the slot {@code fieldName} of {@code itemType} (declared there or in a superclass)
   * as the {@code DelayedWork<pointerType>} of that item. The checks and messages are those of
   * {@link HasWork#of}.
   *
   * @param lookup a lookup with private access to the declaring class, normally {@code
   *     MethodHandles.lookup()} in the pointer type nested in the item
   * @throws IllegalArgumentException naming the class and field when the field is missing or
   *     inaccessible, its declared type is not exactly {@code DelayedWork<pointerType>} (a plain
   *     {@code Work} field included), it is static or not final, or another slot of {@code
   *     pointerType} ({@code Work} or {@code DelayedWork}) exists in the item's hierarchy
   */
  public static <T, P extends DelayedWorkItemPointer<T, P>> HasDelayedWork<T, P> of(
      MethodHandles.Lookup lookup, Class<T> itemType, Class<P> pointerType, String fieldName) {
    return new HasDelayedWork<>(
        SlotField.find(lookup, itemType, pointerType, fieldName, DelayedWork.class));
  }

  /**
   * The delayed slot of {@code item}.
   *
   * @throws IllegalStateException if the slot is still null, which happens only while the item's
   *     constructor has not yet initialised it
   */
  @SuppressWarnings("unchecked") // SlotField.find proved the field is a DelayedWork<P> of a T
  public DelayedWork<P> delayedWorkOf(T item) {
    return (DelayedWork<P>) field.read(item);
  }

  /** The plain slot state embedded in the delayed slot of {@code item}. */
  @Override
  public Work<P> workOf(T item) {
    return delayedWorkOf(item).work;
  }

  /** The delayed slot of an item already known to be a {@code T} (the runtime's own read). */
  DelayedWork<?> delayedSlotOf(@Nullable Object item) {
    return (DelayedWork<?>) field.read(item);
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
    return field.describe("HasDelayedWork");
  }
}

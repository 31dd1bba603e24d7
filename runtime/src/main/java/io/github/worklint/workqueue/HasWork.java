package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/**
 * Says which field of the item type {@code T} holds the {@code Work<P>} slot of pointer type
 * {@code P}: Java's equivalent of the Rust workqueue's {@code OFFSET}.
 *
 * <p>Built once, like a JDK field updater, by {@link #of}, which checks everything reflection can
 * see; {@link #workOf} is then a plain field read. Keep the descriptor in a {@code static final}
 * field of the pointer type and return it from {@link WorkItemPointer#hasWork()}.
 *
 * <p>Sealed: the only descriptors are those {@link #of} builds and {@link HasDelayedWork}, the
 * descriptor of a {@link DelayedWork} slot, so a delayed pointer is a pointer wherever one is
 * accepted. It is an interface rather than a class because Java would not let a subclass declare
 * its own {@code static of} with the same parameters ({@link HasDelayedWork#of}).
 *
 * @param <T> the item type
 * @param <P> the pointer type whose slot this describes
 */
public sealed interface HasWork<T, P extends WorkItemPointer<T, P>>
    permits PlainHasWork, HasDelayedWork {

  /**
   * Describes the slot {@code fieldName} of {@code itemType} (declared there or in a superclass)
   * as the {@code Work<pointerType>} of that item.
   *
   * @param lookup a lookup with private access to the declaring class, normally {@code
   *     MethodHandles.lookup()} in the pointer type nested in the item
   * @throws IllegalArgumentException naming the class and field when the field is missing or
   *     inaccessible, its declared type is not exactly {@code Work<pointerType>} (a {@code
   *     DelayedWork} field needs {@link HasDelayedWork#of}), it is static or not final, or another
   *     slot of {@code pointerType} ({@code Work} or {@code DelayedWork}) exists in the item's
   *     hierarchy
   */
  static <T, P extends WorkItemPointer<T, P>> HasWork<T, P> of(
      MethodHandles.Lookup lookup, Class<T> itemType, Class<P> pointerType, String fieldName) {
    return new PlainHasWork<>(
        SlotField.find(lookup, itemType, pointerType, fieldName, Work.class));
  }

  /**
   * The slot of {@code item}; for a {@link DelayedWork} slot, the plain slot state it embeds.
   *
   * @throws IllegalStateException if the slot is still null, which happens only while the item's
   *     constructor has not yet initialised it
   */
  Work<P> workOf(T item);

  /** The item type whose field holds the slot. */
  Class<T> itemType();

  /** The pointer type that owns the slot. */
  Class<P> pointerType();

  /** The name of the field that holds the slot. */
  String fieldName();
}

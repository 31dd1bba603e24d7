package io.github.worklint.workqueue;

/**
 * A pointer newtype: the handle through which a work item is queued. Its type selects the slot
 * ({@link #hasWork()}) and the code that runs ({@link #run()}).
 *
 * <p>An item with several slots needs one distinct pointer type per slot: a record with one
 * component, the item, is the intended shape.
 *
 * @param <T> the item type
 * @param <P> the pointer type itself
 */
public interface WorkItemPointer<T, P extends WorkItemPointer<T, P>> {

  /** The item this pointer points to. */
  T item();

  /** The descriptor of the slot this pointer type owns; should return a {@code static final}. */
  HasWork<T, P> hasWork();

  /** The deferred work. Called on a worker thread, never concurrently for the same slot. */
  void run();
}

package io.github.worklint.workqueue;

/**
 * The pointer newtype of a {@link DelayedWork} slot: queued with a delay by {@link
 * WorkQueue#enqueueDelayed} and {@link WorkQueue#modDelayed}, and everywhere else a plain {@link
 * WorkItemPointer} ({@link WorkQueue#enqueue} of it queues it at once).
 *
 * @param <T> the item type
 * @param <P> the pointer type itself
 */
public interface DelayedWorkItemPointer<T, P extends DelayedWorkItemPointer<T, P>>
    extends WorkItemPointer<T, P> {

  /** The descriptor of the delayed slot this pointer type owns; should return a static final. */
  @Override
  HasDelayedWork<T, P> hasWork();
}

package io.github.worklint.workqueue;

/**
 * An intrusive delayed work slot: a {@link Work} slot whose instances wait for a deadline before
 * they are queued, as the kernel's {@code delayed_work} embeds a {@code work_struct} and a timer.
 * An item holds one {@code private final DelayedWork<P>} field per kind of delayed work, marked
 * {@link Slot}, described by a {@link HasDelayedWork} and queued through a {@link
 * DelayedWorkItemPointer} with {@link WorkQueue#enqueueDelayed} or {@link WorkQueue#modDelayed}.
 *
 * <p>The slot is also its own timer: arming, re-arming and cancelling allocate nothing.
 *
 * @param <P> the pointer type that owns this slot
 */
public final class DelayedWork<P extends DelayedWorkItemPointer<?, P>> {

  /** The plain slot state; its PENDING token is held while the timer is armed. */
  final Work<P> work = new Work<>();

  // The timer, guarded by the DelayedTimers monitor.
  /** The position in the timer heap, or -1 when not armed. */
  int heapIndex = -1;

  /** When the armed instance becomes due, in {@link System#nanoTime()} terms. */
  long deadline;

  /** The id ({@link QueueIds}) of the queue the armed instance will be queued on. */
  int armedFor;

  /** Creates an idle slot. */
  public DelayedWork() {}

  /** Whether an instance is armed (waiting for its deadline) or queued and not yet running. */
  public boolean isPending() {
    return work.isPending();
  }

  @Override
  public String toString() {
    return "Delayed" + work;
  }
}

package io.github.worklint.workqueue;

import org.jspecify.annotations.Nullable;

/**
 * The instances one worker claimed from its queue's list in one take of the lock, oldest first,
 * with the tag of each claim ({@link Work#claim()}) and its ticket. The slots stay cancellable
 * meanwhile: a cancel steals a claim from the slot's state without touching the batch, and the
 * worker skips what was stolen.
 *
 * <p>Its worker fills it and gives it back under the queue's lock, and takes instances out without
 * the lock; an idle worker of the same queue steals from it under the lock ({@link #stealOldest}).
 * A thief may so see an older {@link #next} and try entries already taken out, whose claims are
 * gone: the compare-and-set on the slot's state decides, never the batch.
 */
final class Batch {

  /** The most instances a worker claims at once. */
  static final int MAX = 32;

  private final @Nullable Work<?>[] slots = new Work<?>[MAX];
  private final int[] tags = new int[MAX];
  private final long[] tickets = new long[MAX];
  private int next;
  private int size;

  boolean isEmpty() {
    return next == size;
  }

  /** Starts a new batch; the previous one must have been used up or given back. */
  void clear() {
    next = 0;
    size = 0;
  }

  void add(Work<?> slot, int tag, long ticket) {
    slots[size] = slot;
    tags[size] = tag;
    tickets[size] = ticket;
    size++;
  }

  /** The ticket of the oldest instance not taken out yet, Long.MAX_VALUE if there is none. */
  long nextTicket() {
    return next < size ? tickets[next] : Long.MAX_VALUE;
  }

  /** The slot of the oldest instance not taken out yet; null if there is none. */
  @Nullable Work<?> peekSlot() {
    return next < size ? slots[next] : null;
  }

  int peekTag() {
    return tags[next];
  }

  long peekTicket() {
    return tickets[next];
  }

  /**
   * For an idle worker of the same queue, under its lock: steals the oldest instance of this batch
   * that is still claimed, keeping its token, and returns its slot (the ticket is the slot's own,
   * unchanged while the token is held); null if none is left.
   */
  @Nullable Work<?> stealOldest() {
    for (int i = next; i < size; i++) {
      Work<?> slot = slots[i];
      if (slot != null && slot.stealClaim(tags[i], true)) {
        return slot;
      }
    }
    return null;
  }

  /** Takes out the oldest instance; {@link #peekSlot()} said there is one. */
  void advance() {
    slots[next] = null; // the batch must not keep a slot (and its item) reachable
    next++;
  }
}

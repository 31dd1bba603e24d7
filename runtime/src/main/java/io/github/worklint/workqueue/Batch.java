package io.github.worklint.workqueue;

import org.jspecify.annotations.Nullable;

/**
 * The instances one worker claimed from its queue's list in one take of the lock, oldest first,
 * with the tag of each claim ({@link Work#claim()}) and its ticket. Only the worker's own thread
 * reads and writes it; the slots stay cancellable meanwhile, since a cancel steals a claim from the
 * slot's state without touching the batch, and the worker skips what was stolen.
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

  /** Takes out the oldest instance; {@link #peekSlot()} said there is one. */
  void advance() {
    slots[next] = null; // the batch must not keep a slot (and its item) reachable
    next++;
  }
}

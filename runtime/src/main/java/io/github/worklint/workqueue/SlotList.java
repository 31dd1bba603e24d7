package io.github.worklint.workqueue;

import org.jspecify.annotations.Nullable;

/**
 * An intrusive doubly linked list of slots, through their own {@code prev}/{@code next} links:
 * adding and removing allocate nothing. A slot is in at most one list at a time; the owner of the
 * list guards it with its lock.
 */
final class SlotList {

  private @Nullable Work<?> head;
  private @Nullable Work<?> tail;

  @Nullable Work<?> first() {
    return head;
  }

  void append(Work<?> work) {
    Work<?> last = tail;
    work.prev = last;
    work.next = null;
    if (last == null) {
      head = work;
    } else {
      last.next = work;
    }
    tail = work;
  }

  /**
   * Appends the chain from {@code first} to {@code last}, already linked through prev and next
   * ({@code first.prev} and {@code last.next} are set here).
   */
  void appendChain(Work<?> first, Work<?> last) {
    Work<?> end = tail;
    first.prev = end;
    last.next = null;
    if (end == null) {
      head = first;
    } else {
      end.next = first;
    }
    tail = last;
  }

  void remove(Work<?> work) {
    Work<?> prev = work.prev;
    Work<?> next = work.next;
    if (prev == null) {
      head = next;
    } else {
      prev.next = next;
    }
    if (next == null) {
      tail = prev;
    } else {
      next.prev = prev;
    }
    work.prev = null;
    work.next = null;
  }
}

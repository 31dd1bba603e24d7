package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The slots queued on one queue and not yet taken, oldest first: an intrusive FIFO whose nodes
 * are the slots themselves ({@link Work#next}, {@link Work#prev}). Producers append with one
 * atomic exchange on the tail and no lock; only holders of the owning queue's take lock remove,
 * the oldest slot (a worker) or any slot (a cancel), so removal needs no retry loop and never
 * walks. It is the queue of the MCS lock with back links: the exchange orders the appends, and
 * each appender then links its slot behind the slot it displaced.
 *
 * <p>Invariants. A slot is appended only by the holder of its PENDING token, after it set
 * {@link Work#linkedIn} to the owning queue, and is in at most one list. Between its exchange and
 * its link, a slot is in the list but not <em>linked</em> (reachable from {@link #head}): a
 * remover waits for that link (a few instructions of the appender, who never waits for a remover)
 * or, for a slot it was asked to remove, answers "not yet" ({@link #isLinked}). The slot an
 * appender displaced cannot be removed before the appender links behind it: removing the newest
 * slot needs the compare-and-set of {@link #tail} from it, which the exchange made fail, and
 * removing any other needs its successor's link. So an appender may read the displaced slot's
 * ticket. Once an append has published its link, the appender never touches the slot again (a
 * worker may take it, run it, and see it queued again at once).
 *
 * <p>Tickets. A slot's ticket is one above the slot it was appended behind, or one above {@link
 * #emptiedAt} when its append found the list empty, so tickets never decrease from the head to the
 * tail and grow in append order; {@link WorkQueue#flush()} waits for the tickets up to the newest
 * slot's. An appender never waits for another one (on a busy machine the other may be descheduled
 * between its exchange and its link, and every appender behind it would then spin): it numbers
 * its own slot only if the slot it displaced is numbered already, and otherwise leaves it
 * unnumbered for a holder of the lock, who numbers it once it is linked: a worker when the slot
 * becomes the oldest, so the oldest slot is always numbered, and a flush() that needs the newest
 * slot's number, walking back from it to a numbered slot. A removed newest slot leaves its number
 * to the next append, which a flush() that began before that append then also waits for: one
 * run more, never one less.
 */
final class PendingList extends PendingListTail {

  private static final VarHandle HEAD;
  private static final VarHandle TAIL;
  private static final VarHandle NEXT;
  private static final VarHandle TICKET;

  /** The ticket of a slot whose appender has not numbered it yet. */
  private static final long UNNUMBERED = Long.MIN_VALUE;

  /** Spins a poll waits for the link behind the oldest slot before it gives up the lock. */
  private static final int LINK_SPINS = 64;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(PendingListHead.class, "head", Work.class);
      TAIL = lookup.findVarHandle(PendingListTail.class, "tail", Work.class);
      NEXT = lookup.findVarHandle(Work.class, "next", Work.class);
      TICKET = lookup.findVarHandle(Work.class, "ticket", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Appends {@code work}, whose PENDING token the caller holds and whose {@link Work#linkedIn}
   * names the owning queue; returns true if the list was empty.
   */
  @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
  boolean append(Work<?> work) {
    // Both published by the exchange, before any successor can read or write them.
    work.next = null;
    TICKET.setOpaque(work, UNNUMBERED); // tickets are read racily by appenders: never torn
    Work<?> older = (Work<?>) TAIL.getAndSet(this, work);
    if (older == null) {
      TICKET.setOpaque(work, emptiedAt + 1);
      work.prev = null;
      HEAD.setRelease(this, work);
      return true;
    }
    // Written before the link that publishes them; after it, only holders of the lock write the
    // ticket, so the two never race.
    long olderTicket = (long) TICKET.getAcquire(older);
    if (olderTicket != UNNUMBERED) {
      TICKET.setOpaque(work, olderTicket + 1);
    }
    work.prev = older;
    NEXT.setRelease(older, work);
    return false;
  }

  /**
   * Marks {@code work} as not linked, before the caller publishes its {@link Work#linkedIn}: a
   * remover that sees linkedIn then sees this mark or the real back link, never one of a former
   * life of the slot.
   */
  static void markAppending(Work<?> work) {
    work.prev = work;
  }

  /** Whether a slot may be queued: false only when the list is empty. No lock needed. */
  boolean mayHaveSlots() {
    return TAIL.getVolatile(this) != null;
  }

  /**
   * Whether {@code work}, whose {@link Work#linkedIn} names the owning queue, is linked, so that
   * {@link #remove} may take it; false while its append has not linked it yet. Under the lock.
   */
  boolean isLinked(Work<?> work) {
    if (HEAD.getVolatile(this) == work) {
      return true;
    }
    Work<?> before = work.prev;
    return before != null && before != work && NEXT.getAcquire(before) == work;
  }

  /**
   * Removes and returns the oldest linked slot, or null if there is none, or if the slot behind it
   * is not linked yet and its appender does not link it within a few spins (it may have been
   * descheduled: the caller waits outside the lock rather than spin in it). Under the lock.
   */
  @Nullable Work<?> poll() {
    Work<?> first = (Work<?>) HEAD.getAcquire(this);
    if (first == null) {
      return null;
    }
    if (NEXT.getAcquire(first) == null && TAIL.getVolatile(this) != first) {
      for (int spin = 0; NEXT.getAcquire(first) == null; spin++) {
        if (spin == LINK_SPINS) {
          return null;
        }
        Thread.onSpinWait();
      }
    }
    removeFirst(first);
    return first;
  }

  /**
   * Whether {@link #poll} would find a slot now: the oldest is linked and so is the slot behind
   * it, if any. For a taker's spin before it parks; no lock needed.
   */
  boolean hasTakeable() {
    Work<?> first = (Work<?>) HEAD.getVolatile(this);
    return first != null && (NEXT.getVolatile(first) != null || TAIL.getVolatile(this) == first);
  }

  /** Removes {@code work}, which {@link #isLinked} found linked. Under the lock. */
  @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
  void remove(Work<?> work) {
    if (HEAD.getVolatile(this) == work) {
      removeFirst(work);
      return;
    }
    Work<?> before = work.prev;
    if (before == null) {
      throw new IllegalStateException(work + " is not linked in this list");
    }
    Work<?> after = (Work<?>) NEXT.getAcquire(work);
    if (after == null) {
      if (TAIL.compareAndSet(this, work, before)) {
        // An append that displaces `before` from now on links behind it: keep that link if it
        // came first.
        NEXT.compareAndSet(before, work, null);
        forget(work);
        return;
      }
      after = awaitNext(work);
    }
    NEXT.setRelease(before, after);
    after.prev = before;
    forget(work);
  }

  /**
   * Whether the oldest slot, read without the lock, is numbered below {@code target}: it was
   * queued then and not yet taken, so a wait for everything below {@code target} is not over. A
   * slot taken meanwhile and queued again reads as unnumbered or numbered higher, never lower.
   */
  boolean holdsUp(long target) {
    Work<?> first = (Work<?>) HEAD.getVolatile(this);
    if (first == null) {
      return false;
    }
    long ticket = (long) TICKET.getOpaque(first);
    return ticket != UNNUMBERED && ticket < target;
  }

  /**
   * About how many slots are queued, from the tickets of the oldest and the newest (a long list
   * when the newest is not numbered yet: appenders are racing). Under the lock.
   */
  long estimatedLength() {
    Work<?> first = (Work<?>) HEAD.getAcquire(this);
    Work<?> newest = (Work<?>) TAIL.getVolatile(this);
    if (first == null || newest == null) {
      return newest == null ? 0 : 1;
    }
    long newestTicket = (long) TICKET.getOpaque(newest);
    return newestTicket == UNNUMBERED ? Long.MAX_VALUE : newestTicket - first.ticket + 1;
  }

  /**
   * Puts the chain {@code first}..{@code last} (linked through next and prev, numbered below
   * every slot in the list) back at the front, in its order: the batch of a worker that is about
   * to wait. Under the lock.
   */
  @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
  void prepend(Work<?> first, Work<?> last) {
    first.prev = null;
    while (true) {
      Work<?> oldest = (Work<?>) HEAD.getAcquire(this);
      if (oldest != null) {
        last.next = oldest; // appenders write only the newest slot's next, and this one is linked
        oldest.prev = last;
        HEAD.setRelease(this, first);
        return;
      }
      if (TAIL.getVolatile(this) == null) {
        last.next = null;
        if (TAIL.compareAndSet(this, null, last)) {
          // An append from now on links behind `last`, which is numbered: it never writes head.
          HEAD.setRelease(this, first);
          return;
        }
      }
      Thread.onSpinWait(); // appended to an empty list, not linked yet: wait for its head
    }
  }

  /**
   * The ticket of the oldest slot in the list, linked or not; Long.MAX_VALUE when it is empty.
   * Under the lock.
   */
  long oldestTicket() {
    Work<?> first = (Work<?>) HEAD.getAcquire(this);
    if (first != null) {
      return first.ticket;
    }
    // An append that found the list empty numbers its slot emptiedAt + 1, linked or not.
    return TAIL.getVolatile(this) != null ? emptiedAt + 1 : Long.MAX_VALUE;
  }

  /**
   * One above the ticket of the newest slot appended so far, waiting for its append to link it:
   * a flush() waits until everything below it has run. Under the lock, which keeps that slot in.
   */
  long ticketAfterNewest() {
    Work<?> newest = (Work<?>) TAIL.getVolatile(this);
    if (newest == null) {
      return emptiedAt + 1;
    }
    // Back to a numbered slot, each linked first (its appender then has numbered it or never
    // will), then numbering forward; appenders behind an unnumbered slot are the rare case of two
    // appends racing, so the walk is short.
    Work<?> numbered = newest;
    while (true) {
      awaitLinked(numbered);
      if (numbered.ticket != UNNUMBERED) {
        break;
      }
      numbered = numbered.prev; // linked and not the oldest (which is numbered): not null
      if (numbered == null) {
        throw new IllegalStateException("an unnumbered slot is the oldest of its list");
      }
    }
    while (numbered != newest) {
      Work<?> later = (Work<?>) NEXT.getAcquire(numbered);
      if (later == null) {
        throw new IllegalStateException("a linked slot lost its successor");
      }
      numberBehind(numbered, later);
      numbered = later;
    }
    return newest.ticket + 1;
  }

  private void awaitLinked(Work<?> work) {
    while (!isLinked(work)) {
      Thread.onSpinWait();
    }
  }

  /**
   * Numbers {@code later}, linked behind {@code numbered} (so its appender has numbered it or
   * never will), if its appender could not.
   */
  private static void numberBehind(Work<?> numbered, Work<?> later) {
    if (later.ticket == UNNUMBERED) {
      TICKET.setRelease(later, numbered.ticket + 1);
    }
  }

  @SuppressWarnings("nullness:argument") // VarHandle's polymorphic arguments may be null
  private void removeFirst(Work<?> first) {
    Work<?> second = (Work<?>) NEXT.getAcquire(first);
    if (second == null) {
      emptiedAt = first.ticket;
      HEAD.setVolatile(this, null);
      if (TAIL.compareAndSet(this, first, null)) {
        forget(first);
        return;
      }
      second = awaitNext(first); // an append displaced it and is about to link behind it
    }
    second.prev = null;
    numberBehind(first, second); // the oldest slot is always numbered
    HEAD.setRelease(this, second);
    forget(first);
  }

  /** The slot appended behind {@code work}, which is not the newest: waits for its link. */
  private static Work<?> awaitNext(Work<?> work) {
    Object after;
    while ((after = NEXT.getAcquire(work)) == null) {
      Thread.onSpinWait();
    }
    return (Work<?>) after;
  }

  private static void forget(Work<?> work) {
    work.next = null;
    work.prev = null;
  }

  // A cache line after the tail too: the object allocated next is the queue's, under its lock.
  long p10;
  long p11;
  long p12;
  long p13;
  long p14;
  long p15;
  long p16;
  long p17;
}

/**
 * The takers' end of a {@link PendingList}. The fields of a superclass are laid out before those
 * of its subclasses, so the padding class between keeps the appenders' tail on another cache line
 * than the takers' head: appenders and takers never write the same line, as in JCTools' queues.
 */
abstract class PendingListHead {
  /**
   * The oldest linked slot; null when the list is empty, or when its only slots were appended to
   * an empty list and the first of them is not linked yet. Written by the appender that found the
   * list empty (release, once per emptiness) and otherwise only under the take lock.
   */
  @SuppressWarnings("UnusedVariable") // accessed through HEAD
  volatile @Nullable Work<?> head;

  /**
   * The ticket of the slot whose removal last emptied the list. Written under the take lock just
   * before the compare-and-set that empties {@link PendingListTail#tail}; read by the append whose exchange found
   * the list empty, which that compare-and-set happens-before.
   */
  long emptiedAt;
}

abstract class PendingListHeadPad extends PendingListHead {
  long p00;
  long p01;
  long p02;
  long p03;
  long p04;
  long p05;
  long p06;
  long p07;
}

abstract class PendingListTail extends PendingListHeadPad {
  /**
   * The newest slot, linked or not; null only when the list is empty. Exchanged by every append;
   * set back by compare-and-set only under the take lock, when the newest slot is removed.
   */
  @SuppressWarnings("UnusedVariable") // accessed through TAIL
  volatile @Nullable Work<?> tail;
}


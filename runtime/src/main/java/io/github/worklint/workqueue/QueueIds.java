package io.github.worklint.workqueue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Open queues by a small int id. A slot names the queue it is linked in by id rather than by
 * reference: storing a reference to the long-lived queue into a long-lived slot on every enqueue
 * costs G1's full write barrier (a fence, a card mark and refinement work), which doubled the
 * cost of an enqueue. Ids of closed queues are reused; the table is copied on write, so a read
 * needs no lock.
 */
final class QueueIds {

  private static final Object LOCK = new Object();
  private static final BitSet TAKEN = new BitSet(); // guarded by LOCK
  private static volatile @Nullable WorkQueue[] queues = new WorkQueue[16];

  private QueueIds() {}

  /** Reserves an id (at least 1; 0 means "no queue") for a queue about to be built. */
  static int reserve() {
    synchronized (LOCK) {
      int id = TAKEN.nextClearBit(1);
      TAKEN.set(id);
      return id;
    }
  }

  /** Makes a built queue findable by its id. */
  static void publish(int id, WorkQueue queue) {
    synchronized (LOCK) {
      @Nullable WorkQueue[] table = copy(Math.max(queues.length, Integer.highestOneBit(id) * 2));
      table[id] = queue;
      queues = table;
    }
  }

  /** Frees the id of a queue that is closed, so nothing is linked in it any more. */
  static void release(int id) {
    synchronized (LOCK) {
      @Nullable WorkQueue[] table = copy(queues.length);
      if (id < table.length) {
        table[id] = null;
      }
      queues = table;
      TAKEN.clear(id);
    }
  }

  static @Nullable WorkQueue get(int id) {
    @Nullable WorkQueue[] table = queues;
    return id > 0 && id < table.length ? table[id] : null;
  }

  /** The open queues, for a lock-cycle check that looks for whichever worker runs a slot. */
  static List<WorkQueue> open() {
    List<WorkQueue> open = new ArrayList<>();
    for (WorkQueue queue : queues) {
      if (queue != null) {
        open.add(queue);
      }
    }
    return open;
  }

  private static @Nullable WorkQueue[] copy(int length) {
    @Nullable WorkQueue[] current = queues;
    @Nullable WorkQueue[] table = new WorkQueue[length];
    System.arraycopy(current, 0, table, 0, Math.min(current.length, length));
    return table;
  }
}

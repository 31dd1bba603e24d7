package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pending list on its own: FIFO, tickets, removal at the head, in the middle and at the tail,
 * and, concurrently, appenders that never wait for each other against takers and removers under a
 * lock, with every slot accounted for exactly once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PendingListTest {

  private final PendingList list = new PendingList();

  @Test
  void slotsComeOutInAppendOrderNumberedOneApart() {
    List<Work<?>> slots = slots(5);
    assertTrue(append(slots.get(0)), "the first append finds the list empty");
    for (Work<?> slot : slots.subList(1, 5)) {
      assertFalse(append(slot));
    }
    assertEquals(1, list.oldestTicket());
    assertEquals(6, list.ticketAfterNewest());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, list.oldestTicket());
      assertSame(slots.get(i), list.poll());
      assertNull(slots.get(i).next);
      assertNull(slots.get(i).prev);
    }
    assertNull(list.poll());
    assertFalse(list.mayHaveSlots());
    assertEquals(Long.MAX_VALUE, list.oldestTicket());
    assertEquals(6, list.ticketAfterNewest(), "the next append would be numbered 6");
    Work<?> again = slots.get(2);
    assertTrue(append(again), "an emptied list is empty");
    assertEquals(6, list.oldestTicket(), "numbering goes on from the last slot taken");
  }

  @Test
  void aSlotIsRemovedFromTheHeadTheMiddleOrTheTailAndTheRestStaysInOrder() {
    List<Work<?>> slots = slots(6);
    for (Work<?> slot : slots.subList(0, 5)) {
      append(slot);
    }
    list.remove(slots.get(2));
    list.remove(slots.get(0));
    list.remove(slots.get(4));
    assertEquals(2, list.oldestTicket(), "the new oldest keeps its own number");
    assertEquals(5, list.ticketAfterNewest(), "the newest is now slot 3, numbered 4");
    append(slots.get(5));
    assertSame(slots.get(1), list.poll());
    assertSame(slots.get(3), list.poll());
    assertEquals(5, list.oldestTicket(), "appended behind slot 3: one above it");
    assertSame(slots.get(5), list.poll());
    assertNull(list.poll());
  }

  @Test
  void removingTheOnlySlotEmptiesTheList() {
    Work<?> only = new Work<>();
    append(only);
    assertTrue(list.isLinked(only));
    list.remove(only);
    assertFalse(list.mayHaveSlots());
    assertFalse(list.hasTakeable());
    assertTrue(append(only), "removed, then appended to an empty list");
    assertSame(only, list.poll());
  }

  @Test
  void aSlotMarkedButNotAppendedIsNotLinked() {
    Work<?> first = new Work<>();
    append(first);
    Work<?> marked = new Work<>();
    PendingList.markAppending(marked);
    assertFalse(list.isLinked(marked), "its appender has not linked it");
    assertTrue(list.isLinked(first));
    assertTrue(list.hasTakeable());
  }

  /**
   * Four appenders, two takers and a remover (the queue's take lock around each taker and
   * remover step, as in WorkQueue), over many rounds: every slot is taken or removed exactly once,
   * the takers see each appender's slots in the order it appended them, the tickets they see never
   * decrease, and a flush's ticket, asked in between, is above every slot taken before it.
   */
  @Test
  void concurrentAppendersTakersAndRemoversAccountForEverySlotOnce() throws Exception {
    int appenders = 4;
    int perAppender = 20_000;
    int rounds = 10;
    ReentrantLock lock = new ReentrantLock();
    Work<?>[][] slots = new Work<?>[appenders][perAppender];
    for (Work<?>[] row : slots) {
      for (int i = 0; i < perAppender; i++) {
        row[i] = new Work<>();
      }
    }
    java.util.Map<Work<?>, int[]> where = new java.util.IdentityHashMap<>();
    for (int a = 0; a < appenders; a++) {
      for (int i = 0; i < perAppender; i++) {
        where.put(slots[a][i], new int[] {a, i});
      }
    }
    for (int round = 0; round < rounds; round++) {
      AtomicInteger[] seen = new AtomicInteger[appenders * perAppender];
      for (int i = 0; i < seen.length; i++) {
        seen[i] = new AtomicInteger();
      }
      int[] lastTaken = new int[appenders];
      java.util.Arrays.fill(lastTaken, -1);
      long[] lastTicket = {Long.MIN_VALUE};
      AtomicInteger done = new AtomicInteger();
      AtomicReference<String> failure = new AtomicReference<>();
      int total = appenders * perAppender;
      List<Thread> threads = new ArrayList<>();
      for (int a = 0; a < appenders; a++) {
        Work<?>[] row = slots[a];
        threads.add(new Thread(() -> {
          for (Work<?> slot : row) {
            PendingList.markAppending(slot);
            list.append(slot);
          }
        }));
      }
      for (int t = 0; t < 2; t++) {
        threads.add(new Thread(() -> {
          while (done.get() < total && failure.get() == null) {
            lock.lock();
            try {
              long before = list.oldestTicket();
              Work<?> slot = list.poll();
              if (slot == null) {
                continue;
              }
              if (before < lastTicket[0]) {
                failure.set("ticket " + before + " taken after " + lastTicket[0]);
              }
              lastTicket[0] = before;
              int[] at = where.get(slot);
              if (at[1] < lastTaken[at[0]]) {
                failure.set("appender " + at[0] + ": slot " + at[1] + " after " + lastTaken[at[0]]);
              }
              lastTaken[at[0]] = at[1];
              count(seen, at, perAppender, done, failure);
              if ((done.get() & 127) == 0 && list.ticketAfterNewest() <= before) {
                failure.set("flush's ticket is not above a slot taken before it");
              }
            } finally {
              lock.unlock();
            }
          }
        }));
      }
      threads.add(new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (done.get() < total && failure.get() == null) {
          Work<?> slot = slots[random.nextInt(appenders)][random.nextInt(perAppender)];
          lock.lock();
          try {
            // As WorkQueue: only a slot that was appended and not yet taken or removed (here:
            // not yet seen) can be asked for, and only once linked.
            int[] at = where.get(slot);
            if (seen[at[0] * perAppender + at[1]].get() == 0 && slot.prev != slot
                && list.isLinked(slot)) {
              list.remove(slot);
              count(seen, at, perAppender, done, failure);
            }
          } finally {
            lock.unlock();
          }
        }
      }));
      for (Thread thread : threads) {
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      assertNull(failure.get(), "round " + round);
      assertEquals(total, done.get(), "round " + round);
      for (AtomicInteger count : seen) {
        assertEquals(1, count.get(), "round " + round + ": a slot taken or removed twice or never");
      }
      assertFalse(list.mayHaveSlots(), "round " + round + ": the list is empty at the end");
    }
  }

  private static void count(AtomicInteger[] seen, int[] at, int perAppender, AtomicInteger done,
      AtomicReference<String> failure) {
    if (seen[at[0] * perAppender + at[1]].incrementAndGet() != 1) {
      failure.set("slot " + at[0] + "/" + at[1] + " came out twice");
    }
    done.incrementAndGet();
  }

  private boolean append(Work<?> slot) {
    PendingList.markAppending(slot);
    return list.append(slot);
  }

  private static List<Work<?>> slots(int count) {
    List<Work<?>> slots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.add(new Work<>());
    }
    return slots;
  }
}

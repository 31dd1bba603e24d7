package io.github.worklint.workqueue;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds why a wait would hang on a lock: a thread that runs the awaited work is blocked on a lock
 * held by the waiting thread, either directly or through a chain of lock owners (the run blocks on
 * a lock held by a third thread that is itself blocked on a lock the waiter holds).
 *
 * <p>Only what the JVM records as an owner is followed: monitors ({@code synchronized}) and
 * exclusively held ownable synchronizers ({@code ReentrantLock}, the write lock of a {@code
 * ReentrantReadWriteLock}, any {@code AbstractOwnableSynchronizer} that sets its owner). Not
 * found: a lock held shared (a read lock, a {@code Semaphore}), a thread that waits on a {@code
 * Condition}, {@code Object.wait}, a latch or another flush rather than on a lock, and a timed
 * acquisition ({@code tryLock(timeout)}), which gives up by itself.
 *
 * <p>The JVM captures each thread's state separately, not in one snapshot, so a chain seen once
 * may already be gone. A chain is reported only after it is seen again, from the waiter's end back
 * to the run: the last thread is blocked on the waiter, which keeps its locks while it waits, so
 * it stays blocked; then each earlier thread, seen blocked on a thread that stays blocked, stays
 * blocked too.
 */
final class LockCycleDetector {

  /** Longer chains are not followed; a deadlock among other threads can make a loop of them. */
  static final int MAX_CHAIN = 16;

  /** Enough frames to get past the JDK's locking code to the caller that takes the lock. */
  private static final int FRAMES = 24;

  private LockCycleDetector() {}

  /** One blocked thread of a chain: the lock it is blocked on and where it waits for it. */
  record Link(long threadId, String threadName, String lock, int lockIdentity, String where) {}

  /** A chain of blocked threads from {@code runner} to the waiter, each on the next one's lock. */
  record LockCycle(Thread runner, List<Link> links) {

    /** "on thread t is blocked on L at f, held by ... the waiting thread w". */
    String describe(Thread waiter) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < links.size(); i++) {
        Link link = links.get(i);
        text.append(i == 0 ? "on thread \"" + link.threadName() + "\" is" : ", which is")
            .append(" blocked on ").append(link.lock()).append(link.where()).append(", held by ")
            .append(i + 1 < links.size()
                ? "thread \"" + links.get(i + 1).threadName() + "\""
                : "the waiting thread \"" + waiter.getName() + "\"");
      }
      return text.toString();
    }
  }

  /**
   * The first runner found blocked, through a chain of lock owners, on a lock that {@code waiter}
   * holds; null if there is none. Costs a few thread-state reads per runner, no heap walk.
   */
  static @Nullable LockCycle find(Thread waiter, List<Thread> runners) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Thread runner : runners) {
      if (runner == waiter) {
        continue;
      }
      List<Link> chain = chainToWaiter(threads, waiter.getId(), runner.getId());
      if (chain != null && confirmed(threads, chain, waiter.getId())) {
        return new LockCycle(runner, List.copyOf(chain));
      }
    }
    return null;
  }

  /** Follows lock owners from {@code start}; the links if they end at the waiter, else null. */
  private static @Nullable List<Link> chainToWaiter(ThreadMXBean threads, long waiter, long start) {
    List<Link> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long current = start;
    while (chain.size() < MAX_CHAIN && seen.add(current)) {
      ThreadInfo info = threads.getThreadInfo(new long[] {current}, false, false, FRAMES)[0];
      if (info == null || !blockedForGood(info)) {
        return null;
      }
      LockInfo lock = info.getLockInfo();
      if (lock == null) {
        return null;
      }
      chain.add(new Link(current, info.getThreadName(), lock.toString(),
          lock.getIdentityHashCode(), where(info.getStackTrace())));
      current = info.getLockOwnerId();
      if (current == waiter) {
        return chain;
      }
    }
    return null;
  }

  /** Sees the chain again, from the waiter's end back to the run (see the class comment). */
  private static boolean confirmed(ThreadMXBean threads, List<Link> chain, long waiter) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Link link = chain.get(i);
      long owner = i + 1 < chain.size() ? chain.get(i + 1).threadId() : waiter;
      ThreadInfo info = threads.getThreadInfo(link.threadId(), 0);
      LockInfo lock = info == null ? null : info.getLockInfo();
      if (info == null || lock == null || !blockedForGood(info)
          || info.getLockOwnerId() != owner || lock.getIdentityHashCode() != link.lockIdentity()) {
        return false;
      }
    }
    return true;
  }

  /** Blocked on a lock with an owner, without a timeout that would end the block by itself. */
  private static boolean blockedForGood(ThreadInfo info) {
    Thread.State state = info.getThreadState();
    return (state == Thread.State.BLOCKED || state == Thread.State.WAITING)
        && info.getLockOwnerId() != -1;
  }

  /** " at" the first frame outside the JDK: where the blocked code takes the lock. */
  private static String where(StackTraceElement[] frames) {
    for (StackTraceElement frame : frames) {
      String name = frame.getClassName();
      if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
        return " at " + name + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
            + frame.getLineNumber() + ")";
      }
    }
    return "";
  }
}

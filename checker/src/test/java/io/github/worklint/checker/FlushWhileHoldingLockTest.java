package io.github.worklint.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class FlushWhileHoldingLockTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(FlushWhileHoldingLock.class, getClass());

  /** An item whose Flush pointer runs {@code flushRun}; {@code members} are added to the item. */
  private CompilationTestHelper connection(String flushRun, String... members) {
    return helper.addSourceLines(
        "Connection.java",
        "import io.github.worklint.workqueue.*;",
        "import java.lang.invoke.MethodHandles;",
        "import java.util.concurrent.locks.*;",
        "final class Connection {",
        "  static final WorkQueue QUEUE = WorkQueue.system();",
        "  static final Object GLOBAL = new Object();",
        "  private final Object lock = new Object();",
        "  private final ReentrantLock mutex = new ReentrantLock();",
        "  private Object replaceable = new Object();",
        "  private final WorkQueue queue = WorkQueue.builder(\"c\").build();",
        "  private final Flush flusher = new Flush(this);",
        "  @Slot private final Work<Flush> flushWork = new Work<>();",
        "  synchronized void write() {}",
        "  void writeLocked() { synchronized (lock) {} }",
        "  void writeMutex() { mutex.lock(); try {} finally { mutex.unlock(); } }",
        "  void writeDeep() { writeLocked(); }",
        "  void writeDeeper() { writeDeep(); }",
        "  void writeLater() { QUEUE.spawn(() -> { synchronized (lock) {} }); }",
        String.join("\n", members),
        "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
        "    static final HasWork<Connection, Flush> WORK =",
        "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
        "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
        "    @Override public void run() {",
        flushRun,
        "    }",
        "  }",
        "}");
  }

  @Test
  void flushUnderTheMonitorASynchronizedMethodOfTheItemTakesIsFlagged() {
    connection(
            "      item.write();",
            "  void sync() {",
            "    synchronized (this) {",
            "      // BUG: Diagnostic contains: flush(p) of slot Connection.flushWork (pointer type"
                + " Flush) is called while holding the monitor of this, which Flush.run() also"
                + " takes (in Connection.write() (synchronized) at line 13)",
            "      QUEUE.flush(new Flush(this));",
            "    }",
            "  }")
        .doTest();
  }

  @Test
  void cancelSyncBetweenLockAndUnlockOfALockTheRunTakesIsFlagged() {
    connection(
            "      item.mutex.lock(); item.mutex.unlock();",
            "  void stop() {",
            "    mutex.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: cancelSync(p) of slot Connection.flushWork (pointer"
                + " type Flush) is called while holding the Lock Connection.mutex",
            "      QUEUE.cancelSync(flusher);",
            "    } finally {",
            "      mutex.unlock();",
            "    }",
            "  }")
        .doTest();
  }

  @Test
  void aSynchronizedMethodAndTryLockFormsAreHeld() {
    connection(
            "      synchronized (item) {} item.writeMutex();",
            "  synchronized void sync() {",
            "    // BUG: Diagnostic contains: the monitor of this, which Flush.run() also takes",
            "    QUEUE.flush(flusher);",
            "  }",
            "  void tryFirst() {",
            "    if (mutex.tryLock()) {",
            "      try {",
            "        // BUG: Diagnostic contains: in Connection.writeMutex() at line 15",
            "        QUEUE.flush(flusher);",
            "      } finally { mutex.unlock(); }",
            "    }",
            "  }",
            "  void tryOrLeave() throws InterruptedException {",
            "    if (!mutex.tryLock(1, java.util.concurrent.TimeUnit.SECONDS)) { return; }",
            "    try {",
            "      // BUG: Diagnostic contains: FlushWhileHoldingLock",
            "      QUEUE.flush(flusher);",
            "    } finally { mutex.unlock(); }",
            "  }",
            "  void interruptibly() throws InterruptedException {",
            "    mutex.lockInterruptibly();",
            "    // BUG: Diagnostic contains: FlushWhileHoldingLock",
            "    QUEUE.flush(flusher);",
            "    mutex.unlock();",
            "  }")
        .doTest();
  }

  @Test
  void aQueueWideWaitOnTheQueueThePointerIsEnqueuedOnIsFlagged() {
    connection(
            "      item.writeDeep();",
            "  void schedule() { queue.enqueue(new Flush(this)); }",
            "  void shutdown() {",
            "    synchronized (lock) {",
            "      // BUG: Diagnostic contains: drain() of queue Connection.queue, where Flush is"
                + " queued, is called while holding the monitor of Connection.lock, which"
                + " Flush.run() also takes (in Connection.writeLocked() at line 14)",
            "      queue.drain();",
            "      // BUG: Diagnostic contains: flush() of queue Connection.queue",
            "      this.queue.flush();",
            "      // BUG: Diagnostic contains: close() of queue Connection.queue",
            "      queue.close();",
            "    }",
            "  }")
        .doTest();
  }

  @Test
  void aStaticLockMatchesWhateverTheItemAndALocalQueueIsFollowed() {
    connection(
            "      synchronized (GLOBAL) {}",
            "  static void await(Flush someone) {",
            "    synchronized (GLOBAL) {",
            "      // BUG: Diagnostic contains: the monitor of Connection.GLOBAL",
            "      QUEUE.cancelSync(someone);",
            "    }",
            "  }",
            "  static void local(Connection c) {",
            "    WorkQueue q = WorkQueue.builder(\"l\").build();",
            "    q.enqueue(new Flush(c));",
            "    synchronized (GLOBAL) {",
            "      // BUG: Diagnostic contains: close() of queue q, where Flush is queued",
            "      q.close();",
            "    }",
            "  }")
        .doTest();
  }

  @Test
  void aLockTheRunNeverTakesIsClean() {
    connection(
            "      item.writeLocked();",
            "  void sync() {",
            "    synchronized (this) { QUEUE.flush(flusher); }",
            "    mutex.lock();",
            "    try { QUEUE.cancelSync(flusher); } finally { mutex.unlock(); }",
            "  }")
        .doTest();
  }

  @Test
  void aWaitAfterTheLockIsReleasedIsClean() {
    connection(
            "      item.writeMutex(); item.write();",
            "  void sync() {",
            "    mutex.lock();",
            "    try { } finally { mutex.unlock(); }",
            "    QUEUE.flush(flusher);",
            "    synchronized (this) { }",
            "    QUEUE.flush(flusher);",
            "    mutex.lock();",
            "    mutex.unlock();",
            "    QUEUE.flush(flusher);",
            "    if (mutex.tryLock()) { mutex.unlock(); }",
            "    QUEUE.flush(flusher);",
            "  }")
        .doTest();
  }

  @Test
  void aWaitInALambdaOrATaskStartedUnderTheLockIsClean() {
    connection(
            "      item.write();",
            "  synchronized void sync() {",
            "    QUEUE.spawn(() -> QUEUE.flush(flusher));",
            "    new Thread(() -> QUEUE.flush(flusher)).start();",
            "    new Thread() { @Override public void run() { QUEUE.flush(flusher); } }.start();",
            "  }")
        .doTest();
  }

  @Test
  void anotherItemsMonitorOrAnUnnamedLockIsClean() {
    connection(
            "      synchronized (item) {} synchronized (item.replaceable) {} item.writeLater();",
            "  void other(Connection other) {",
            "    synchronized (this) { QUEUE.flush(new Flush(other)); }",
            "    synchronized (replaceable) { QUEUE.flush(flusher); }",
            "    synchronized (lock) { QUEUE.flush(flusher); }",
            "  }")
        .doTest();
  }

  @Test
  void aPointerInstancesMonitorIsNotTheRunningPointers() {
    // The run may be another instance of the same newtype: its `this` is not the waiter's.
    helper.addSourceLines(
            "Job.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Job {",
            "  @Slot private final Work<Run> work = new Work<>();",
            "  record Run(Job item) implements WorkItemPointer<Job, Run> {",
            "    static final HasWork<Job, Run> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Job.class, Run.class, \"work\");",
            "    @Override public HasWork<Job, Run> hasWork() { return WORK; }",
            "    @Override public void run() { synchronized (this) {} }",
            "    void await() { synchronized (this) { WorkQueue.system().flush(this); } }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callsDeeperThanTwoAndOtherQueuesAreNotFollowed() {
    connection(
            "      item.writeDeeper();",
            "  private final WorkQueue other = WorkQueue.builder(\"o\").build();",
            "  void schedule() { queue.enqueue(flusher); }",
            "  void sync() {",
            "    synchronized (lock) { QUEUE.flush(flusher); other.drain(); }",
            "  }")
        .doTest();
  }

  @Test
  void withoutTheRuntimeNothingIsReported() {
    helper.addSourceLines(
            "Plain.java",
            "final class Plain {",
            "  synchronized void flush(Object o) {}",
            "  synchronized void sync() { flush(this); }",
            "}")
        .doTest();
  }
}

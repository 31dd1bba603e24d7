package io.github.worklint.checker;

import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class FlushFromOwnWorkTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(FlushFromOwnWork.class, getClass());

  /** The item and its two pointers; each test adds a run() body to Flush and Close. */
  private CompilationTestHelper connection(String flushRun, String closeRun) {
    return helper.addSourceLines(
        "Connection.java",
        "import io.github.worklint.workqueue.*;",
        "import java.lang.invoke.MethodHandles;",
        "final class Connection {",
        "  static final WorkQueue QUEUE = WorkQueue.system();",
        "  @Slot private final Work<Flush> flushWork = new Work<>();",
        "  @Slot private final Work<Close> closeWork = new Work<>();",
        "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
        "    static final HasWork<Connection, Flush> WORK =",
        "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
        "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
        "    @Override public void run() {",
        flushRun,
        "    }",
        "  }",
        "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
        "    static final HasWork<Connection, Close> WORK =",
        "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
        "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
        "    @Override public void run() {",
        closeRun,
        "    }",
        "  }",
        "}");
  }

  @Test
  void flushOfThisIsFlagged() {
    connection(
            "      // BUG: Diagnostic contains: Flush.run() calls flush on its own running slot"
                + " Connection.flushWork\n      QUEUE.flush(this);",
            "")
        .doTest();
  }

  @Test
  void cancelSyncOfARebuiltPointerIsFlagged() {
    connection(
            "",
            "      // BUG: Diagnostic contains: Close.run() calls cancelSync on its own running slot"
                + " Connection.closeWork\n      QUEUE.cancelSync(new Close(item));")
        .doTest();
  }

  @Test
  void everySpellingOfTheRunningItemIsFlagged() {
    connection(
            String.join(
                "\n",
                "      // BUG: Diagnostic contains: FlushFromOwnWork",
                "      QUEUE.flush(new Flush(item()));",
                "      // BUG: Diagnostic contains: FlushFromOwnWork",
                "      QUEUE.flush(new Flush(this.item));",
                "      // BUG: Diagnostic contains: FlushFromOwnWork",
                "      QUEUE.flush(Flush.this);",
                "      Flush self = new Flush(this.item());",
                "      // BUG: Diagnostic contains: FlushFromOwnWork",
                "      QUEUE.cancelSync(self);"),
            "")
        .doTest();
  }

  @Test
  void waitingForAnotherSlotOrItemIsClean() {
    connection(
            String.join(
                "\n",
                "      QUEUE.flush(new Close(item));",
                "      QUEUE.cancelSync(new Flush(new Connection()));",
                "      QUEUE.enqueue(this);",
                "      QUEUE.cancel(this);"),
            "      QUEUE.flush(new Flush(item));")
        .doTest();
  }

  @Test
  void lambdasAndOtherThreadsAreNotSelfWaits() {
    connection(
            String.join(
                "\n",
                "      Runnable later = () -> QUEUE.flush(this);",
                "      new Thread(later).start();",
                "      new Thread(new Runnable() {",
                "        @Override public void run() { QUEUE.flush(new Flush(item)); }",
                "      }).start();"),
            "")
        .doTest();
  }

  @Test
  void reassignedLocalIsNotTrusted() {
    connection(
            String.join(
                "\n",
                "      Flush target = new Flush(item);",
                "      target = new Flush(new Connection());",
                "      QUEUE.flush(target);"),
            "")
        .doTest();
  }

  @Test
  void suppressionOnRunSilencesIt() {
    helper
        .addSourceLines(
            "Job.java",
            "import io.github.worklint.workqueue.*;",
            "final class Job {",
            "  @Slot private final Work<Go> work = new Work<>();",
            "  record Go(Job item) implements WorkItemPointer<Job, Go> {",
            Fixtures.unusedHasWork("Job", "Go"),
            "    @SuppressWarnings(\"FlushFromOwnWork\")",
            "    @Override public void run() { WorkQueue.system().flush(this); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lookAlikeQueueIsIgnored() {
    helper
        .addSourceLines(
            "Job.java",
            "import io.github.worklint.workqueue.*;",
            "final class Job {",
            "  static final class Queue { void flush(Object o) {} void cancelSync(Object o) {} }",
            "  @Slot private final Work<Go> work = new Work<>();",
            "  record Go(Job item) implements WorkItemPointer<Job, Go> {",
            Fixtures.unusedHasWork("Job", "Go"),
            "    @Override public void run() { new Queue().flush(this); new Queue().cancelSync(this); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void runOfAPlainRunnableIsIgnored() {
    helper
        .addSourceLines(
            "Task.java",
            "import io.github.worklint.workqueue.*;",
            "final class Task implements Runnable {",
            "  @Override public void run() { WorkQueue.system().flush(); }",
            "}")
        .doTest();
  }
}

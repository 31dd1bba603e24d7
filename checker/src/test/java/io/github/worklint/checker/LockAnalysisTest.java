package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lock analyses on their own, through a probe that reports, at every wait of the runtime,
 * what they answer: the locks held there, the pointers waited for with their item, and the locks
 * each pointer's run() takes.
 */
class LockAnalysisTest {

  /** Reports the analyses' answers at each wait; test-only, never registered. */
  @BugPattern(summary = "Reports what the lock analyses answer at a wait", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final Matcher<ExpressionTree> WAIT =
        instanceMethod().onExactClass(WorkTypes.WORK_QUEUE)
            .namedAnyOf("flush", "cancelSync", "drain", "close");

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (!WAIT.matches(tree, state)) {
        return Description.NO_MATCH;
      }
      String held = HeldLocks.at(state.getPath(), state).stream()
          .map(LockRef::describe).sorted().collect(Collectors.joining(", "));
      List<WaitedPointers.Waited> waited = tree.getArguments().size() == 1
          ? WaitedPointers.ofSlotWait(tree.getArguments().get(0), state.getPath(), state)
          : WaitedPointers.ofQueueWait(HeldLocks.receiver(tree), state.getPath(), state);
      String waits = waited.stream()
          .map(w -> w.pointer().getSimpleName() + " of " + w.item()
              + " taking " + RunLocks.of(w.pointer(), state).stream()
                  .map(t -> t.lock().describe() + " " + t.where())
                  .collect(Collectors.joining(", ", "[", "]")))
          .collect(Collectors.joining("; "));
      return buildDescription(tree).setMessage("held [" + held + "] waits " + waits).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  private CompilationTestHelper item(String run, String... members) {
    return helper.addSourceLines(
        "Item.java",
        "import io.github.worklint.workqueue.*;",
        "import java.lang.invoke.MethodHandles;",
        "import java.util.concurrent.locks.*;",
        "final class Item {",
        "  static final WorkQueue Q = WorkQueue.system();",
        "  static final ReentrantLock STATIC = new ReentrantLock();",
        "  private final Object lock = new Object();",
        "  private final Lock mutex = new ReentrantLock();",
        "  @Slot private final Work<P> work = new Work<>();",
        "  void one() { two(); synchronized (lock) {} }",
        "  void two() { three(); mutex.lock(); mutex.unlock(); }",
        "  synchronized void three() {}",
        String.join("\n", members),
        "  record P(Item item) implements WorkItemPointer<Item, P> {",
        "    static final HasWork<Item, P> WORK =",
        "        HasWork.of(MethodHandles.lookup(), Item.class, P.class, \"work\");",
        "    @Override public HasWork<Item, P> hasWork() { return WORK; }",
        "    @Override public void run() {",
        run,
        "    }",
        "    private void helper() { synchronized (Item.class) {} }",
        "  }",
        "}");
  }

  @Test
  void heldLocksNestAndEndWhereTheyAreReleased() {
    item("",
        "  void m(P p) throws InterruptedException {",
        "    synchronized (this) {",
        "      mutex.lock();",
        "      try {",
        "        synchronized (lock) {",
        "          // BUG: Diagnostic contains: held [the Lock Item.mutex, the monitor of Item.lock,"
            + " the monitor of this]",
        "          Q.flush(p);",
        "        }",
        "      } finally { mutex.unlock(); }",
        "      try { STATIC.lock(); } finally { STATIC.unlock(); }",
        "      if (p == null) { mutex.lock(); }",
        "      // BUG: Diagnostic contains: held [the monitor of this]",
        "      Q.flush(p);",
        "      Runnable later = () -> {",
        "        // BUG: Diagnostic contains: held []",
        "        Q.flush(p);",
        "      };",
        "    }",
        "  }",
        "  static synchronized void s(P p) {",
        "    // BUG: Diagnostic contains: held [the monitor of Item.class]",
        "    Q.flush(p);",
        "  }",
        "  class Inner {",
        "    void i(P p) {",
        "      synchronized (Item.this) {",
        "        // BUG: Diagnostic contains: held [the monitor of this]",
        "        Q.flush(p);",
        "      }",
        "    }",
        "  }")
        .doTest();
  }

  @Test
  void runLocksFollowTheItemTwoCallsDeepButNotThreeNorIntoLambdas() {
    item(
        "      item.one(); helper(); Q.spawn(() -> { synchronized (item.lock) {} });"
            + " STATIC.lock(); STATIC.unlock();",
        "  void m() {",
        "    // BUG: Diagnostic contains: taking [the Lock item.mutex in Item.two() at line 11,"
            + " the monitor of item.lock in Item.one() at line 10, the monitor of Item.class in"
            + " P.helper() at line 24, the Lock Item.STATIC in P.run() at line 22]",
        "    Q.flush(new P(this));",
        "  }")
        .doTest();
  }

  @Test
  void aSynchronizedMethodOfTheItemIsItsMonitor() {
    item(
        "      item.two(); item.three();",
        "  void m() {",
        "    // BUG: Diagnostic contains: the monitor of item in Item.three() (synchronized)",
        "    Q.flush(new P(this));",
        "  }")
        .doTest();
  }

  @Test
  void theItemOfAWaitedPointerIsFollowedThroughFinalVariables() {
    item("",
        "  private final P mine = new P(this);",
        "  private P changing = new P(this);",
        "  void m(Item other, P unknown) {",
        "    P local = new P(other);",
        "    // BUG: Diagnostic contains: waits P of Var[variable=other]",
        "    Q.flush(local);",
        "    // BUG: Diagnostic contains: waits P of This[type=Item]",
        "    Q.flush(mine);",
        "    // BUG: Diagnostic contains: waits P of null",
        "    Q.flush(changing);",
        "    // BUG: Diagnostic contains: waits P of null",
        "    Q.cancelSync(unknown);",
        "  }")
        .doTest();
  }

  @Test
  void aQueueWaitWaitsForWhatTheUnitEnqueuesOnTheSameQueue() {
    item("",
        "  private final WorkQueue mine = WorkQueue.builder(\"m\").build();",
        "  private final WorkQueue other = WorkQueue.builder(\"o\").build();",
        "  void schedule(Item x) { mine.enqueue(new P(this)); other.enqueue(new P(x)); }",
        "  void m() {",
        "    // BUG: Diagnostic contains: waits P of This[type=Item]",
        "    mine.drain();",
        "    // BUG: Diagnostic contains: waits P of null",
        "    other.flush();",
        "    WorkQueue local = WorkQueue.builder(\"l\").build();",
        "    // BUG: Diagnostic contains: held [] waits",
        "    local.close();",
        "    // BUG: Diagnostic contains: waits P of null",
        "    Q.flush();",
        "  }",
        "  void systemQueue() { Q.enqueue(new P(this)); WorkQueue.system().enqueue(new P(this)); }")
        .doTest();
  }
}

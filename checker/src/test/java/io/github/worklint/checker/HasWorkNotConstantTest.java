package io.github.worklint.checker;


import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class HasWorkNotConstantTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HasWorkNotConstant.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(HasWorkNotConstant.class, getClass());

  @Test
  void descriptorBuiltInHasWorkIsFlaggedOnceOnTheCall() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: HasWork.of for Flush (Connection.flushWork) is called"
                + " in Flush.hasWork(), not as the initializer of a static final field: each call"
                + " repeats the reflective look-up",
            "      return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hasWorkReturningNonConstantsIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  @Slot private final Work<Ping> pingWork = new Work<>();",
            "  static final HasWork<Connection, Flush> FLUSH =",
            "      HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "  static HasWork<Connection, Flush> flushDescriptor() { return FLUSH; }",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: Flush.hasWork() returns the result of"
                + " Connection.flushDescriptor(), which is evaluated on every call, not a static"
                + " final HasWork constant",
            "      return flushDescriptor();",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    static HasWork<Connection, Close> work;",
            "    @Override public HasWork<Connection, Close> hasWork() {",
            "      if (work == null) {",
            "        // BUG: Diagnostic contains: is called in an assignment to the non-final static"
                + " field work",
            "        work = HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "      }",
            "      // BUG: Diagnostic contains: Close.hasWork() returns the non-final static field"
                + " work, which can be reassigned",
            "      return work;",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "  static final class Ping implements WorkItemPointer<Connection, Ping> {",
            "    private final Connection item;",
            "    private final HasWork<Connection, Ping> work =",
            "        // BUG: Diagnostic contains: in the initializer of the instance field work",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Ping.class, \"pingWork\");",
            "    Ping(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            "    @Override public HasWork<Connection, Ping> hasWork() {",
            "      // BUG: Diagnostic contains: Ping.hasWork() returns the instance field work, a"
                + " descriptor per Ping",
            "      return work;",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void conditionalBranchesAndLocalsAreJudgedOneByOne() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  static boolean fast;",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      HasWork<Connection, Flush> local = WORK;",
            "      if (fast) {",
            "        // BUG: Diagnostic contains: Flush.hasWork() returns the local variable local",
            "        return local;",
            "      }",
            "      Runnable r = () -> { return; };",
            "      return fast ? WORK : (WORK);",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void constantPatternsAreClean() {
    helper
        .addSourceLines(
            "Descriptors.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Descriptors {",
            "  static final HasWork<Connection, Connection.Close> CLOSE;",
            "  static {",
            "    CLOSE = HasWork.of(",
            "        MethodHandles.lookup(), Connection.class, Connection.Close.class, \"closeWork\");",
            "  }",
            "}")
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  @Slot private final Work<Ping> pingWork = new Work<>();",
            "  interface Slots {",
            "    HasWork<Connection, Ping> PING =",
            "        (HasWork.of(MethodHandles.lookup(), Connection.class, Ping.class, \"pingWork\"));",
            "  }",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    @Override public HasWork<Connection, Close> hasWork() { return Descriptors.CLOSE; }",
            "    @Override public void run() {}",
            "  }",
            "  record Ping(Connection item) implements WorkItemPointer<Connection, Ping> {",
            "    @Override public HasWork<Connection, Ping> hasWork() { return Slots.PING; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aLambdaInAConstantInitializerIsNotAConstant() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "import java.util.function.Supplier;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  static boolean verbose;",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK = verbose",
            "        ? HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\")",
            "        : (HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\"));",
            "    static final Supplier<HasWork<Connection, Flush>> EACH_TIME =",
            "        // BUG: Diagnostic contains: is called in a lambda",
            "        () -> HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: returns the result of Supplier.get()",
            "      return EACH_TIME.get();",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hasWorkOfOtherClassesAndLookAlikesAreIgnored() {
    helper
        .addSourceLines(
            "HasWork.java",
            "package other;",
            "public final class HasWork {",
            "  public static Object of(Object lookup, Class<?> t, Class<?> p, String name) {",
            "    return name;",
            "  }",
            "}")
        .addSourceLines(
            "Item.java",
            "// mentions io.github.worklint.workqueue only in this comment",
            "final class Item {",
            "  Object hasWork() { return other.HasWork.of(null, Item.class, Item.class, \"x\"); }",
            "}")
        .addSourceLines(
            "NotAPointer.java",
            "import io.github.worklint.workqueue.*;",
            "final class NotAPointer {",
            "  static HasWork<?, ?> shared;",
            "  HasWork<?, ?> hasWork() { return shared; }",
            "}")
        .doTest();
  }

  @Test
  void suppressionSilencesIt() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @SuppressWarnings(\"HasWorkNotConstant\")",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] PER_CALL = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  static final String FLUSH = \"flushWork\";",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    @Override public HasWork<Connection, Flush> hasWork() {",
    "      return HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, FLUSH);",
    "    }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  private static final String[] HOISTED = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  static final String FLUSH = \"flushWork\";",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    @Override public HasWork<Connection, Flush> hasWork() {",
    "      return WORK;",
    "    }",
    "    @Override public void run() {}",
    "    private static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
    "  }",
    "}",
  };

  @Test
  void fixHoistsTheCallIntoAConstant() {
    refactoring
        .addInputLines("Connection.java", PER_CALL)
        .addOutputLines("Connection.java", HOISTED)
        .doTest(TestMode.AST_MATCH);
  }

  @Test
  void hoistedCodeIsCleanUnderEveryWorklintCheck() {
    Fixtures.assertCleanUnderAllChecks(HasWorkNotConstant.class, getClass(), "Connection.java", HOISTED);
  }

  @Test
  void fixAddsImportsForAFullyQualifiedCall() {
    refactoring
        .addInputLines(
            "Connection.java",
            "final class Connection {",
            "  @io.github.worklint.workqueue.Slot",
            "  private final io.github.worklint.workqueue.Work<Flush> flushWork =",
            "      new io.github.worklint.workqueue.Work<>();",
            "  boolean flushPending() {",
            "    return io.github.worklint.workqueue.HasWork.of(",
            "            java.lang.invoke.MethodHandles.lookup(), Connection.class, Flush.class,"
                + " \"flushWork\")",
            "        .workOf(this).isPending();",
            "  }",
            "  record Flush(Connection item)",
            "      implements io.github.worklint.workqueue.WorkItemPointer<Connection, Flush> {",
            "    @Override public io.github.worklint.workqueue.HasWork<Connection, Flush> hasWork() {",
            "      throw new AssertionError();",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .addOutputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.HasWork;",
            "final class Connection {",
            "  private static final HasWork<Connection, Flush> WORK =",
            "      io.github.worklint.workqueue.HasWork.of(",
            "          java.lang.invoke.MethodHandles.lookup(), Connection.class, Flush.class,"
                + " \"flushWork\");",
            "  @io.github.worklint.workqueue.Slot",
            "  private final io.github.worklint.workqueue.Work<Flush> flushWork =",
            "      new io.github.worklint.workqueue.Work<>();",
            "  boolean flushPending() {",
            "    return WORK.workOf(this).isPending();",
            "  }",
            "  record Flush(Connection item)",
            "      implements io.github.worklint.workqueue.WorkItemPointer<Connection, Flush> {",
            "    @Override public io.github.worklint.workqueue.HasWork<Connection, Flush> hasWork() {",
            "      throw new AssertionError();",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest(TestMode.AST_MATCH);
  }

  private static final String[] TWO_POINTERS = {
    "import io.github.worklint.workqueue.*;",
    "final class Connection {",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  @Slot private final Work<Close> closeWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    Fixtures.unusedHasWork("Connection", "Flush"),
    "    @Override public void run() {}",
    "  }",
    "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
    Fixtures.unusedHasWork("Connection", "Close"),
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  @Test
  void noFixWhenAMemberIsAlreadyCalledWork() {
    refactoring
        .addInputLines("Connection.java", TWO_POINTERS)
        .expectUnchanged()
        .addInputLines(
            "One.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class One {",
            "  static final Object WORK = new Object();",
            "  Object one() {",
            "    return HasWork.of(",
            "        MethodHandles.lookup(), Connection.class, Connection.Flush.class, \"flushWork\");",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhenTwoCallsWouldWantTheSameConstant() {
    refactoring
        .addInputLines("Connection.java", TWO_POINTERS)
        .expectUnchanged()
        .addInputLines(
            "Two.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Two {",
            "  Object a() {",
            "    return HasWork.of(",
            "        MethodHandles.lookup(), Connection.class, Connection.Flush.class, \"flushWork\");",
            "  }",
            "  Object b() {",
            "    return HasWork.of(",
            "        MethodHandles.lookup(), Connection.class, Connection.Close.class, \"closeWork\");",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixForNonConstantArgumentsOrOutsideMethods() {
    refactoring
        .addInputLines("Connection.java", TWO_POINTERS)
        .expectUnchanged()
        .addInputLines(
            "Other.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Other {",
            "  Object c(String name) {",
            "    return HasWork.of(MethodHandles.lookup(), Connection.class, Connection.Flush.class, name);",
            "  }",
            "  final Object d = HasWork.of(",
            "      MethodHandles.lookup(), Connection.class, Connection.Close.class, \"closeWork\");",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixForLocalClassesOrLocalWorkNames() {
    refactoring
        .addInputLines(
            "Local.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Local {",
            "  @Slot private final Work<Go2> w = new Work<>();",
            "  static Object make() {",
            "    final class Item {}",
            "    record Go(Item item) implements WorkItemPointer<Item, Go> {",
            "      @Override public HasWork<Item, Go> hasWork() { throw new AssertionError(); }",
            "      @Override public void run() {}",
            "    }",
            "    return HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"go\");",
            "  }",
            "  static final class Shadow {",
            "    Object shadowed(Object WORK) {",
            "      return HasWork.of(MethodHandles.lookup(), Local.class, Go2.class, \"w\");",
            "    }",
            "  }",
            "  record Go2(Local item) implements WorkItemPointer<Local, Go2> {",
            Fixtures.unusedHasWork("Local", "Go2"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}

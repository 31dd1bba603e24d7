package io.github.worklint.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WorkPointerNotNewtypeTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(WorkPointerNotNewtype.class, getClass());

  @Test
  void recordAndFinalClassNewtypesAreClean() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static int runs;",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() { runs++; }",
            "  }",
            "  static final class Close implements WorkItemPointer<Connection, Close> {",
            "    static final String NAME = \"close\";",
            "    private final Connection item;",
            "    Close(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void openClassIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: Flush is not a pointer newtype: it is neither a record nor"
                + " final, so a subclass with its own run() would claim Flush's slot",
            "  static class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void openClassFixAddsFinal() {
    BugCheckerRefactoringTestHelper.newInstance(WorkPointerNotNewtype.class, getClass())
        .addInputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addOutputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static final class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void openClassFixOutputPassesEveryCheck() {
    Fixtures.assertCleanUnderAllChecks(
        WorkPointerNotNewtype.class,
        getClass(),
        "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  static final class Flush implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}");
  }

  @Test
  void openClassWithASubclassInTheFileGetsNoFix() {
    // Adding final would not compile; the subclass is flagged too, as it is not its own P.
    BugCheckerRefactoringTestHelper.newInstance(WorkPointerNotNewtype.class, getClass())
        .addInputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  static final class LoudFlush extends Flush {",
            "    LoudFlush(Connection item) { super(item); }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: it is neither a record nor final",
            "  static class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  // BUG: Diagnostic contains: LoudFlush is not a pointer newtype: its pointer type P is"
                + " Flush, not LoudFlush itself",
            "  static final class LoudFlush extends Flush {",
            "    LoudFlush(Connection item) { super(item); }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void abstractClassIsFlaggedAndItsFinalSubclassesAreNewtypes() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic matches: abstractBase",
            "  abstract static class Base<P extends Base<P>> implements WorkItemPointer<Connection, P> {",
            "    private final Connection item;",
            "    Base(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            "  }",
            "  static final class Flush extends Base<Flush> {",
            "    Flush(Connection item) { super(item); }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectErrorMessage(
            "abstractBase",
            message ->
                message.contains("Base is not a pointer newtype: it is abstract, so the pointers"
                        + " are instances of its subclasses")
                    && !message.contains("generic")
                    && !message.contains("its pointer type P"))
        .doTest();
  }

  @Test
  void enumIsFlaggedOnceAndItsConstantBodiesAreNot() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static final Connection SHARED = new Connection();",
            "  // BUG: Diagnostic contains: Op is not a pointer newtype: it is an enum, so all its"
                + " constants are one pointer type with one slot",
            "  // Declare one record per constant instead",
            "  enum Op implements WorkItemPointer<Connection, Op> {",
            "    FLUSH,",
            "    CLOSE { @Override public void run() {} };",
            "    @Override public Connection item() { return SHARED; }",
            Fixtures.unusedHasWork("Connection", "Op"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void extraRecordComponentIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: Send is not a pointer newtype: it holds more than its item"
                + " (component item, component payload): an enqueue that finds the slot pending"
                + " returns false",
            "  record Send(Connection item, String payload) implements WorkItemPointer<Connection, Send> {",
            Fixtures.unusedHasWork("Connection", "Send"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void recordComponentOfAnotherTypeIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "class Connection {",
            "  static final class Secure extends Connection {}",
            "  // BUG: Diagnostic contains: its component item is a Secure, not its item type Connection",
            "  record Flush(Secure item) implements WorkItemPointer<Connection, Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mutableOrForeignFieldsInAFinalClassAreFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: its field item is not final: reassigning it while the"
                + " pointer is queued",
            "  static final class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private Connection item;",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  // BUG: Diagnostic contains: its field name is a String, not its item type Connection",
            "  static final class Close implements WorkItemPointer<Connection, Close> {",
            "    private final String name = \"c\";",
            "    @Override public Connection item() { return new Connection(); }",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "  // BUG: Diagnostic contains: it has no instance field holding its Connection",
            "  static final class Ping implements WorkItemPointer<Connection, Ping> {",
            "    @Override public Connection item() { return new Connection(); }",
            Fixtures.unusedHasWork("Connection", "Ping"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void pointerParameterNamingAnotherTypeIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: Flush is not a pointer newtype: its pointer type P is Close,"
                + " not Flush itself: hasWork() returns Close's descriptor, so enqueue throws"
                + " IllegalArgumentException for every Flush",
            "  // Declare it as record Flush(Connection item) implements WorkItemPointer<Connection,"
                + " Flush>, with its own Work<Flush> slot in Connection.",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void genericPointerIsFlagged() {
    helper
        .addSourceLines(
            "Ptr.java",
            "import io.github.worklint.workqueue.*;",
            "// BUG: Diagnostic contains: Ptr is not a pointer newtype: it is generic (Ptr<T>), so one"
                + " pointer class stands for slots of different item types",
            "record Ptr<T>(T item) implements WorkItemPointer<T, Ptr<T>> {",
            "  @Override public HasWork<T, Ptr<T>> hasWork() { throw new AssertionError(); }",
            "  @Override public void run() {}",
            "}")
        .doTest();
  }

  @Test
  void itemTypeMentioningATypeVariableIsFlagged() {
    helper
        .addSourceLines(
            "Box.java",
            "import io.github.worklint.workqueue.*;",
            "final class Box<E> {",
            "  // BUG: Diagnostic contains: its item type Box<E> depends on a type variable",
            "  final class Open implements WorkItemPointer<Box<E>, Open> {",
            "    @Override public Box<E> item() { return Box.this; }",
            "    @Override public HasWork<Box<E>, Open> hasWork() { throw new AssertionError(); }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rawImplementationIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  // BUG: Diagnostic contains: it implements WorkItemPointer raw, so it is not within the"
                + " bound of Work<P>",
            "  record Flush(Connection item) implements WorkItemPointer {",
            "    @Override public HasWork hasWork() { throw new AssertionError(); }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void everyProblemIsNamedInOneDiagnostic() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            // Continuation lines of a marker are further substrings the same line must show.
            "  // BUG: Diagnostic contains: it is neither a record nor final",
            "  // it holds more than its item (field item, field retries)",
            "  // its pointer type P is Close, not Flush itself",
            "  static class Flush implements WorkItemPointer<Connection, Close> {",
            "    private final Connection item;",
            "    int retries;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
    // More than one problem: no fix, even though one of them is the missing final.
    BugCheckerRefactoringTestHelper.newInstance(WorkPointerNotNewtype.class, getClass())
        .addInputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    int retries;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void anonymousPointerIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  static WorkItemPointer<Connection, Flush> sneaky(Connection c) {",
            "    // BUG: Diagnostic contains: it is anonymous, so it can never be its own pointer type P"
                + " (here Flush)",
            "    return new WorkItemPointer<Connection, Flush>() {",
            "      @Override public Connection item() { return c; }",
            "      @Override public HasWork<Connection, Flush> hasWork() { throw new AssertionError(); }",
            "      @Override public void run() {}",
            "    };",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void innerClassHoldingOnlyItsEnclosingItemIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  final class Flush implements WorkItemPointer<Connection, Flush> {",
            "    @Override public Connection item() { return Connection.this; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void innerClassWithAnItemFieldAlsoHoldsItsEnclosingInstance() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: it holds more than its item (its enclosing Connection"
                + " instance, field item)",
            "  final class Flush implements WorkItemPointer<Connection, Flush> {",
            "    private final Connection item;",
            "    Flush(Connection item) { this.item = item; }",
            "    @Override public Connection item() { return item; }",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localClassesFollowTheSameRules() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  static WorkItemPointer<Connection, ?> inStaticMethod(Connection c) {",
            "    final class Flush implements WorkItemPointer<Connection, Flush> {",
            "      private final Connection item;",
            "      Flush(Connection item) { this.item = item; }",
            "      @Override public Connection item() { return item; }",
            "      @Override public HasWork<Connection, Flush> hasWork() { throw new AssertionError(); }",
            "      @Override public void run() {}",
            "    }",
            "    return new Flush(c);",
            "  }",
            "  WorkItemPointer<Connection, ?> inInstanceMethod() {",
            "    // BUG: Diagnostic contains: it holds more than its item (its enclosing Connection"
                + " instance, field item)",
            "    final class Close implements WorkItemPointer<Connection, Close> {",
            "      private final Connection item;",
            "      Close(Connection item) { this.item = item; }",
            "      @Override public Connection item() { return item; }",
            "      @Override public HasWork<Connection, Close> hasWork() { throw new AssertionError(); }",
            "      @Override public void run() {}",
            "    }",
            "    record Ping(Connection item) implements WorkItemPointer<Connection, Ping> {",
            "      @Override public HasWork<Connection, Ping> hasWork() { throw new AssertionError(); }",
            "      @Override public void run() {}",
            "    }",
            "    return new Close(this);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void interfacesAreNotFlaggedAndTheirRecordsAreNewtypes() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  interface ConnectionWork<P extends ConnectionWork<P>> extends WorkItemPointer<Connection, P> {",
            "    @Override default void run() {}",
            "  }",
            "  interface Anything extends WorkItemPointer {}",
            "  record Flush(Connection item) implements ConnectionWork<Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lookAlikePointerInterfaceIsIgnored() {
    helper
        .addSourceLines(
            "WorkItemPointer.java",
            "package other;",
            "public interface WorkItemPointer<T, P> { T item(); }")
        .addSourceLines(
            "Job.java",
            "import other.WorkItemPointer;",
            "// mentions io.github.worklint.workqueue only in this comment",
            "class Job implements WorkItemPointer<String, Job> {",
            "  int state;",
            "  @Override public String item() { return \"\"; }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsSilencesIt() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @SuppressWarnings(\"WorkPointerNotNewtype\")",
            "  record Send(Connection item, String payload) implements WorkItemPointer<Connection, Send> {",
            Fixtures.unusedHasWork("Connection", "Send"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }
}

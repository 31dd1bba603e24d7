package io.github.worklint.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WorkPointerTargetMismatchTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(WorkPointerTargetMismatch.class, getClass());

  @Test
  void slotInAnUnrelatedClassIsFlagged() {
    helper
        .addSourceLines(
            "Socket.java",
            "import io.github.worklint.workqueue.*;",
            "final class Socket {",
            "  record Flush(Socket item) implements WorkItemPointer<Socket, Flush> {",
            Fixtures.unusedHasWork("Socket", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  // BUG: Diagnostic contains: Connection declares slot flushWork (Work<Flush>), but"
                + " Flush's item type is Socket, which is not Connection or a subclass of it:"
                + " HasWork.of(…, Socket.class, Flush.class, …) searches only Socket and its"
                + " superclasses, so flushWork can never be queued; Socket has no Work<Flush>"
                + " slot, so HasWork.of fails",
            "  @Slot private final Work<Socket.Flush> flushWork = new Work<>();",
            "}")
        .doTest();
  }

  @Test
  void slotInASubclassOfTheItemIsFlaggedAndNamesTheSlotThatRuns() {
    helper
        .addSourceLines(
            "Session.java",
            "import io.github.worklint.workqueue.*;",
            "class Session {",
            "  @Slot private final Work<Ping> ping = new Work<>();",
            "  record Ping(Session item) implements WorkItemPointer<Session, Ping> {",
            Fixtures.unusedHasWork("Session", "Ping"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "SecureSession.java",
            "import io.github.worklint.workqueue.*;",
            "final class SecureSession extends Session {",
            "  // BUG: Diagnostic contains: work queued through Ping uses Session.ping instead",
            "  @Slot private final Work<Session.Ping> securePing = new Work<>();",
            "}")
        .doTest();
  }

  @Test
  void slotInAnInterfaceIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection implements Closer {",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "Closer.java",
            "import io.github.worklint.workqueue.*;",
            "interface Closer {",
            "  // BUG: Diagnostic contains: searches only Connection and its superclasses, never an"
                + " interface",
            "  Work<Connection.Close> CLOSE = new Work<>();",
            "}")
        .doTest();
  }

  @Test
  void interfaceItemTypeIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection implements Runnable {",
            "  // BUG: Diagnostic contains: Close's item type is Runnable, which is not Connection",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  @Override public void run() {}",
            "  record Close(Runnable item) implements WorkItemPointer<Runnable, Close> {",
            Fixtures.unusedHasWork("Runnable", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void slotInTheItemOrOneOfItsSuperclassesIsClean() {
    helper
        .addSourceLines(
            "Session.java",
            "import io.github.worklint.workqueue.*;",
            "abstract class Session {",
            "  @Slot private final Work<SecureSession.Rekey> rekeyWork = new Work<>();",
            "  @Slot private final Work<Ping> ping = new Work<>();",
            "  record Ping(Session item) implements WorkItemPointer<Session, Ping> {",
            Fixtures.unusedHasWork("Session", "Ping"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "SecureSession.java",
            "import io.github.worklint.workqueue.*;",
            "final class SecureSession extends Session {",
            "  record Rekey(SecureSession item) implements WorkItemPointer<SecureSession, Rekey> {",
            Fixtures.unusedHasWork("SecureSession", "Rekey"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void genericPointersAndTypeVariableSlotsUseTheirTypeArguments() {
    helper
        .addSourceLines(
            "Ptr.java",
            "import io.github.worklint.workqueue.*;",
            "record Ptr<T>(T item) implements WorkItemPointer<T, Ptr<T>> {",
            "  @Override public HasWork<T, Ptr<T>> hasWork() { throw new AssertionError(); }",
            "  @Override public void run() {}",
            "}")
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @Slot private final Work<Ptr<Connection>> mine = new Work<>();",
            "  // BUG: Diagnostic contains: Connection declares slot theirs (Work<Ptr<String>>), but"
                + " Ptr<String>'s item type is String",
            "  @Slot private final Work<Ptr<String>> theirs = new Work<>();",
            "}")
        .addSourceLines(
            "Holder.java",
            "import io.github.worklint.workqueue.*;",
            "class Holder<P extends WorkItemPointer<Connection, P>> {",
            "  private final Work<P> slot = new Work<>();",
            "}")
        .doTest();
  }

  @Test
  void localVariablesAndLookAlikeWorkAreIgnored() {
    helper
        .addSourceLines(
            "Work.java",
            "package other;",
            "public final class Work<P> {}")
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.HasWork;",
            "import io.github.worklint.workqueue.WorkItemPointer;",
            "final class Connection {",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "Ledger.java",
            "final class Ledger {",
            "  private final other.Work<Connection.Flush> entries = new other.Work<>();",
            "  void scratch() {",
            "    io.github.worklint.workqueue.Work<Connection.Flush> w =",
            "        new io.github.worklint.workqueue.Work<>();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hasWorkReturningAnotherPointersDescriptorThroughACastIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: Flush.hasWork() returns the descriptor of Close's slot"
                + " (slot closeWork), not Flush's own: enqueue throws IllegalArgumentException for"
                + " every Flush",
            "      return (HasWork) Close.WORK;",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    static final HasWork<Connection, Close> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void hasWorkReturningARawConstantBuiltForAnotherPointerIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @SuppressWarnings(\"rawtypes\")",
            "    static final HasWork WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "    @SuppressWarnings(\"unchecked\")",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: Flush.hasWork() returns, through WORK, the descriptor"
                + " of Close's slot (slot closeWork)",
            "      return WORK;",
            "    }",
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
  void hasWorkBuildingADescriptorWithARawClassLiteralIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
            "    static final HasWork<Connection, Flush> WORK = (HasWork)",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, (Class) Close.class, \"closeWork\");",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      // BUG: Diagnostic contains: returns, through WORK, the descriptor of Close's slot",
            "      return WORK;",
            "    }",
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
  void hasWorkReturningItsOwnDescriptorIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "import java.util.function.Supplier;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  static final class Descriptors {",
            "    static final HasWork<Connection, Flush> FLUSH =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "  }",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @Override public HasWork<Connection, Flush> hasWork() {",
            "      Supplier<HasWork<Connection, Close>> notReturned = () -> Close.WORK;",
            "      return Descriptors.FLUSH;",
            "    }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    static final HasWork<Connection, Close> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  /** Not a pointer: its hasWork() is nobody's business. */",
            "  static final class Registry {",
            "    HasWork<Connection, Close> hasWork() { return Close.WORK; }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void pointerWhosePIsAnotherTypeIsLeftToWorkPointerNotNewtype() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    @Override public HasWork<Connection, Close> hasWork() { return Close.WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    static final HasWork<Connection, Close> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
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
            "  @SuppressWarnings(\"WorkPointerTargetMismatch\")",
            "  @Slot private final Work<Socket.Flush> flushWork = new Work<>();",
            "}")
        .addSourceLines(
            "Socket.java",
            "import io.github.worklint.workqueue.*;",
            "final class Socket {",
            "  record Flush(Socket item) implements WorkItemPointer<Socket, Flush> {",
            "    @SuppressWarnings({\"unchecked\", \"rawtypes\", \"WorkPointerTargetMismatch\"})",
            "    @Override public HasWork<Socket, Flush> hasWork() { return (HasWork) Other.WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Other(Socket item) implements WorkItemPointer<Socket, Other> {",
            "    static final HasWork<Socket, Other> WORK = null;",
            "    @Override public HasWork<Socket, Other> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] FIX_INPUT = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  @Slot private final Work<Close> closeWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
    "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
    "    @Override public HasWork<Connection, Flush> hasWork() {",
    "      return (HasWork) Close.WORK;",
    "    }",
    "    @Override public void run() {}",
    "  }",
    "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
    "    static final HasWork<Connection, Close> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
    "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  private static final String[] FIX_OUTPUT = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  @Slot private final Work<Close> closeWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
    "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
    "    @Override public HasWork<Connection, Flush> hasWork() {",
    "      return WORK;",
    "    }",
    "    @Override public void run() {}",
    "  }",
    "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
    "    static final HasWork<Connection, Close> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
    "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  @Test
  void fixReturnsThePointersOwnDescriptor() {
    BugCheckerRefactoringTestHelper.newInstance(WorkPointerTargetMismatch.class, getClass())
        .addInputLines("Connection.java", FIX_INPUT)
        .addOutputLines("Connection.java", FIX_OUTPUT)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixOutputPassesEveryCheck() {
    Fixtures.assertCleanUnderAllChecks(
        WorkPointerTargetMismatch.class, getClass(), "Connection.java", FIX_OUTPUT);
  }

  @Test
  void noFixWhenThePointerHasNoDescriptorOfItsOwn() {
    BugCheckerRefactoringTestHelper.newInstance(WorkPointerTargetMismatch.class, getClass())
        .addInputLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    @SuppressWarnings(\"rawtypes\")",
            "    static final HasWork WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"closeWork\");",
            "    @SuppressWarnings(\"unchecked\")",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}

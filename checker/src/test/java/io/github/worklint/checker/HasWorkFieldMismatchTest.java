package io.github.worklint.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class HasWorkFieldMismatchTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HasWorkFieldMismatch.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(HasWorkFieldMismatch.class, getClass());

  /** A Connection with two slots, and a Flush pointer whose descriptor names {@code name}. */
  private static String[] connection(String flushSlot, String nameArgument) {
    return new String[] {
      "import io.github.worklint.workqueue.*;",
      "import java.lang.invoke.MethodHandles;",
      "final class Connection {",
      "  " + flushSlot,
      "  @Slot private final Work<Close> closeWork = new Work<>();",
      "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
      "    static final HasWork<Connection, Flush> WORK =",
      "        // BUG: Diagnostic matches: X",
      "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, " + nameArgument + ");",
      "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
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
  }

  @Test
  void misspelledFieldIsFlaggedWithTheOneSlotSuggested() {
    helper
        .addSourceLines(
            "Connection.java",
            connection("@Slot private final Work<Flush> flushWork = new Work<>();", "\"flushWrok\""))
        .expectErrorMessage(
            "X",
            message ->
                message.contains(
                        "Connection has no field flushWrok (HasWork.of for Flush): HasWork.of"
                            + " throws IllegalArgumentException when Flush is first used, so no"
                            + " Flush can ever be queued")
                    && message.contains("so no Flush can ever be queued; did you mean flushWork?"))
        .doTest();
  }

  @Test
  void slotOfAnotherPointerTypeIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection("@Slot private final Work<Flush> flushWork = new Work<>();", "\"closeWork\""))
        .expectErrorMessage(
            "X",
            message ->
                message.contains("Connection.closeWork is a Work<Close>, not Work<Flush>")
                    && message.contains("so no Flush can ever be queued; did you mean flushWork?"))
        .doTest();
  }

  @Test
  void rawWildcardAndForeignTypesAreNotExactlyWorkOfP() {
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "@SuppressWarnings(\"rawtypes\")",
            "final class Item {",
            "  @Slot private final Work raw = new Work<>();",
            "  @Slot private final Work<?> wild = new Work<>();",
            "  private final String text = \"\";",
            "  record Go(Item item) implements WorkItemPointer<Item, Go> {",
            "    // BUG: Diagnostic contains: Item.raw is a raw Work, not Work<Go>",
            "    static final HasWork<Item, Go> A = HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"raw\");",
            "    // BUG: Diagnostic contains: Item.wild is a Work<?>, not Work<Go>",
            "    static final HasWork<Item, Go> B = HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"wild\");",
            "    // BUG: Diagnostic contains: Item.text is declared as String, not Work<Go>",
            "    static final HasWork<Item, Go> C = HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"text\");",
            "    @Override public HasWork<Item, Go> hasWork() { return A; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void noFixWhenTheItemHasNoWorkOfP() {
    refactoring
        .addInputLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Item {",
            "  @Slot private final Work<Other> other = new Work<>();",
            "  record Go(Item item) implements WorkItemPointer<Item, Go> {",
            "    static final HasWork<Item, Go> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"other\");",
            "    @Override public HasWork<Item, Go> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Other(Item item) implements WorkItemPointer<Item, Other> {",
            "    static final HasWork<Item, Other> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Item.class, Other.class, \"other\");",
            "    @Override public HasWork<Item, Other> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Item {",
            "  @Slot private final Work<Other> other = new Work<>();",
            "  record Go(Item item) implements WorkItemPointer<Item, Go> {",
            "    static final HasWork<Item, Go> WORK =",
            "        // BUG: Diagnostic matches: X",
            "        HasWork.of(MethodHandles.lookup(), Item.class, Go.class, \"other\");",
            "    @Override public HasWork<Item, Go> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Other(Item item) implements WorkItemPointer<Item, Other> {",
            Fixtures.unusedHasWork("Item", "Other"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .expectErrorMessage(
            "X",
            message ->
                message.contains("Item.other is a Work<Other>, not Work<Go>")
                    && !message.contains("did you mean"))
        .doTest();
  }

  @Test
  void staticAndNonFinalFieldsAreListedInOneDiagnostic() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "@Slot private static Work<Flush> flushWork = new Work<>();", "\"flushWork\""))
        .expectErrorMessage(
            "X",
            message ->
                message.contains(
                        "Connection.flushWork is static (one slot shared by every Connection);"
                            + " Connection.flushWork is not final (HasWork.of for Flush)")
                    && !message.contains("did you mean"))
        .doTest();
  }

  @Test
  void inheritedFieldIsFoundAndJudged() {
    helper
        .addSourceLines(
            "Base.java",
            "import io.github.worklint.workqueue.*;",
            "class Base {",
            "  @Slot private final Work<Derived.Ping> ping = new Work<>();",
            "  @Slot Work<Derived.Pong> pong = new Work<>();",
            "}")
        .addSourceLines(
            "Derived.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Derived extends Base {",
            "  record Ping(Derived item) implements WorkItemPointer<Derived, Ping> {",
            "    static final HasWork<Derived, Ping> WORK =",
            "        // BUG: Diagnostic contains: Base.ping is private, and the"
                + " MethodHandles.lookup() of Ping, outside Base's nest, cannot access it",
            "        HasWork.of(MethodHandles.lookup(), Derived.class, Ping.class, \"ping\");",
            "    @Override public HasWork<Derived, Ping> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Pong(Derived item) implements WorkItemPointer<Derived, Pong> {",
            "    static final HasWork<Derived, Pong> WORK =",
            "        // BUG: Diagnostic contains: Base.pong is not final (HasWork.of for Pong)",
            "        HasWork.of(MethodHandles.lookup(), Derived.class, Pong.class, \"pong\");",
            "    @Override public HasWork<Derived, Pong> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void privateInheritedSlotInTheSameNestIsClean() {
    helper
        .addSourceLines(
            "Sessions.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Sessions {",
            "  static class Base {",
            "    @Slot private final Work<Derived.Ping> ping = new Work<>();",
            "  }",
            "  static final class Derived extends Base {",
            "    record Ping(Derived item) implements WorkItemPointer<Derived, Ping> {",
            "      static final HasWork<Derived, Ping> WORK =",
            "          HasWork.of(MethodHandles.lookup(), Derived.class, Ping.class, \"ping\");",
            "      @Override public HasWork<Derived, Ping> hasWork() { return WORK; }",
            "      @Override public void run() {}",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void privateSlotOfAnotherNestWithOwnLookupIsInaccessible() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @Slot private final Work<FlushPointer> flushWork = new Work<>();",
            "}")
        .addSourceLines(
            "FlushPointer.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "record FlushPointer(Connection item) implements WorkItemPointer<Connection, FlushPointer> {",
            "  static final HasWork<Connection, FlushPointer> WORK =",
            "      // BUG: Diagnostic contains: Connection.flushWork is private, and the"
                + " MethodHandles.lookup() of FlushPointer, outside Connection's nest, cannot"
                + " access it",
            "      HasWork.of(MethodHandles.lookup(), Connection.class, FlushPointer.class, \"flushWork\");",
            "  static final HasWork<Connection, FlushPointer> TRUSTED = HasWork.of(",
            "      lookupInto(), Connection.class, FlushPointer.class, \"flushWork\");",
            "  static MethodHandles.Lookup lookupInto() {",
            "    try {",
            "      return MethodHandles.privateLookupIn(Connection.class, MethodHandles.lookup());",
            "    } catch (IllegalAccessException e) {",
            "      throw new AssertionError(e);",
            "    }",
            "  }",
            "  @Override public HasWork<Connection, FlushPointer> hasWork() { return WORK; }",
            "  @Override public void run() {}",
            "}")
        .doTest();
  }

  @Test
  void packagePrivateSlotIsAccessibleInItsPackageOnly() {
    helper
        .addSourceLines(
            "a/Connection.java",
            "package a;",
            "import io.github.worklint.workqueue.*;",
            "public final class Connection {",
            "  @Slot final Work<b.Flush> flushWork = new Work<>();",
            "  @Slot final Work<Local> localWork = new Work<>();",
            "}")
        .addSourceLines(
            "a/Local.java",
            "package a;",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "public record Local(Connection item) implements WorkItemPointer<Connection, Local> {",
            "  static final HasWork<Connection, Local> WORK =",
            "      HasWork.of(MethodHandles.lookup(), Connection.class, Local.class, \"localWork\");",
            "  @Override public HasWork<Connection, Local> hasWork() { return WORK; }",
            "  @Override public void run() {}",
            "}")
        .addSourceLines(
            "b/Flush.java",
            "package b;",
            "import a.Connection;",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "public record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "  static final HasWork<Connection, Flush> WORK =",
            "      // BUG: Diagnostic contains: Connection.flushWork is package-private, and the"
                + " MethodHandles.lookup() of Flush, in another package, cannot access it",
            "      HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "  @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "  @Override public void run() {}",
            "}")
        .doTest();
  }

  @Test
  void nonConstantNameIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class,",
            "            // BUG: Diagnostic contains: The field name passed to HasWork.of for Flush is"
                + " not a compile-time constant, so nothing can check before run time that it"
                + " names Connection's Work<Flush> slot",
            "            System.getProperty(\"slot\", \"flushWork\"));",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void constantExpressionsAndCorrectSlotsAreClean() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  static final String FLUSH = \"flush\";",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, FLUSH + \"Work\");",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            "    static final HasWork<Connection, Close> WORK =",
            "        HasWork.of(MethodHandles.lookup(), (Connection.class), Close.class, (\"closeWork\"));",
            "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonLiteralClassArgumentsCannotBeDecided() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  static final Class<Connection> ITEM = Connection.class;",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), ITEM, Flush.class, \"nope\");",
            "    @SuppressWarnings({\"unchecked\", \"rawtypes\"})",
            "    static final HasWork CAST =",
            "        HasWork.of(MethodHandles.lookup(), (Class) Connection.class, Flush.class, \"nope\");",
            "    static final HasWork<Connection, Flush> DYNAMIC =",
            "        HasWork.of(MethodHandles.lookup(), ITEM, Flush.class, System.getProperty(\"x\"));",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lookAlikeHasWorkIsIgnored() {
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
            "import other.HasWork;",
            "final class Item {",
            "  static final Object X = HasWork.of(null, Item.class, Item.class, \"missing\");",
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
            "    @SuppressWarnings(\"HasWorkFieldMismatch\")",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"gone\");",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] MISSPELLED = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  @Slot private final Work<Close> closeWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWrok\");",
    "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
    "    static final HasWork<Connection, Close> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, \"flushWork\");",
    "    @Override public HasWork<Connection, Close> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  private static final String[] FIXED = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  @Slot private final Work<Close> closeWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
    "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
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
  void fixReplacesTheNameWithTheOneSlotOfP() {
    refactoring
        .addInputLines("Connection.java", MISSPELLED)
        .addOutputLines("Connection.java", FIXED)
        .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
  }

  @Test
  void fixedCodeIsCleanUnderEveryWorklintCheck() {
    Fixtures.assertCleanUnderAllChecks(HasWorkFieldMismatch.class, getClass(), "Connection.java", FIXED);
  }
}

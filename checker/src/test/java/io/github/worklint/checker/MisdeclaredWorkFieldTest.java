package io.github.worklint.checker;


import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import java.util.stream.Stream;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class MisdeclaredWorkFieldTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(MisdeclaredWorkField.class, getClass());

  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(MisdeclaredWorkField.class, getClass());

  /** The pointer type every case uses; its descriptor is never built in these tests. */
  private static final String[] FLUSH = {
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    Fixtures.unusedHasWork("Connection", "Flush"),
    "    @Override public void run() {}",
    "  }",
  };

  private static String[] connection(String... body) {
    return Stream.of(
            Stream.of("import io.github.worklint.workqueue.*;", "final class Connection {"),
            Stream.of(body),
            Stream.of(FLUSH),
            Stream.of("}"))
        .flatMap(s -> s)
        .toArray(String[]::new);
  }

  // ---- flagged declarations

  @Test
  void staticSlotIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: Connection.flushWork (Work<Flush>) is misdeclared: it is"
                    + " static, so one slot is shared by every Connection and one item's pending"
                    + " Flush hides every other's. HasWork.of rejects it at run time.",
                "  @Slot private static final Work<Flush> flushWork = new Work<>();"))
        .doTest();
  }

  @Test
  void nonFinalSlotIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is not final, so replacing the slot while a"
                    + " Flush is queued loses that work",
                "  @Slot private Work<Flush> flushWork = new Work<>();"))
        .doTest();
  }

  @Test
  void rawAndWildcardSlotsAreFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: Connection.raw (raw Work) is misdeclared: it is"
                    + " declared as raw Work, which no pointer type selects",
                "  @SuppressWarnings(\"rawtypes\") private final Work raw = new Work();",
                "  // BUG: Diagnostic contains: it is declared as Work<?>, which no pointer type",
                "  private final Work<?> any = new Work<Flush>();",
                "  // BUG: Diagnostic contains: it is declared as Work<? extends Flush>",
                "  private final Work<? extends Flush> bounded = new Work<Flush>();"))
        .doTest();
  }

  @Test
  void oneDiagnosticNamesEveryProblem() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic matches: ALL",
                "  @SuppressWarnings(\"rawtypes\") static Work flushWork = new Work();"))
        .expectErrorMessage(
            "ALL",
            message ->
                message.contains("it is static")
                    && message.contains("it is not final")
                    && message.contains("it is declared as raw Work")
                    && message.contains("HasWork.of rejects it at run time"))
        .doTest();
  }

  @Test
  void slotTakenFromAParameterIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork;",
                "  // BUG: Diagnostic contains: it is assigned from parameter work in the"
                    + " constructor, not a fresh new Work<>(): one Work shared by two items (or"
                    + " two slots) has one pending state, so an enqueue while the other's work is"
                    + " pending returns false and the work is lost",
                "  Connection(Work<Flush> work) { this.flushWork = work; }"))
        .doTest();
  }

  @Test
  void slotCopiedFromAnotherItemIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork;",
                "  Connection() { flushWork = new Work<>(); }",
                "  // BUG: Diagnostic contains: it is assigned from field other.flushWork",
                "  Connection(Connection other) { flushWork = other.flushWork; }"))
        .doTest();
  }

  @Test
  void slotFromAMethodCallIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  static <P extends WorkItemPointer<?, P>> Work<P> slot() { return new Work<>(); }",
                "  // BUG: Diagnostic contains: it is initialised from a call to slot(), not with a"
                    + " fresh new Work<>(): the result may be null (an enqueue throws"
                    + " IllegalStateException) or shared",
                "  @Slot private final Work<Flush> flushWork = slot();"))
        .doTest();
  }

  @Test
  void nullSlotIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is initialised with null, not with a fresh new"
                    + " Work<>(): the slot is null, so an enqueue throws IllegalStateException",
                "  @Slot private final Work<Flush> flushWork = null;"))
        .doTest();
  }

  @Test
  void slotInitialisedFromALocalIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork;",
                "  // BUG: Diagnostic contains: it is assigned from local variable work",
                "  Connection() { Work<Flush> work = new Work<>(); flushWork = work; }"))
        .doTest();
  }

  @Test
  void neverInitialisedSlotIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is never initialised in its declaration or a"
                    + " constructor of Connection: the slot is null",
                "  @Slot private Work<Flush> flushWork;"))
        .doTest();
  }

  @Test
  void constructorThatLeavesTheSlotNullIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: a constructor of Connection leaves it null",
                "  @Slot private Work<Flush> flushWork;",
                "  Connection() { flushWork = new Work<>(); }",
                "  Connection(int unused) {}"))
        .doTest();
  }

  @Test
  void recordComponentSlotIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "// BUG: Diagnostic contains: it is a record component",
            "record Connection(Work<Connection.Flush> flushWork) {",
            FLUSH[0],
            FLUSH[1],
            FLUSH[2],
            FLUSH[3],
            "}")
        .doTest();
  }

  @Test
  void interfaceConstantIsStatic() {
    helper
        .addSourceLines(
            "Slots.java",
            "import io.github.worklint.workqueue.*;",
            "interface Slots {",
            "  // BUG: Diagnostic contains: Slots.SHARED (Work<Flush>) is misdeclared: it is"
                + " static",
            "  Work<Connection.Flush> SHARED = new Work<>();",
            "}")
        .addSourceLines("Connection.java", connection())
        .doTest();
  }

  // ---- flagged assignments

  @Test
  void assignmentInAMethodIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is not final",
                "  @Slot private Work<Flush> flushWork = new Work<>();",
                "  void reset() {",
                "    // BUG: Diagnostic contains: Connection.flushWork (Work<Flush>) is replaced in"
                    + " method reset(), outside its declaration and the constructors of"
                    + " Connection: a Flush queued in the old slot is lost",
                "    flushWork = new Work<>();",
                "  }"))
        .doTest();
  }

  @Test
  void assignmentInALambdaOrToAnotherItemInAConstructorIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is not final",
                "  @Slot private Work<Flush> flushWork = new Work<>();",
                "  Runnable reset;",
                "  Connection(Connection other) {",
                "    // BUG: Diagnostic contains: is replaced in a lambda",
                "    reset = () -> flushWork = new Work<>();",
                "    // BUG: Diagnostic contains: is replaced in the constructor of Connection",
                "    other.flushWork = new Work<>();",
                "  }"))
        .doTest();
  }

  @Test
  void assignmentFromAnotherClassIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  // BUG: Diagnostic contains: it is not final",
                "  @Slot Work<Flush> flushWork = new Work<>();"))
        .addSourceLines(
            "Pool.java",
            "import io.github.worklint.workqueue.Work;",
            "final class Pool {",
            "  void recycle(Connection c) {",
            "    // BUG: Diagnostic contains: is replaced in method recycle()",
            "    c.flushWork = new Work<>();",
            "  }",
            "}")
        .doTest();
  }

  // ---- clean

  @Test
  void finalFreshSlotsAreClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork = new Work<>();",
                "  @Slot private final Work<Flush> other = new Work<Flush>();",
                "  @Slot private final Work<Flush> chosen = true ? (new Work<>()) : new Work<>();"))
        .doTest();
  }

  @Test
  void slotAssignedOnceInEachConstructorIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork;",
                "  private final String name;",
                "  Connection(String name) { this.name = name; this.flushWork = new Work<>(); }",
                "  Connection(int port) {",
                "    this.name = \"port \" + port;",
                "    if (port > 0) { flushWork = new Work<>(); } else { flushWork = new Work<Flush>(); }",
                "  }",
                "  Connection() { this(\"default\"); }"))
        .doTest();
  }

  @Test
  void slotAssignedInAnInstanceInitializerIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection("  @Slot private final Work<Flush> flushWork;", "  { flushWork = new Work<>(); }"))
        .doTest();
  }

  @Test
  void localsParametersAndReturnValuesAreNotFields() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @Slot private final Work<Flush> flushWork = new Work<>();",
                "  Work<Flush> flushWork() { return flushWork; }",
                "  static boolean idle(Work<?> work) { return !work.isPending(); }",
                "  static boolean probe() {",
                "    @SuppressWarnings(\"rawtypes\") Work raw = null;",
                "    Work<Flush> fresh = new Work<>();",
                "    fresh = new Work<>();",
                "    return idle(fresh) && raw == null;",
                "  }"))
        .doTest();
  }

  @Test
  void lookAlikeWorkClassIsIgnored() {
    helper
        .addSourceLines("Work.java", "package other;", "public final class Work<P> {}")
        .addSourceLines(
            "Item.java",
            "import other.Work;",
            "// mentions io.github.worklint.workqueue only in this comment",
            "final class Item {",
            "  static Work<String> shared = null;",
            "  @SuppressWarnings(\"rawtypes\") Work raw;",
            "  void reset() { raw = new Work<String>(); shared = new Work<>(); }",
            "}")
        .doTest();
  }

  @Test
  void runtimeQueueLinksAreNotSlots() {
    helper
        .addSourceLines(
            "Link.java",
            "package io.github.worklint.workqueue;",
            "final class Link {",
            "  Work<?> head;",
            "  void push(Work<?> work) { head = work; }",
            "}")
        .doTest();
  }

  @Test
  void suppressionSilencesTheDeclaration() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  @SuppressWarnings(\"MisdeclaredWorkField\")",
                "  @Slot private static Work<Flush> flushWork = new Work<>();",
                "  @SuppressWarnings(\"MisdeclaredWorkField\")",
                "  void reset() { flushWork = new Work<>(); }"))
        .doTest();
  }

  // ---- fixes

  /** A complete, correct item: what every fix below must produce. */
  private static final String[] FIXED_TEMPLATE = {
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "final class Connection {",
    "  %s",
    "  %s",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    "    static final HasWork<Connection, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
    "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  private static String[] item(String declaration, String constructors) {
    String[] lines = FIXED_TEMPLATE.clone();
    lines[3] = "  " + declaration;
    lines[4] = "  " + constructors;
    return lines;
  }

  private static final String[] MISSING_FINAL =
      item("@Slot private Work<Flush> flushWork = new Work<>();", "Connection() {}");
  private static final String[] ADDED_FINAL =
      item("@Slot private final Work<Flush> flushWork = new Work<>();", "Connection() {}");

  private static final String[] STATIC =
      item("@Slot private static final Work<Flush> flushWork = new Work<>();", "Connection() {}");

  private static final String[] STATIC_NOT_FINAL =
      item("@Slot private static Work<Flush> flushWork = new Work<>();", "Connection() {}");

  private static final String[] BLANK_NOT_FINAL =
      item(
          "@Slot private Work<Flush> flushWork;",
          "Connection() { flushWork = new Work<>(); } Connection(int port) { this(); }");
  private static final String[] BLANK_FINAL =
      item(
          "@Slot private final Work<Flush> flushWork;",
          "Connection() { flushWork = new Work<>(); } Connection(int port) { this(); }");

  @Test
  void fixAddsFinal() {
    refactoring
        .addInputLines("Connection.java", MISSING_FINAL)
        .addOutputLines("Connection.java", ADDED_FINAL)
        .doTest();
  }

  @Test
  void fixDropsStatic() {
    refactoring
        .addInputLines("Connection.java", STATIC)
        .addOutputLines("Connection.java", ADDED_FINAL)
        .doTest();
  }

  @Test
  void fixDropsStaticAndAddsFinal() {
    refactoring
        .addInputLines("Connection.java", STATIC_NOT_FINAL)
        .addOutputLines("Connection.java", ADDED_FINAL)
        .doTest();
  }

  @Test
  void fixAddsFinalToASlotAssignedOnceInEachConstructor() {
    refactoring
        .addInputLines("Connection.java", BLANK_NOT_FINAL)
        .addOutputLines("Connection.java", BLANK_FINAL)
        .doTest();
  }

  @Test
  void fixedItemsPassEveryWorklintCheck() {
    for (String[] fixed : List.of(ADDED_FINAL, BLANK_FINAL)) {
      Fixtures.assertCleanUnderAllChecks(
          MisdeclaredWorkField.class, getClass(), "Connection.java", fixed);
    }
  }

  @Test
  void noFixWhenTheSlotIsAssignedInAMethod() {
    refactoring
        .addInputLines(
            "Connection.java",
            connection(
                "  @Slot private Work<Flush> flushWork = new Work<>();",
                "  void reset() { flushWork = new Work<>(); }"))
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFinalWhenAConstructorDoesNotAssignExactlyOnce() {
    refactoring
        .addInputLines(
            "Connection.java",
            connection(
                "  @Slot private Work<Flush> flushWork;",
                "  Connection() { if (true) { flushWork = new Work<>(); } }"))
        .expectUnchanged()
        .doTest();
    BugCheckerRefactoringTestHelper.newInstance(MisdeclaredWorkField.class, getClass())
        .addInputLines("Connection.java", connection("  @Slot private Work<Flush> flushWork;"))
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhenOtherFilesCanAssignTheSlot() {
    refactoring
        .addInputLines(
            "Connection.java",
            connection("  @Slot Work<Flush> flushWork = new Work<>();")) // package-private
        .expectUnchanged()
        .doTest();
  }

  @Test
  void staticStaysWhenAStaticContextUsesTheSlot() {
    refactoring
        .addInputLines(
            "Connection.java",
            connection(
                "  @Slot private static final Work<Flush> flushWork = new Work<>();",
                "  static boolean idle() { return !flushWork.isPending(); }"))
        .expectUnchanged()
        .doTest();
    BugCheckerRefactoringTestHelper.newInstance(MisdeclaredWorkField.class, getClass())
        .addInputLines(
            "Connection.java",
            connection(
                "  @Slot private static final Work<Flush> flushWork = new Work<>();",
                "  boolean idle() { return !Connection.flushWork.isPending(); }"))
        .expectUnchanged()
        .doTest();
  }
}

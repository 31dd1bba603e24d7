package io.github.worklint.checker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.util.List;

/**
 * The source fixtures the check tests share: text blocks for the pieces every test repeats, and
 * the one assertion that code is clean under every worklint check.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The import every fixture starts with. */
  public static final String IMPORTS =
      """
      import io.github.worklint.workqueue.*;
      import java.lang.invoke.MethodHandles;
      """;

  /**
   * A {@code hasWork()} for a pointer {@code pointer} of {@code item} whose descriptor the test
   * does not need, indented for a member of a nested record.
   */
  public static String unusedHasWork(String item, String pointer) {
    return unusedHasWork("HasWork", item, pointer);
  }

  /** {@link #unusedHasWork} for a delayed pointer: its {@code hasWork()} is a HasDelayedWork. */
  public static String unusedHasDelayedWork(String item, String pointer) {
    return unusedHasWork("HasDelayedWork", item, pointer);
  }

  private static String unusedHasWork(String descriptor, String item, String pointer) {
    return "    @Override public " + descriptor + "<" + item + ", " + pointer + "> hasWork() {"
        + " throw new AssertionError(); }";
  }

  /**
   * A pointer record nested in its item, with an unused {@code hasWork()} and an empty
   * {@code run()}.
   */
  public static String pointer(String item, String pointer) {
    return pointer("WorkItemPointer", item, pointer, unusedHasWork(item, pointer));
  }

  /** {@link #pointer} for a delayed pointer: a {@code DelayedWorkItemPointer} record. */
  public static String delayedPointer(String item, String pointer) {
    return pointer("DelayedWorkItemPointer", item, pointer, unusedHasDelayedWork(item, pointer));
  }

  private static String pointer(String type, String item, String pointer, String hasWork) {
    return """
          record %2$s(%1$s item) implements %4$s<%1$s, %2$s> {
        %3$s
            @Override public void run() {}
          }
        """.formatted(item, pointer, hasWork, type);
  }

  /**
   * A delayed pointer record nested in its item whose {@code hasWork()} returns the static final
   * {@code WORK = factory.of(MethodHandles.lookup(), item.class, pointer.class, "field")}; for
   * {@code factory} {@code HasWork} it is declared a {@code HasWork} and cast, which compiles and
   * fails at run time.
   */
  public static String delayedPointerOf(String item, String pointer, String factory, String field) {
    String cast = factory.equals("HasDelayedWork") ? "" : "(HasDelayedWork<%1$s, %2$s>) ";
    return String.join(
            "\n",
            "  record %2$s(%1$s item) implements DelayedWorkItemPointer<%1$s, %2$s> {",
            "    static final %3$s<%1$s, %2$s> WORK =",
            "        %3$s.of(MethodHandles.lookup(), %1$s.class, %2$s.class, \"%4$s\");",
            "    @Override public HasDelayedWork<%1$s, %2$s> hasWork() { return " + cast + "WORK; }",
            "    @Override public void run() {}",
            "  }")
        .formatted(item, pointer, factory, field);
  }

  /** The delayed slot the delayed fixtures share: {@code Item}'s {@code DelayedWork<Tick>}. */
  public static final String TIMEOUT_SLOT =
      "  @Slot private final DelayedWork<Tick> timeout = new DelayedWork<>();";

  /** A compilation unit of {@code final class Item} with {@code members}, one after another. */
  public static String item(String... members) {
    return unit("final class Item {\n" + String.join("\n", members) + "\n}\n");
  }

  /** A compilation unit: the imports, then {@code body} as it stands. */
  public static String unit(String body) {
    return IMPORTS + body;
  }

  /**
   * Compiles {@code lines} as {@code file} under every worklint check, {@code underTest} among
   * them, and expects no diagnostic at all.
   */
  public static void assertCleanUnderAllChecks(
      Class<? extends BugChecker> underTest, Class<?> test, String file, String... lines) {
    List<Class<? extends BugChecker>> checks = Checks.all();
    assertTrue(checks.contains(underTest), underTest + " is not registered: " + checks);
    CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(checks), test)
        .addSourceLines(file, lines)
        .expectNoDiagnostics()
        .doTest();
  }
}

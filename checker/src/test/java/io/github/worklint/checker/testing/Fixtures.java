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
    return "    @Override public HasWork<" + item + ", " + pointer + "> hasWork() {"
        + " throw new AssertionError(); }";
  }

  /**
   * A pointer record nested in its item, with an unused {@code hasWork()} and an empty
   * {@code run()}.
   */
  public static String pointer(String item, String pointer) {
    return """
          record %2$s(%1$s item) implements WorkItemPointer<%1$s, %2$s> {
        %3$s
            @Override public void run() {}
          }
        """.formatted(item, pointer, unusedHasWork(item, pointer));
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

package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.worklint.checker.corpus.Checks;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The registered checks are exactly the catalogue of docs/design.md §3, each documented. */
class CheckRegistryTest {

  static final Map<String, SeverityLevel> DESIGN_SEVERITIES =
      new TreeMap<>(
          Map.of(
              "DuplicateWorkPointer", SeverityLevel.ERROR,
              "HasWorkFieldMismatch", SeverityLevel.ERROR,
              "WorkPointerNotNewtype", SeverityLevel.ERROR,
              "WorkPointerTargetMismatch", SeverityLevel.ERROR,
              "MisdeclaredWorkField", SeverityLevel.ERROR,
              "HasWorkNotConstant", SeverityLevel.WARNING,
              "EnqueueInConstructor", SeverityLevel.WARNING,
              "FlushFromOwnWork", SeverityLevel.ERROR,
              "FlushWhileHoldingLock", SeverityLevel.ERROR));

  static final List<String> DESIGN_CHECKS = List.copyOf(DESIGN_SEVERITIES.keySet());

  @Test
  void registeredChecksAreTheCatalogue() {
    Map<String, SeverityLevel> registered = new TreeMap<>();
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      registered.put(check.getSimpleName(), pattern.severity());
    }
    assertEquals(DESIGN_SEVERITIES, registered);
  }

  @Test
  void everyCheckIsFinalOneSentenceAndLinksToItsPage() {
    Path docs = Path.of(System.getProperty("worklint.testdata", "../testdata"))
        .resolveSibling("docs").resolve("bugpatterns");
    for (Class<? extends BugChecker> check : Checks.all()) {
      String name = check.getSimpleName();
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      assertTrue(Modifier.isFinal(check.getModifiers()), name + " is not final");
      assertEquals(BugPattern.LinkType.CUSTOM, pattern.linkType(), name);
      assertTrue(pattern.link().endsWith("docs/bugpatterns/" + name + ".md"), pattern.link());
      assertTrue(Files.isRegularFile(docs.resolve(name + ".md")), "no page for " + name);
      String summary = pattern.summary();
      assertTrue(!summary.isBlank() && !summary.contains(". ") && !summary.endsWith("."),
          name + ": the summary must be one sentence without a full stop: " + summary);
    }
  }

  @Test
  void withoutTheRuntimeOnTheClasspathNothingIsReportedAndNothingThrows() {
    // The source names the runtime's package, so the cheap textual gate lets it through; the
    // types cannot be resolved, and every check must then stay silent.
    CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(Checks.all()), getClass())
        .withClasspath(CheckRegistryTest.class)
        .addSourceLines(
            "Connection.java",
            "// Ported from io.github.worklint.workqueue; the runtime is not on this classpath.",
            "final class Connection {",
            "  static final class Work<P> {}",
            "  static final class WorkQueue { void flush(Object o) {} void enqueue(Object o) {} }",
            "  private Work<Runnable> a = new Work<>();",
            "  private static Work<Runnable> b = new Work<>();",
            "  Connection(WorkQueue q) { q.enqueue(this); }",
            "  record Flush(Connection item) implements Runnable {",
            "    public void run() { new WorkQueue().flush(this); }",
            "  }",
            "}")
        .doTest();
  }
}

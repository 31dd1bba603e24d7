package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.worklint.checker.testing.Checks;
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

  /** The sections every page has, in this order, and no others. */
  static final List<String> PAGE_SECTIONS =
      List.of("## The problem", "## Example", "## The fix", "## Suppression");

  @Test
  void everyPageHasTheOneHeaderFormAndTheFourSections() throws Exception {
    Path root = Path.of(System.getProperty("worklint.testdata", "../testdata")).getParent();
    for (Class<? extends BugChecker> check : Checks.all()) {
      String name = check.getSimpleName();
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      List<String> lines = Files.readAllLines(root.resolve("docs/bugpatterns/" + name + ".md"));
      assertEquals("# " + name, lines.get(0), name);
      assertEquals(
          "**Severity:** " + pattern.severity() + " — *" + pattern.summary() + ".*",
          lines.get(2),
          name + ": the header must repeat the @BugPattern's severity and summary");
      assertEquals(
          PAGE_SECTIONS,
          lines.stream().filter(line -> line.startsWith("## ")).toList(),
          name);
      assertTrue(
          lines.contains(
              "Every case in [`testdata/" + name + "/`](../../testdata/" + name + "/) is compiled"
                  + " with this check and run by the corpus judges."),
          name + ": the example section links the check's corpus");
      assertTrue(Files.isDirectory(root.resolve("testdata/" + name)), name);
    }
  }

  /**
   * The first example of each page is taken from the check's corpus: every code line of it
   * (comments, {@code ...} and braces aside; {@code @Override} and {@code static} ignored, as
   * the corpus nests its classes) is a line of some {@code testdata/<Check>/} program.
   */
  @Test
  void everyPageExampleIsTakenFromTheCorpus() throws Exception {
    Path root = Path.of(System.getProperty("worklint.testdata", "../testdata")).getParent();
    for (Class<? extends BugChecker> check : Checks.all()) {
      String name = check.getSimpleName();
      String page = Files.readString(root.resolve("docs/bugpatterns/" + name + ".md"));
      String example = page.substring(page.indexOf("## Example"), page.indexOf("## The fix"));
      int start = example.indexOf("```java\n");
      assertTrue(start >= 0, name + ": no java example");
      String code = example.substring(start + 8, example.indexOf("```", start + 8));
      java.util.Set<String> corpus = new java.util.HashSet<>();
      try (var files = Files.list(root.resolve("testdata/" + name))) {
        for (Path file : files.toList()) {
          Files.readAllLines(file).forEach(line -> corpus.add(exampleLine(line)));
        }
      }
      List<String> foreign =
          code.lines()
              .map(CheckRegistryTest::exampleLine)
              .filter(line -> !List.of("", "...", "}", "{").contains(line))
              .filter(line -> !corpus.contains(line))
              .toList();
      assertEquals(List.of(), foreign, name + ": example lines not in testdata/" + name);
    }
  }

  private static String exampleLine(String line) {
    return line.replaceAll("\\s*//.*$", "")
        .strip()
        .replaceAll("^@Override\\s+", "")
        .replaceAll("^(private |public |protected )?static ", "$1")
        .replaceAll("\\s+", " ");
  }

  @Test
  void withoutTheRuntimeOnTheClasspathNothingIsReportedAndNothingThrows() {
    // The source names the runtime's package and look-alike types; the runtime's types cannot be
    // resolved, so no unit is in scope and every check must stay silent.
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

package io.github.worklint.checker.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import io.github.worklint.checker.testing.Checks;
import io.github.worklint.checker.testing.Corpus;
import io.github.worklint.checker.testing.WorklintCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge 1: every corpus program compiled with all worklint checks on; its {@code // BUG:} markers
 * must match the diagnostics exactly, no missing and no extra one.
 */
class CheckerJudgeTest {

  static List<Class<? extends BugChecker>> worklintChecks() {
    return Checks.all();
  }

  private static final Pattern MARKER =
      Pattern.compile("^\\s*" + Pattern.quote(Corpus.MARKER) + "\\s*(\\w+)\\s*$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s*//\\s*(\\w+)\\s*$");

  /**
   * A message says what is wrong, what happens at run time and the fix in about 300 characters
   * (the check's name in brackets included); the longer why is on the check's page.
   */
  static final int MAX_MESSAGE = 400;

  @TempDir Path classes;

  /**
   * Error Prone's test helper matches per line: a second, unexpected diagnostic on a marked line
   * would pass it. This judge counts: every diagnostic must have its own marker, naming its check
   * ({@code // BUG: Diagnostic contains: A}, then {@code // B} for a second check on that line).
   */
  @TestFactory
  Stream<DynamicTest> everyDiagnosticHasItsOwnMarker() {
    List<String> checks = worklintChecks().stream().map(Class::getSimpleName).toList();
    return Corpus.cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    c.file().toUri(),
                    () -> {
                      WorklintCompiler.Result result =
                          WorklintCompiler.compile(
                              Map.of(c.className() + ".java", c.source()),
                              Files.createDirectories(classes.resolve(c.toString())));
                      assertTrue(result.compiled(), c + ": " + result.otherDiagnostics());
                      List<String> actual =
                          result.findings().stream()
                              .map(f -> f.line() + " " + f.check())
                              .sorted()
                              .toList();
                      assertEquals(expectedFindings(c, checks), actual, c + ": " + result.findings());
                      for (WorklintCompiler.Finding f : result.findings()) {
                        String message = f.message().lines().findFirst().orElse("");
                        assertTrue(message.length() <= MAX_MESSAGE, c + ": too long: " + message);
                      }
                    }));
  }

  /** "line check" for every marker, where line is the next line that is not a comment. */
  static List<String> expectedFindings(Corpus.Case c, List<String> checks) {
    List<String> expected = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < c.lines().size(); i++) {
      String line = c.lines().get(i);
      Matcher marker = MARKER.matcher(line);
      Matcher continuation = CONTINUATION.matcher(line);
      if (marker.matches()) {
        assertTrue(checks.contains(marker.group(1)), c + ": marker names no check: " + line);
        pending.add(marker.group(1));
      } else if (!pending.isEmpty() && continuation.matches() && checks.contains(continuation.group(1))) {
        pending.add(continuation.group(1));
      } else if (!pending.isEmpty() && !line.trim().startsWith("//")) {
        for (String check : pending) {
          expected.add((i + 1) + " " + check);
        }
        pending.clear();
      }
    }
    return expected.stream().sorted().toList();
  }

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItsMarkers() {
    ScannerSupplier allChecks = ScannerSupplier.fromBugCheckerClasses(worklintChecks());
    return Corpus.cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.toString(),
                    c.file().toUri(),
                    () ->
                        CompilationTestHelper.newInstance(allChecks, getClass())
                            .addSourceLines(c.className() + ".java", c.lines().toArray(String[]::new))
                            .doTest()));
  }

  @Test
  void everyFolderIsNamedAfterARegisteredCheckAndHasCleanAndFlaggedCases() throws Exception {
    List<String> names = worklintChecks().stream().map(Class::getSimpleName).toList();
    try (Stream<java.nio.file.Path> folders = Files.list(Corpus.root())) {
      for (java.nio.file.Path folder : folders.filter(Files::isDirectory).toList()) {
        String check = folder.getFileName().toString();
        assertTrue(names.contains(check), "testdata/" + check + " names no registered check");
      }
    }
    for (String check : names) {
      List<Corpus.Case> cases =
          Corpus.cases().stream().filter(c -> c.check().equals(check)).toList();
      long flagged = cases.stream().filter(Corpus.Case::flagged).count();
      assertTrue(flagged >= 3, check + " has " + flagged + " flagged cases, wants >= 3");
      assertTrue(cases.size() - flagged >= 3,
          check + " has " + (cases.size() - flagged) + " clean cases, wants >= 3");
      assertEquals(
          cases.size(),
          cases.stream().filter(c -> c.flagged() == c.lines().stream()
              .anyMatch(l -> l.contains(Corpus.MARKER + " " + check))
              || !c.flagged()).count(),
          check + ": a flagged case in its folder must be flagged by " + check);
    }
  }
}

package io.github.worklint.checker.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Judge 1: every corpus program compiled with all worklint checks on; its {@code // BUG:} markers
 * must match the diagnostics exactly, no missing and no extra one.
 */
class CheckerJudgeTest {

  static List<Class<? extends BugChecker>> worklintChecks() {
    return Checks.all();
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

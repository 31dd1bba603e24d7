package io.github.worklint.checker.mutation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.WorkQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No edit of a corpus program makes a worklint check throw: thousands of mutants (dropped and
 * added modifiers, swapped type arguments, changed string literals, swapped receivers and
 * arguments, deleted, duplicated and moved statements) compiled under every check in one warm
 * compiler, and no Error Prone crash report names a worklint class. The count is
 * {@code worklint.mutants} (2,000 by default; -Dworklint.mutants=100000 for a long run).
 */
class NeverCrashMutationTest {

  private static final int MUTANTS = Integer.getInteger("worklint.mutants", 2000);
  private static final long SEED = Long.getLong("worklint.mutants.seed", 20261201L);

  @Test
  void noMutantOfTheCorpusCrashesACheck() throws IOException {
    List<Program> corpus = corpus();
    List<String> worklintCrashes = new ArrayList<>();
    List<String> otherCrashes = new ArrayList<>();
    int analysed = 0;
    int withFindings = 0;
    long start = System.nanoTime();
    try (WarmCompiler compiler = new WarmCompiler(runtimeClassPath())) {
      for (int i = 0; i < MUTANTS; i++) {
        Program program = corpus.get(i % corpus.size());
        String mutant = new Mutator(SEED + i).mutate(program.source());
        WarmCompiler.Outcome outcome = compiler.compile(program.fileName(), mutant);
        for (String crash : outcome.crashes()) {
          String report = "mutant " + i + " of " + program.fileName() + ":\n" + crash;
          (crash.contains(WarmCompiler.WORKLINT_PACKAGE) ? worklintCrashes : otherCrashes).add(report);
        }
        if (outcome.analysed()) {
          analysed++;
          if (outcome.findings() > 0) {
            withFindings++;
          }
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "mutation: %d mutants of %d corpus programs in %d ms (%.1f ms each); %d compiled and were"
            + " analysed, %d of them with worklint findings; %d crash reports name worklint, %d do"
            + " not%n",
        MUTANTS, corpus.size(), millis, (double) millis / MUTANTS, analysed, withFindings,
        worklintCrashes.size(), otherCrashes.size());
    otherCrashes.stream().limit(3).forEach(System.out::println);
    assertEquals(List.of(), worklintCrashes.stream().limit(3).toList(),
        worklintCrashes.size() + " mutants crashed a worklint check");
    // The mutants must mostly be Java that the checks look at, or the test proves little.
    assertTrue(analysed >= MUTANTS / 5, "only " + analysed + " of " + MUTANTS + " mutants compiled");
    assertTrue(withFindings > 0, "no analysed mutant had a worklint finding");
  }

  /** The worklint runtime (and its JSpecify annotations), the class path of the corpus. */
  static List<Path> runtimeClassPath() {
    return List.of(
        WarmCompiler.locationOf(WorkQueue.class),
        WarmCompiler.locationOf(org.jspecify.annotations.NullMarked.class));
  }

  record Program(String fileName, String source) {}

  static List<Program> corpus() throws IOException {
    Path root = Path.of(System.getProperty("worklint.testdata", "../testdata"));
    try (Stream<Path> files = Files.walk(root)) {
      List<Program> programs = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        programs.add(new Program(f.getFileName().toString(), Files.readString(f, UTF_8)));
      }
      assertTrue(programs.size() >= 10, "no corpus under " + root.toAbsolutePath());
      return programs;
    }
  }
}

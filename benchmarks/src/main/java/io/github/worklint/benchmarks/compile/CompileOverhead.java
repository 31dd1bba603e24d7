package io.github.worklint.benchmarks.compile;

import io.github.worklint.benchmarks.Stats;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * The compile-time overhead of worklint: the same sources compiled, in this warm JVM, by javac +
 * Error Prone alone (A) and by javac + Error Prone + worklint (B), in interleaved rounds.
 *
 * <p>Each round compiles once with each configuration; the order alternates (A B, B A, A B ...)
 * so that neither always runs second. A full GC precedes every compilation. The first rounds are
 * warm-up: they JIT-compile javac, Error Prone and the checks, and are not counted. The figure is
 * the median of the per-round ratios B/A of the wall time: the two compilations of a round run
 * back to back, so a slowdown of the machine that lasts longer than a round cancels out. The
 * ratio of the medians, of the best runs and of the compiling thread's CPU time, and the share of
 * B's time that Error Prone's own timings attribute to worklint's matchers, are cross-checks.
 */
public final class CompileOverhead {

  private CompileOverhead() {}

  /** The figure of one source set. */
  public record Figure(
      String label, int files, int warmupRounds, List<InProcessJavac.Result> errorProneOnly,
      List<InProcessJavac.Result> withWorklint, List<String> worklintFindings) {

    public double medianWallA() {
      return Stats.median(errorProneOnly.stream().mapToDouble(r -> r.wallNanos() / 1e9).toArray());
    }

    public double medianWallB() {
      return Stats.median(withWorklint.stream().mapToDouble(r -> r.wallNanos() / 1e9).toArray());
    }

    /** median(B) / median(A), wall time. */
    public double ratio() {
      return medianWallB() / medianWallA();
    }

    /** The median of B / A within each round, wall time: the figure. */
    public double pairedRatio() {
      double[] ratios = new double[errorProneOnly.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = (double) withWorklint.get(i).wallNanos() / errorProneOnly.get(i).wallNanos();
      }
      return Stats.median(ratios);
    }

    /**
     * The share of B's wall time that Error Prone's own timings attribute to worklint's matchers
     * (median over rounds); -1 if Error Prone's timings could not be read. Less sensitive to a
     * noisy machine than the ratio of two compilations, since both parts come from one.
     */
    public double worklintShare() {
      double[] shares = withWorklint.stream()
          .filter(r -> r.extraCheckNanos() >= 0)
          .mapToDouble(r -> (double) r.extraCheckNanos() / r.wallNanos())
          .toArray();
      return shares.length == 0 ? -1 : Stats.median(shares);
    }

    /** min(B) / min(A), wall time: interference only ever adds time, so the best runs agree. */
    public double bestRatio() {
      return withWorklint.stream().mapToLong(InProcessJavac.Result::wallNanos).min().orElseThrow()
          / (double) errorProneOnly.stream().mapToLong(InProcessJavac.Result::wallNanos).min()
              .orElseThrow();
    }

    /** median(B) / median(A), CPU time of the compiling thread. */
    public double cpuRatio() {
      return Stats.median(withWorklint.stream().mapToDouble(r -> r.cpuNanos()).toArray())
          / Stats.median(errorProneOnly.stream().mapToDouble(r -> r.cpuNanos()).toArray());
    }
  }

  /**
   * Compiles {@code sources} {@code warmup + rounds} times with each configuration.
   *
   * @param pathA Error Prone alone
   * @param pathB Error Prone and worklint; the same two paths serve every figure of a run, so
   *     that the JIT-compiled code of the checks carries over like that of Error Prone
   * @throws IllegalStateException if a compilation fails
   */
  public static Figure measure(
      String label, List<JavaFileObject> sources, List<File> classpath, ProcessorPath pathA,
      ProcessorPath pathB, int warmup, int rounds, PrintStream log) throws Exception {
    List<InProcessJavac.Result> a = new ArrayList<>();
    List<InProcessJavac.Result> b = new ArrayList<>();
    List<String> findings = new ArrayList<>();
    try (InProcessJavac javacA = new InProcessJavac(pathA, classpath, "", sources);
        InProcessJavac javacB = new InProcessJavac(pathB, classpath, "", sources)) {
      log.printf(Locale.ROOT, "%s: %d files%n", label, sources.size());
      for (int round = 0; round < warmup + rounds; round++) {
        boolean aFirst = round % 2 == 0;
        InProcessJavac.Result first = compile(aFirst ? javacA : javacB);
        InProcessJavac.Result second = compile(aFirst ? javacB : javacA);
        InProcessJavac.Result resultA = aFirst ? first : second;
        InProcessJavac.Result resultB = aFirst ? second : first;
        boolean counted = round >= warmup;
        log.printf(Locale.ROOT,
            "  %s round %d/%d (%s): A %.2f s (cpu %.2f s), B %.2f s (cpu %.2f s), B/A %.3f;"
                + " in checks: A %.2f s, B %.2f s, of which worklint %.3f s;"
                + " gc A %.1f s, B %.1f s;"
                + " heap at start A %d MB, B %d MB; warnings A %d, B %d; worklint findings %d%n",
            counted ? "measured" : "warm-up", counted ? round - warmup + 1 : round + 1,
            counted ? rounds : warmup, aFirst ? "A first" : "B first",
            resultA.wallNanos() / 1e9, resultA.cpuNanos() / 1e9,
            resultB.wallNanos() / 1e9, resultB.cpuNanos() / 1e9,
            (double) resultB.wallNanos() / resultA.wallNanos(),
            resultA.allCheckNanos() / 1e9, resultB.allCheckNanos() / 1e9,
            resultB.extraCheckNanos() / 1e9,
            resultA.gcMillis() / 1e3, resultB.gcMillis() / 1e3,
            resultA.heapBeforeBytes() >> 20, resultB.heapBeforeBytes() >> 20,
            resultA.warnings(), resultB.warnings(), resultB.extraCheckFindings().size());
        if (round == 0) {
          findings.addAll(resultB.extraCheckFindings());
          for (String finding : resultB.extraCheckFindings()) {
            log.println("    worklint: " + finding);
          }
        }
        if (counted) {
          a.add(resultA);
          b.add(resultB);
        }
      }
    }
    return new Figure(label, sources.size(), warmup, a, b, findings);
  }

  private static InProcessJavac.Result compile(InProcessJavac javac) {
    System.gc();
    InProcessJavac.Result result = javac.compile();
    if (!result.success()) {
      throw new IllegalStateException(
          "compilation failed with " + javac.name() + ":\n  "
              + String.join("\n  ", result.firstErrors()));
    }
    return result;
  }
}

package io.github.worklint.benchmarks;

import io.github.worklint.benchmarks.runtime.AllocationBenchmark;
import io.github.worklint.benchmarks.runtime.CoalescingBenchmark;
import io.github.worklint.benchmarks.runtime.DelayedBenchmark;
import io.github.worklint.benchmarks.runtime.DelayedLateness;
import io.github.worklint.benchmarks.runtime.ContendedFlagBenchmark;
import io.github.worklint.benchmarks.runtime.EnqueuePathBenchmark;
import io.github.worklint.benchmarks.runtime.HeldEnqueueBenchmark;
import io.github.worklint.benchmarks.runtime.OneShotBenchmark;
import io.github.worklint.benchmarks.runtime.OneShotFourProducersBenchmark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of the runtime and reduces them to figures. The contenders of a figure
 * run in interleaved rounds, one fork each per round in an order that rotates (worklint,
 * ForkJoinPool, ThreadPoolExecutor; then ForkJoinPool, ThreadPoolExecutor, worklint; ...), each
 * fork a fresh JVM with the same flags, so that a noisy neighbour hurts all alike; a figure is
 * the median of the per-round ratios of time, with their range as its spread.
 */
final class RuntimeFigures {

  /** The benchmark method of worklint's side in every runtime benchmark. */
  static final String WORKLINT = "worklint";

  /**
   * How much to run: forks per contender, and warm-up and measured iterations per fork, for the
   * one-shot figure (batches of ~0.2-1 s) and the coalescing figure (batches of ~30 ms, so more
   * of them); seconds of warm-up and measurement for each allocation benchmark.
   */
  record Plan(int rounds, int oneShotWarmup, int oneShotMeasured, int coalescingWarmup,
      int coalescingMeasured, int allocSeconds) {
    static Plan full() {
      return new Plan(6, 10, 10, 40, 40, 5);
    }

    static Plan quick() {
      return new Plan(1, 4, 4, 15, 15, 2);
    }

    Plan withRounds(int rounds) {
      return new Plan(rounds, oneShotWarmup, oneShotMeasured, coalescingWarmup,
          coalescingMeasured, allocSeconds);
    }
  }

  /**
   * The contenders of one figure: the medians of all measured iterations (time per batch, ms)
   * and, per round (one fork of each contender, back to back, in an order that rotates from round
   * to round), the ratio of worklint's fork median to each other contender's: below 1, worklint
   * took less time.
   */
  record Contest(String name, Map<String, Double> medians, Map<String, List<Double>> roundRatios) {
    /** worklint's time over {@code other}'s: the median of the per-round ratios. */
    double ratio(String other) {
      return median(roundRatios.get(other));
    }

    double lowest(String other) {
      return roundRatios.get(other).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double highest(String other) {
      return roundRatios.get(other).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    int rounds() {
      return roundRatios.values().iterator().next().size();
    }
  }

  /** Bytes allocated per operation, all threads. */
  record Allocation(Map<String, Double> bytesPerOp) {}

  /**
   * Delayed work: per "method/armed" key, bytes allocated and time per operation; lateness with
   * 10^4 and 10^5 timers armed.
   */
  record Delayed(Map<String, Double> bytesPerOp, Map<String, Double> nanosPerOp,
      List<DelayedLateness.Figures> lateness) {}

  private final Plan plan;
  private final Path results;
  private final PrintStream log;
  private final String[] forkJvmArgs;

  /**
   * @param forkJvmArgs the flags of every forked JVM; the benchmarks' own {@code @Fork} flags
   *     (heap size) are appended
   */
  RuntimeFigures(Plan plan, Path results, PrintStream log, String... forkJvmArgs) {
    this.plan = plan;
    this.results = results;
    this.log = log;
    this.forkJvmArgs = forkJvmArgs.length == 0 ? new String[] {"-XX:+UseG1GC"} : forkJvmArgs;
  }

  Contest oneShot() throws RunnerException {
    return contest("one-shot", OneShotBenchmark.class, List.of("forkJoin", "threadPool"),
        plan.oneShotWarmup(), plan.oneShotMeasured());
  }

  Contest oneShotFourProducers() throws RunnerException {
    return contest("one-shot-4", OneShotFourProducersBenchmark.class,
        List.of("forkJoin", "threadPool"), plan.oneShotWarmup(), plan.oneShotMeasured());
  }

  Contest coalescing() throws RunnerException {
    return contest("coalescing", CoalescingBenchmark.class, List.of("idiom"),
        plan.coalescingWarmup(), plan.coalescingMeasured());
  }

  Allocation allocation() throws RunnerException {
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (String method :
        List.of("enqueuePending", "enqueueThenCancel", "cycleWorklint", "cycleThreadPool")) {
      RunResult result = withGc(base(AllocationBenchmark.class, method, "alloc"));
      Result<?> norm = bytesPerOp(result);
      bytes.put(method, norm.getScore());
      log.printf(Locale.ROOT, "  allocation %s: %.3f B/op (%.1f ns/op)%n",
          method, norm.getScore(), result.getPrimaryResult().getScore());
    }
    return new Allocation(bytes);
  }

  Delayed delayed() throws RunnerException, InterruptedException {
    Map<String, Double> bytes = new LinkedHashMap<>();
    Map<String, Double> nanos = new LinkedHashMap<>();
    for (String method : List.of("enqueueDelayedThenCancel", "modDelayed")) {
      for (String armed : List.of("0", "100000")) {
        RunResult result = withGc(
            base(DelayedBenchmark.class, method, "delayed-" + armed).param("armed", armed));
        Result<?> norm = bytesPerOp(result);
        String key = method + "/" + armed;
        bytes.put(key, norm.getScore());
        nanos.put(key, result.getPrimaryResult().getScore());
        log.printf(Locale.ROOT, "  delayed %s, %s armed: %.3f B/op, %.1f ns/op%n",
            method, armed, norm.getScore(), result.getPrimaryResult().getScore());
      }
    }
    List<DelayedLateness.Figures> lateness = new ArrayList<>();
    for (int background : List.of(10_000, 100_000)) {
      DelayedLateness.Figures figures =
          DelayedLateness.measure(background, plan.allocSeconds() * 200, Duration.ofMillis(2));
      lateness.add(figures);
      log.printf(Locale.ROOT,
          "  delayed lateness, %d armed, %d probes of 2 ms: p50 %.0f us, p99 %.0f us, max %.0f us,"
              + " %d early%n", figures.background(), figures.probes(), figures.p50Micros(),
          figures.p99Micros(), figures.maxMicros(), figures.early());
    }
    return new Delayed(bytes, nanos, lateness);
  }

  /** Runs one allocation benchmark: one-second iterations, {@code -prof gc}. */
  private RunResult withGc(ChainedOptionsBuilder options) throws RunnerException {
    return single(new Runner(options
        .warmupIterations(plan.allocSeconds())
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(plan.allocSeconds())
        .measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .build()).run());
  }

  private static Result<?> bytesPerOp(RunResult result) {
    Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
    if (norm == null) {
      throw new IllegalStateException("JMH's gc profiler reported no gc.alloc.rate.norm");
    }
    return norm;
  }

  /**
   * The diagnostics, logged only: where a coalesced request's time goes ({@link
   * EnqueuePathBenchmark}, {@link ContendedFlagBenchmark}), and the producer's side of the
   * one-shot figure under G1 and under ParallelGC ({@link HeldEnqueueBenchmark}).
   */
  void diagnose() throws RunnerException {
    run(new OptionsBuilder()
        .include("^(" + Pattern.quote(EnqueuePathBenchmark.class.getName()) + "|"
            + Pattern.quote(ContendedFlagBenchmark.class.getName()) + ")\\.")
        .jvmArgs(forkJvmArgs), "diagnose-paths", "");
    for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC")) {
      run(new OptionsBuilder()
          .include("^" + Pattern.quote(HeldEnqueueBenchmark.class.getName()) + "\\.")
          .jvmArgs(gc), "diagnose-held" + gc.replace("-XX:+Use", "-"), " (" + gc + ")");
    }
  }

  private void run(ChainedOptionsBuilder options, String logName, String suffix)
      throws RunnerException {
    options.shouldFailOnError(true).output(results.resolve("jmh-" + logName + ".log").toString());
    for (RunResult result : new Runner(options.build()).run()) {
      log.printf(Locale.ROOT, "  %s%s: %.2f ns/op%n",
          result.getParams().getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"), suffix,
          result.getPrimaryResult().getScore());
    }
  }

  private Contest contest(String name, Class<?> benchmark, List<String> others,
      int warmupIterations, int measurementIterations) throws RunnerException {
    List<String> contenders = new ArrayList<>();
    contenders.add(WORKLINT);
    contenders.addAll(others);
    Map<String, List<Double>> scores = new LinkedHashMap<>();
    Map<String, List<Double>> roundRatios = new LinkedHashMap<>();
    for (String other : others) {
      roundRatios.put(other, new ArrayList<>());
    }
    for (int round = 0; round < plan.rounds(); round++) {
      Map<String, Double> roundMedians = new LinkedHashMap<>();
      for (String method : rotation(contenders, round)) {
        ChainedOptionsBuilder options = base(benchmark, method, name + "-r" + (round + 1))
            .warmupIterations(warmupIterations)
            .measurementIterations(measurementIterations);
        List<Double> forkScores = iterationScores(single(new Runner(options.build()).run()));
        scores.computeIfAbsent(method, m -> new ArrayList<>()).addAll(forkScores);
        roundMedians.put(method, median(forkScores));
        log.printf(Locale.ROOT, "  %s round %d/%d, %s: median %.1f ms per batch (%d iterations)%n",
            name, round + 1, plan.rounds(), method, median(forkScores), forkScores.size());
      }
      for (String other : others) {
        roundRatios.get(other).add(roundMedians.get(WORKLINT) / roundMedians.get(other));
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    scores.forEach((method, values) -> medians.put(method, median(values)));
    return new Contest(name, medians, roundRatios);
  }

  /** The order of the forks in round {@code round}: the contenders rotated by the round number. */
  static List<String> rotation(List<String> contenders, int round) {
    List<String> order = new ArrayList<>(contenders);
    java.util.Collections.rotate(order, -(round % contenders.size()));
    return order;
  }

  private ChainedOptionsBuilder base(Class<?> benchmark, String method, String logName) {
    return new OptionsBuilder()
        .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
        .forks(1)
        // Not the host's flags (its large heap and javac exports): only what the benchmark asks.
        .jvmArgs(forkJvmArgs)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        .output(results.resolve("jmh-" + logName + "-" + method + ".log").toString());
  }

  private static RunResult single(Collection<RunResult> results) {
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result, got " + results.size());
    }
    return results.iterator().next();
  }

  private static List<Double> iterationScores(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    return scores;
  }

  private static double median(List<Double> values) {
    return Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}

package io.github.worklint.benchmarks;

import io.github.worklint.benchmarks.compile.BenchmarkPaths;
import io.github.worklint.benchmarks.compile.CompileOverhead;
import io.github.worklint.benchmarks.compile.ProcessorPath;
import io.github.worklint.benchmarks.compile.Sources;
import io.github.worklint.benchmarks.compile.UseHeavyCorpus;
import io.github.worklint.benchmarks.runtime.DelayedLateness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.tools.JavaFileObject;

/**
 * Runs every benchmark in one go and prints one summary line per figure. Started by
 * {@code benchmarks/run.sh}, which builds what it needs first.
 *
 * <p>Arguments:
 *
 * <ul>
 *   <li>{@code --quick}: a short smoke run (fewer rounds and iterations, no diagnostics); its
 *       figures are indicative only.
 *   <li>{@code --only compile|caffeine|corpus|runtime|oneshot|oneshot4|coalescing|allocation|
 *       delayed|diagnose}: one part; {@code diagnose} runs only the diagnostic benchmarks, which
 *       the full run logs after the figures.
 *   <li>{@code --rounds N}: interleaved rounds per runtime figure instead of the plan's.
 *   <li>{@code --results DIR}: where the logs go; default {@code benchmarks/results/<time>}.
 *   <li>{@code --compile-rounds WARMUP,MEASURED} and {@code --fork-jvm-args 'FLAGS'}: for
 *       experiments.
 * </ul>
 */
public final class RunAll {

  private RunAll() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    String only = "all";
    Path results = null;
    int[] compileRounds = null;
    String[] forkJvmArgs = {};
    int runtimeRounds = 0; // 0: the plan's
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--only" -> only = args[++i];
        case "--results" -> results = Path.of(args[++i]);
        case "--rounds" -> runtimeRounds = Integer.parseInt(args[++i]);
        case "--fork-jvm-args" -> forkJvmArgs = args[++i].trim().split("\\s+");
        case "--compile-rounds" -> compileRounds = java.util.Arrays.stream(args[++i].split(","))
            .mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--quick] [--only compile|caffeine|corpus|runtime|oneshot|oneshot4|"
            + "coalescing|allocation|delayed|diagnose] [--rounds N] [--results DIR]"
            + " [--compile-rounds WARMUP,MEASURED] [--fork-jvm-args 'FLAGS']");
      }
    }
    if (results == null) {
      results = Path.of("benchmarks", "results",
          LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
    Files.createDirectories(results);
    long start = System.nanoTime();
    Properties versions = versions();
    List<String> summary = new ArrayList<>();

    try (PrintStream log = tee(results.resolve("run.log"))) {
      log.println("worklint benchmarks" + (quick ? " (--quick: indicative figures only)" : ""));
      log.println("machine: " + machine());
      log.println("logs: " + results.toAbsolutePath());

      if (List.of("all", "compile", "caffeine", "corpus").contains(only)) {
        BenchmarkPaths paths = BenchmarkPaths.fromSystemProperty();
        String caffeine = "Caffeine " + versions.getProperty("caffeine.version");

        log.println("== compile overhead: javac + Error Prone "
            + versions.getProperty("errorprone.version") + " (A) vs + worklint (B)");
        // Full run: 2 warm-up rounds and 8 measured rounds per source set. Quick run: one
        // warm-up round on a small slice of the corpus, then two measured rounds per set (A B,
        // B A, so that neither configuration always pays for the first compilation of a set).
        int warmup = compileRounds != null ? compileRounds[0] : quick ? 0 : 2;
        int measured = compileRounds != null ? compileRounds[1] : quick ? 2 : 8;
        try (ProcessorPath pathA = ProcessorPath.errorProneOnly("errorprone");
            ProcessorPath pathB = ProcessorPath.withPlugin("errorprone+worklint",
                paths.checkerJars())) {
          log.println("worklint checks on B's processor path: " + pathB.extraCheckNames());
          if (quick && compileRounds == null) {
            CompileOverhead.measure("warm-up (corpus slice, not counted)",
                UseHeavyCorpus.generate(UseHeavyCorpus.GROUP * 2), paths.corpusClasspath(),
                pathA, pathB, 1, 0, log);
          }
          if (!only.equals("corpus")) {
            List<JavaFileObject> caffeineSources = Sources.readTree(paths.caffeineSources());
            CompileOverhead.Figure real = CompileOverhead.measure(
                caffeine, caffeineSources, paths.caffeineClasspath(), pathA, pathB,
                warmup, measured, log);
            summary.add(compileLine(
                String.format(Locale.ROOT, "%s (%d files)", caffeine, real.files()), real, 1.03,
                "worklint reported " + real.worklintFindings().size() + " findings"));
          }
          if (!only.equals("caffeine")) {
            int items = UseHeavyCorpus.DEFAULT_ITEMS;
            CompileOverhead.Figure corpus = CompileOverhead.measure(
                "use-heavy corpus", UseHeavyCorpus.generate(items), paths.corpusClasspath(),
                pathA, pathB, warmup, measured, log);
            summary.add(compileLine(
                String.format(Locale.ROOT, "use-heavy corpus (%d items x 3 slots, %d files)",
                    items, corpus.files()), corpus, 1.05,
                "worklint reported " + corpus.worklintFindings().size() + " findings"));
          }
        }
      }

      if (List.of("all", "runtime", "oneshot", "oneshot4", "coalescing", "allocation", "delayed")
          .contains(only)) {
        log.println("== runtime: worklint WorkQueue vs ForkJoinPool and ThreadPoolExecutor,"
            + " 2 workers each (JMH " + versions.getProperty("jmh.version") + ")");
        boolean all = only.equals("all") || only.equals("runtime");
        RuntimeFigures.Plan plan = quick ? RuntimeFigures.Plan.quick() : RuntimeFigures.Plan.full();
        if (runtimeRounds > 0) {
          plan = plan.withRounds(runtimeRounds);
        }
        RuntimeFigures runtime = new RuntimeFigures(plan, results, log, forkJvmArgs);
        if (all || only.equals("oneshot")) {
          summary.add(oneShotLine("1 producer", runtime.oneShot()));
        }
        if (all || only.equals("oneshot4")) {
          summary.add(oneShotLine("4 producers", runtime.oneShotFourProducers()));
        }
        if (all || only.equals("coalescing")) {
          RuntimeFigures.Contest coalescing = runtime.coalescing();
          summary.add(String.format(Locale.ROOT,
              "coalescing, 64 items, 2x10^6 requests from 2 producers: worklint/idiom %s"
                  + " (goal <= 0.67) %s  [the compareAndSet+execute idiom on ThreadPoolExecutor;"
                  + " medians %.1f ms vs %.1f ms per batch]",
              ratio(coalescing, "idiom"), verdict(coalescing.ratio("idiom") <= 0.67),
              coalescing.medians().get("worklint"), coalescing.medians().get("idiom")));
        }
        if (all || only.equals("allocation")) {
          RuntimeFigures.Allocation allocation = runtime.allocation();
          double pending = allocation.bytesPerOp().get("enqueuePending");
          double linked = allocation.bytesPerOp().get("enqueueThenCancel");
          summary.add(String.format(Locale.ROOT,
              "allocation, enqueue of a preallocated pointer: %.3f B/op (goal 0 B/op) %s"
                  + "  [already pending %.3f B/op, enqueue+cancel %.3f B/op; JMH -prof gc]",
              Math.max(pending, linked), verdict(Math.max(pending, linked) < 0.5), pending,
              linked));
          double cycle = allocation.bytesPerOp().get("cycleWorklint");
          summary.add(String.format(Locale.ROOT,
              "allocation, enqueue->run cycle per item: worklint %.2f B/op (goal < 1 B/op) %s"
                  + "  [ThreadPoolExecutor %.2f B/op]",
              cycle, verdict(cycle < 1.0), allocation.bytesPerOp().get("cycleThreadPool")));
        }
        if (all || only.equals("delayed")) {
          RuntimeFigures.Delayed delayed = runtime.delayed();
          double worst = delayed.bytesPerOp().values().stream()
              .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
          summary.add(String.format(Locale.ROOT,
              "allocation, enqueueDelayed+cancel and modDelayed of a preallocated pointer: %.3f"
                  + " B/op (goal 0 B/op) %s  [%s; JMH -prof gc]",
              worst, verdict(worst < 0.5), delayed.bytesPerOp()));
          summary.add(String.format(Locale.ROOT,
              "delayed, ns/op with 0 and 10^5 timers armed (no goal): %s", delayed.nanosPerOp()));
          for (DelayedLateness.Figures late : delayed.lateness()) {
            summary.add(String.format(Locale.ROOT,
                "delayed lateness, %d timers armed, idle: p50 %.0f us, p99 %.0f us (goal: a few"
                    + " ms at the median, never early) %s  [max %.0f us, %d probes, %d early]",
                late.background(), late.p50Micros(), late.p99Micros(),
                verdict(late.p50Micros() < 5_000 && late.early() == 0), late.maxMicros(),
                late.probes(), late.early()));
          }
        }
      }

      if (only.equals("diagnose") || (only.equals("all") && !quick)) {
        log.println("== diagnostics (logged, no goal): a coalesced request taken apart; the"
            + " producer side of one-shot on a held queue under G1 and ParallelGC");
        new RuntimeFigures(RuntimeFigures.Plan.quick(), results, log, forkJvmArgs).diagnose();
      }

      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      log.println();
      log.println("== summary" + (quick ? " (--quick: indicative only)" : "")
          + String.format(Locale.ROOT, ", %d min %02d s", seconds / 60, seconds % 60));
      for (String line : summary) {
        log.println(line);
      }
      Files.write(results.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    }
    // JMH and javac may leave non-daemon threads behind.
    System.exit(0);
  }

  private static String compileLine(String what, CompileOverhead.Figure figure, double goal,
      String findings) {
    return String.format(Locale.ROOT,
        "compile overhead, %s: %.3fx (goal <= %.2f) %s  [median of %d per-round B/A ratios;"
            + " medians %.2f s vs %.2f s (%.3fx), best-of %.3fx, cpu %.3fx; worklint's matchers"
            + " %.2f%% of the compile by Error Prone's timings; %s]",
        what, figure.pairedRatio(), goal, verdict(figure.pairedRatio() <= goal),
        figure.errorProneOnly().size(), figure.medianWallB(), figure.medianWallA(),
        figure.ratio(), figure.bestRatio(), figure.cpuRatio(), 100 * figure.worklintShare(),
        findings);
  }

  private static String oneShotLine(String producers, RuntimeFigures.Contest contest) {
    return String.format(Locale.ROOT,
        "one-shot 10^6 distinct, %s: worklint/ForkJoinPool %s (goal <= 1.0) %s;"
            + " worklint/ThreadPoolExecutor %s (goal <= 0.5) %s  [medians %.0f / %.0f / %.0f ms"
            + " per batch]",
        producers, ratio(contest, "forkJoin"), verdict(contest.ratio("forkJoin") <= 1.0),
        ratio(contest, "threadPool"), verdict(contest.ratio("threadPool") <= 0.5),
        contest.medians().get("worklint"), contest.medians().get("forkJoin"),
        contest.medians().get("threadPool"));
  }

  /** "0.84 (0.71-1.02, 6 rounds)": the median per-round time ratio and its range. */
  static String ratio(RuntimeFigures.Contest contest, String other) {
    return String.format(Locale.ROOT, "%.2f (%.2f-%.2f, %d rounds)", contest.ratio(other),
        contest.lowest(other), contest.highest(other), contest.rounds());
  }

  private static String verdict(boolean met) {
    return met ? "OK" : "MISSED";
  }

  private static String machine() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    String cpu = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("");
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return String.format(Locale.ROOT, "%d processors%s, %s %s, JDK %s (%s), load average %.2f",
        os.getAvailableProcessors(), cpu.isEmpty() ? "" : " (" + cpu + ")", os.getName(),
        os.getVersion(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        os.getSystemLoadAverage());
  }

  private static Properties versions() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = RunAll.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return properties;
  }

  /** Prints to standard output and to {@code file}. */
  private static PrintStream tee(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    PrintStream console = System.out;
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        console.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        console.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
        console.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
        console.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }
}

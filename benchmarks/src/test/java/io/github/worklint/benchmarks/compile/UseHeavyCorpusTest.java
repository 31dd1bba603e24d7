package io.github.worklint.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.WorkQueue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The use-heavy corpus is what the benchmark says it is (at least 600 items x 3 slots, with their
 * pointers, descriptors and calls), it is correct code (worklint reports nothing on it, and the
 * runtime accepts and runs it), and worklint really runs on it (a broken item added to it is
 * flagged).
 */
class UseHeavyCorpusTest {

  /** The slice the tests compile: items 0 to 11 and their driver (a first compile is slow). */
  private static final int SLICE = 12;

  @Test
  void theBenchmarkCorpusHasSixHundredItemsWithThreeSlotsEach() throws IOException {
    List<JavaFileObject> units = UseHeavyCorpus.generate(UseHeavyCorpus.DEFAULT_ITEMS);
    int items = 0;
    int drivers = 0;
    Map<String, Integer> counts = new HashMap<>();
    for (JavaFileObject unit : units) {
      String source = unit.getCharContent(false).toString();
      if (unit.getName().contains("/Item")) {
        items++;
        count(counts, source, "@Slot private final Work<");
        count(counts, source, "implements WorkItemPointer<");
        count(counts, source, "static final HasWork<");
        count(counts, source, "HasWork.of(MethodHandles.lookup()");
      } else {
        drivers++;
      }
      count(counts, source, "enqueue(");
      count(counts, source, "flush(");
      count(counts, source, "cancel(");
      count(counts, source, "cancelSync(");
    }
    assertTrue(UseHeavyCorpus.DEFAULT_ITEMS >= 600);
    assertEquals(UseHeavyCorpus.DEFAULT_ITEMS, items);
    assertEquals(12, drivers);
    int slots = 3 * items;
    assertEquals(slots, counts.get("@Slot private final Work<"));
    assertEquals(slots, counts.get("implements WorkItemPointer<"));
    assertEquals(slots, counts.get("static final HasWork<"));
    assertEquals(slots, counts.get("HasWork.of(MethodHandles.lookup()"));
    assertTrue(counts.get("enqueue(") >= 2 * slots, counts.toString());
    assertTrue(counts.get("flush(") >= items, counts.toString());
    assertTrue(counts.get("cancel(") >= slots, counts.toString());
    assertTrue(counts.get("cancelSync(") >= items, counts.toString());
  }

  /** A slice of the corpus (same generator), plus one broken item as a control, under B. */
  @Test
  void worklintReportsNothingOnTheCorpusAndFlagsTheControl() throws IOException {
    BenchmarkPaths paths = BenchmarkPaths.fromSystemProperty();
    List<JavaFileObject> units = new ArrayList<>(UseHeavyCorpus.generate(SLICE));
    units.add(Sources.inMemory("control/Broken.java", String.join("\n",
        "package control;",
        "import io.github.worklint.workqueue.HasWork;",
        "import io.github.worklint.workqueue.Slot;",
        "import io.github.worklint.workqueue.Work;",
        "import io.github.worklint.workqueue.WorkItemPointer;",
        "import java.lang.invoke.MethodHandles;",
        "public final class Broken {",
        "  @Slot private final Work<Flush> first = new Work<>();",
        "  @Slot private final Work<Flush> second = new Work<>();",
        "  public boolean idle() { return !first.isPending() && !second.isPending(); }",
        "  record Flush(Broken item) implements WorkItemPointer<Broken, Flush> {",
        "    static final HasWork<Broken, Flush> WORK =",
        "        HasWork.of(MethodHandles.lookup(), Broken.class, Flush.class, \"first\");",
        "    @Override public HasWork<Broken, Flush> hasWork() { return WORK; }",
        "    @Override public void run() {}",
        "  }",
        "}")));
    try (ProcessorPath withWorklint = ProcessorPath.withPlugin("B", paths.checkerJars());
        InProcessJavac javac = new InProcessJavac(
            withWorklint, paths.corpusClasspath(), "-XepAllErrorsAsWarnings", units)) {
      InProcessJavac.Result result = javac.compile();
      assertTrue(result.success(), String.join("\n", result.firstErrors()));
      assertTrue(result.extraCheckNanos() > 0, "worklint's checks did not run");
      assertTrue(!result.extraCheckFindings().isEmpty(), "the broken control was not flagged");
      for (String finding : result.extraCheckFindings()) {
        assertTrue(finding.contains("control/Broken.java"),
            "worklint flagged the corpus: " + finding);
      }
      // Nothing else either: Error Prone's own checks are as quiet as worklint's on the corpus.
      assertEquals(result.extraCheckFindings().size(), result.warnings(),
          "warnings other than the control's");
    }
  }

  /** The second judge: plain javac, then the runtime builds every descriptor and runs the work. */
  @Test
  void theRuntimeAcceptsAndRunsTheCorpus() throws Exception {
    BenchmarkPaths paths = BenchmarkPaths.fromSystemProperty();
    Map<String, byte[]> classes =
        compileToMemory(UseHeavyCorpus.generate(SLICE), paths);
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    Class<?> driverClass = loader.loadClass("corpus.g00.Driver");
    try (WorkQueue queue = WorkQueue.builder("corpus").maxActive(2).build()) {
      Object driver = driverClass.getConstructor(WorkQueue.class).newInstance(queue);
      int queued = (int) driverClass.getMethod("pump").invoke(driver);
      assertEquals(3 * SLICE, queued, "every slot of every item was idle");
      driverClass.getMethod("flushAll").invoke(driver);
      queue.flush();
      driverClass.getMethod("stop").invoke(driver);
      long total = (long) driverClass.getMethod("total").invoke(driver);
      long ids = (long) SLICE * (SLICE - 1) / 2;
      assertTrue(total > ids, "no run was counted: " + total);
    }
  }

  private static Map<String, byte[]> compileToMemory(List<JavaFileObject> units,
      BenchmarkPaths paths) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> out = new HashMap<>();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      standard.setLocation(StandardLocation.CLASS_PATH, paths.corpusClasspath());
      var fileManager = new ForwardingJavaFileManager<StandardJavaFileManager>(standard) {
        @Override
        public JavaFileObject getJavaFileForOutput(
            Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
          return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
            @Override
            public OutputStream openOutputStream() {
              return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
            }
          };
        }
      };
      boolean ok = compiler
          .getTask(null, fileManager, diagnostics, List.of("--release", "17"), null, units)
          .call();
      assertTrue(ok, diagnostics.getDiagnostics().toString());
    }
    Map<String, byte[]> classes = new HashMap<>();
    out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
    return classes;
  }

  private static void count(Map<String, Integer> counts, String source, String what) {
    Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(source);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    counts.merge(what, n, Integer::sum);
  }
}

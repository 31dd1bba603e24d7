package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Slot} keeps Error Prone's {@code UnusedVariable} quiet about slots, which are only read
 * reflectively through {@code HasWork}: a correct two-slot program compiled with Error Prone's
 * default checks has no warning with {@code @Slot}, and an [UnusedVariable] warning per slot
 * without it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlotAnnotationTest {

  /** design.md §1's Connection, as a user would write it; SLOT is "@Slot " or "". */
  private static final String PROGRAM = """
      package demo;

      IMPORT_SLOT
      import io.github.worklint.workqueue.HasWork;
      import io.github.worklint.workqueue.Work;
      import io.github.worklint.workqueue.WorkItemPointer;
      import io.github.worklint.workqueue.WorkQueue;
      import java.lang.invoke.MethodHandles;
      import java.util.concurrent.atomic.AtomicInteger;

      public final class Connection {
        SLOTprivate final Work<Flush> flushWork = new Work<>();
        SLOTprivate final Work<Close> closeWork = new Work<>();
        private final AtomicInteger flushes = new AtomicInteger();
        private final AtomicInteger closes = new AtomicInteger();

        void flush() {
          flushes.incrementAndGet();
        }

        void close() {
          closes.incrementAndGet();
        }

        int done() {
          return flushes.get() + closes.get();
        }

        record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
          static final HasWork<Connection, Flush> WORK =
              HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

          @Override
          public HasWork<Connection, Flush> hasWork() {
            return WORK;
          }

          @Override
          public void run() {
            item.flush();
          }
        }

        record Close(Connection item) implements WorkItemPointer<Connection, Close> {
          static final HasWork<Connection, Close> WORK =
              HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

          @Override
          public HasWork<Connection, Close> hasWork() {
            return WORK;
          }

          @Override
          public void run() {
            item.close();
          }
        }

        public static int demo() {
          Connection conn = new Connection();
          try (WorkQueue queue = WorkQueue.builder("demo").maxActive(2).build()) {
            boolean flushQueued = queue.enqueue(new Flush(conn));
            boolean closeQueued = queue.enqueue(new Close(conn));
            if (!flushQueued || !closeQueued) {
              throw new IllegalStateException("a fresh slot was already pending");
            }
          }
          return conn.done();
        }
      }
      """;

  @Test
  void withSlotErrorProneReportsNothing(@TempDir Path dir) throws Exception {
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(dir, true);
    List<String> warnings = messages(diagnostics, Diagnostic.Kind.WARNING,
        Diagnostic.Kind.MANDATORY_WARNING, Diagnostic.Kind.ERROR);
    assertEquals(List.of(), warnings, "a correct program with @Slot must compile cleanly");
    List<String> aboutSlots = messages(diagnostics, Diagnostic.Kind.values()).stream()
        .filter(m -> m.contains("flushWork") || m.contains("closeWork"))
        .toList();
    assertEquals(List.of(), aboutSlots);
    assertEquals(2, runDemo(dir), "the compiled program must run both slots");
  }

  @Test
  void withoutSlotUnusedVariableFlagsEverySlot(@TempDir Path dir) throws Exception {
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(dir, false);
    List<String> unused = messages(diagnostics, Diagnostic.Kind.WARNING).stream()
        .filter(m -> m.contains("[UnusedVariable]"))
        .toList();
    unused.forEach(m -> System.out.println("without @Slot: " + m.lines().findFirst().orElse(m)));
    assertTrue(unused.stream().anyMatch(m -> m.contains("flushWork")), "warnings: " + unused);
    assertTrue(unused.stream().anyMatch(m -> m.contains("closeWork")), "warnings: " + unused);
    assertEquals(2, unused.size(), "one [UnusedVariable] per slot, nothing else: " + unused);
    assertEquals(List.of(), messages(diagnostics, Diagnostic.Kind.ERROR));
  }

  private static List<Diagnostic<? extends JavaFileObject>> compile(Path dir, boolean withSlot)
      throws IOException {
    String source = PROGRAM
        .replace("IMPORT_SLOT", withSlot ? "import io.github.worklint.workqueue.Slot;" : "")
        .replace("SLOT", withSlot ? "@Slot " : "");
    Path src = dir.resolve("src/demo/Connection.java");
    Path out = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(out);
    Files.writeString(src, source, StandardCharsets.UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "tests must run on a JDK");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of(
          "-XDcompilePolicy=simple",
          "--should-stop=ifError=FLOW",
          "-Xplugin:ErrorProne",
          "-classpath", System.getProperty("java.class.path"),
          "-d", out.toString()));
      boolean ok = javac.getTask(output, files, diagnostics, options, null,
          files.getJavaFileObjects(src)).call();
      assertTrue(ok, "compilation failed: " + output + "\n" + diagnostics.getDiagnostics());
    }
    return diagnostics.getDiagnostics();
  }

  private static List<String> messages(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Diagnostic.Kind... kinds) {
    List<Diagnostic.Kind> wanted = List.of(kinds);
    return diagnostics.stream()
        .filter(d -> wanted.contains(d.getKind()))
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** Loads the compiled program and runs Connection.demo(): the slots work, not just compile. */
  private static int runDemo(Path dir) throws Exception {
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
        new java.net.URL[] {dir.resolve("classes").toUri().toURL()},
        SlotAnnotationTest.class.getClassLoader())) {
      return (int) loader.loadClass("demo.Connection").getMethod("demo").invoke(null);
    }
  }
}

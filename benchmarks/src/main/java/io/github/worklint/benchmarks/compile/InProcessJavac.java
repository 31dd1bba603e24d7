package io.github.worklint.benchmarks.compile;

import com.google.errorprone.ErrorProneTimings;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac with Error Prone as a plugin, run in this JVM through {@code javax.tools}, over sources
 * held in memory, with class files discarded. One instance is one configuration; {@link
 * #compile()} runs one full compilation and can be repeated in a warm JVM.
 *
 * <p>The only thing two configurations of a benchmark differ in is {@link ProcessorPath}: the
 * class loader javac and Error Prone use for the processor path, where Error Prone finds its
 * plugins' checks.
 */
public final class InProcessJavac implements AutoCloseable {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final ProcessorPath processorPath;
  private final List<String> options;
  private final List<JavaFileObject> sources;
  private final JavaCompiler compiler;
  private final StandardJavaFileManager standardFileManager;

  /**
   * @param processorPath the processor path of this configuration
   * @param classpath the class path of the code being compiled
   * @param errorProneFlags extra flags for the {@code -Xplugin:ErrorProne} argument, may be empty
   * @param sources the compilation units
   */
  public InProcessJavac(
      ProcessorPath processorPath, List<File> classpath, String errorProneFlags,
      List<JavaFileObject> sources) {
    this.processorPath = processorPath;
    this.sources = List.copyOf(sources);
    this.compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    // Created once and reused by every compilation of this configuration, as NullAway's
    // benchmark does: opening the class path's jars is not what is measured.
    this.standardFileManager =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    try {
      standardFileManager.setLocation(StandardLocation.CLASS_PATH, classpath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.options = List.of(
        "--release", "17",
        "-encoding", "UTF-8",
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        ("-Xplugin:ErrorProne " + errorProneFlags).trim());
  }

  public String name() {
    return processorPath.name();
  }

  public int sourceCount() {
    return sources.size();
  }

  /** Runs one compilation. */
  public Result compile() {
    Diagnostics diagnostics = new Diagnostics(processorPath.extraCheckNames());
    JavaFileManager fileManager = new BenchmarkFileManager(standardFileManager, processorPath);
    JavaCompiler.CompilationTask task =
        compiler.getTask(null, fileManager, diagnostics, options, null, sources);
    Object context = contextOf(task);
    Runtime runtime = Runtime.getRuntime();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long gcBefore = gcMillis();
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    long before = System.nanoTime();
    boolean success = task.call();
    long wall = System.nanoTime() - before;
    long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
    long gc = gcMillis() - gcBefore;
    long extraChecks = -1;
    long allChecks = -1;
    Map<String, Duration> timings = checkTimings(context);
    if (timings != null) {
      extraChecks = 0;
      allChecks = 0;
      for (Map.Entry<String, Duration> timing : timings.entrySet()) {
        allChecks += timing.getValue().toNanos();
        if (processorPath.extraCheckNames().contains(timing.getKey())) {
          extraChecks += timing.getValue().toNanos();
        }
      }
    }
    return new Result(success, wall, cpu, gc, heapBefore, extraChecks, allChecks,
        diagnostics.errors,
        diagnostics.warnings, List.copyOf(diagnostics.extraCheckFindings),
        List.copyOf(diagnostics.firstErrors));
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** javac's Context of the task (BasicJavacTask.getContext()); javac drops it after call(). */
  private static Object contextOf(JavaCompiler.CompilationTask task) {
    try {
      return task.getClass().getMethod("getContext").invoke(task);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The time Error Prone spent in each check's matchers during the compilation, by check name
   * (Error Prone always keeps these: ErrorProneTimings), or null if it cannot be read.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Duration> checkTimings(Object context) {
    if (context == null) {
      return null;
    }
    try {
      Object timings = ErrorProneTimings.class
          .getMethod("instance", context.getClass())
          .invoke(null, context);
      return (Map<String, Duration>) ErrorProneTimings.class.getMethod("timings").invoke(timings);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    standardFileManager.close();
  }

  /**
   * The outcome and cost of one compilation: wall and compiling-thread CPU time, time in garbage
   * collection, heap in use when it started, time in the extra (plugin) checks' matchers and in
   * all checks' matchers by Error Prone's own timings (-1 if unreadable), diagnostics.
   */
  public record Result(
      boolean success, long wallNanos, long cpuNanos, long gcMillis, long heapBeforeBytes,
      long extraCheckNanos, long allCheckNanos, int errors, int warnings,
      List<String> extraCheckFindings, List<String> firstErrors) {}

  /** Counts diagnostics; keeps the text of errors and of the extra checks' findings. */
  private static final class Diagnostics implements DiagnosticListener<JavaFileObject> {
    private final Set<String> extraChecks;
    int errors;
    int warnings;
    final List<String> extraCheckFindings = new ArrayList<>();
    final List<String> firstErrors = new ArrayList<>();

    Diagnostics(Set<String> extraChecks) {
      this.extraChecks = extraChecks;
    }

    @Override
    public void report(Diagnostic<? extends JavaFileObject> diagnostic) {
      boolean error = diagnostic.getKind() == Diagnostic.Kind.ERROR;
      if (error) {
        errors++;
      } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
          || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings++;
      }
      // Error Prone's findings read "[CheckName] message"; only they can come from a plugin.
      String code = diagnostic.getCode();
      boolean fromErrorProne = code != null && code.endsWith(".error.prone");
      if (error || (fromErrorProne && !extraChecks.isEmpty())) {
        String text = describe(diagnostic);
        if (fromErrorProne && extraChecks.contains(checkName(text))) {
          extraCheckFindings.add(text);
        }
        if (error && firstErrors.size() < 20) {
          firstErrors.add(text);
        }
      }
    }

    private static String checkName(String text) {
      int open = text.indexOf('[');
      int close = text.indexOf(']', open + 1);
      return open < 0 || close < 0 ? "" : text.substring(open + 1, close);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
      JavaFileObject source = diagnostic.getSource();
      String where =
          source == null ? "" : source.getName() + ":" + diagnostic.getLineNumber() + ": ";
      return where + diagnostic.getKind().name().toLowerCase(Locale.ROOT) + ": "
          + diagnostic.getMessage(Locale.ROOT);
    }
  }

  /**
   * Serves the processor path from the configuration's long-lived class loader (javac would
   * otherwise create, and close, a fresh one per compilation, so Error Prone and the checks would
   * never be JIT-compiled) and discards class files.
   */
  private static final class BenchmarkFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final ProcessorPath processorPath;

    BenchmarkFileManager(StandardJavaFileManager fileManager, ProcessorPath processorPath) {
      super(fileManager);
      this.processorPath = processorPath;
    }

    @Override
    public boolean hasLocation(Location location) {
      return location == StandardLocation.ANNOTATION_PROCESSOR_PATH || super.hasLocation(location);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
      if (location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
        return processorPath.loader();
      }
      return super.getClassLoader(location);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new Discarded(className, kind);
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      return new Discarded(packageName + "/" + relativeName, JavaFileObject.Kind.OTHER);
    }

    @Override
    public void close() {
      // The standard file manager outlives this compilation; InProcessJavac closes it.
    }
  }

  /** An output file whose bytes go nowhere. */
  private static final class Discarded extends SimpleJavaFileObject {
    Discarded(String name, Kind kind) {
      super(URI.create("discarded:///" + name.replace('.', '/') + kind.extension), kind);
    }

    @Override
    public OutputStream openOutputStream() {
      return OutputStream.nullOutputStream();
    }
  }
}

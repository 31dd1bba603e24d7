package io.github.worklint.checker.mutation;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * One Error Prone compiler with every worklint check and nothing else, reused for many small
 * compilations (one file manager, so the class path is read once): the way a test can afford
 * thousands of compilations.
 */
final class WarmCompiler implements AutoCloseable {

  /** Error Prone's words when a check threw instead of reporting. */
  static final String CRASH = "An unhandled exception was thrown by the Error Prone";

  static final String WORKLINT_PACKAGE = "io.github.worklint.checker";

  /** What one compilation produced. */
  record Outcome(boolean javacErrors, int findings, List<String> crashes) {

    /** Compiled without a javac error, so Error Prone analysed it. */
    boolean analysed() {
      return !javacErrors;
    }
  }

  private final ErrorProneJavaCompiler compiler;
  private final StandardJavaFileManager fileManager;
  private final List<String> options;

  WarmCompiler(List<Path> classPath) {
    compiler = new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(checks()));
    fileManager = compiler.getStandardFileManager(null, Locale.ROOT, null);
    options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            // Error Prone analyses after flow analysis; the class files are of no interest.
            "--should-stop=ifNoError=FLOW",
            "-proc:none",
            "-Xmaxerrs", "1000",
            "-Xmaxwarns", "1000",
            "-classpath",
            String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
  }

  /** The worklint checks, found as Error Prone finds a plugin's: their service registration. */
  static List<Class<? extends BugChecker>> checks() {
    List<Class<? extends BugChecker>> checks =
        ServiceLoader.load(BugChecker.class).stream()
            .map(ServiceLoader.Provider::type)
            .filter(type -> type.getPackageName().equals(WORKLINT_PACKAGE))
            .<Class<? extends BugChecker>>map(type -> type)
            .toList();
    if (checks.isEmpty()) {
      throw new IllegalStateException("no worklint check is registered");
    }
    return checks;
  }

  /** The class path entry (jar or directory) that holds {@code type}. */
  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Outcome compile(String fileName, String source) {
    return compile(List.of(source(fileName, source)), options);
  }

  Outcome compile(List<JavaFileObject> files, List<String> taskOptions) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> crashes = new ArrayList<>();
    boolean javacErrors = false;
    int findings = 0;
    try {
      compiler.getTask(null, fileManager, diagnostics, taskOptions, null, files).call();
    } catch (RuntimeException | Error e) {
      // javac wraps an exception thrown out of a plugin; its trace tells whose it was.
      crashes.add(trace(e));
    }
    // By index: formatting a message can complete a symbol of an incomplete class path, and javac
    // then reports one more diagnostic into the live list (seen on JDK 25).
    List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics();
    for (int i = 0; i < reported.size(); i++) {
      Diagnostic<? extends JavaFileObject> d = reported.get(i);
      String message = d.getMessage(Locale.ROOT);
      String code = d.getCode() == null ? "" : d.getCode();
      if (message.contains(CRASH)) {
        crashes.add(message);
      } else if (code.contains("error.prone")) {
        findings++;
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        javacErrors = true;
      }
    }
    return new Outcome(javacErrors, findings, crashes);
  }

  List<String> options() {
    return options;
  }

  static JavaFileObject source(String fileName, String text) {
    return new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static String trace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  @Override
  public void close() {
    try {
      fileManager.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

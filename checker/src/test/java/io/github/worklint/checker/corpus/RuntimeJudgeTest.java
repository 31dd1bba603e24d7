package io.github.worklint.checker.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.checker.testing.Corpus;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge 2: every corpus program compiled with plain javac and run against the runtime. Its
 * {@code static String verdict()} reports what happened: a clean case must answer {@code "ok: "}
 * with its effect; a flagged case must answer {@code "failure: "} with the failure its check
 * prevents, or {@code "unobservable: "} with the reason no run can show it.
 */
class RuntimeJudgeTest {

  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyCaseRunsAsItsMarkersSay() {
    return Corpus.cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), c.file().toUri(), () -> judge(c)));
  }

  private void judge(Corpus.Case c) throws Exception {
    Path out = Files.createDirectories(classes.resolve(c.check()).resolve(c.className()));
    compile(c, out);
    String verdict =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run(c, out), c + " hung");
    if (c.flagged()) {
      assertTrue(
          verdict.startsWith("failure: ") || verdict.startsWith("unobservable: "),
          c + " is flagged, so its run must show the failure the check prevents; it said: "
              + verdict);
    } else {
      assertTrue(
          verdict.startsWith("ok: "), c + " is clean, so it must run correctly; it said: " + verdict);
    }
  }

  private static void compile(Corpus.Case c, Path out) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaFileObject source =
          new SimpleJavaFileObject(c.file().toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return c.source();
            }
          };
      List<String> options =
          List.of("-nowarn", "-proc:none", "-d", out.toString(),
              "-classpath", System.getProperty("java.class.path"));
      boolean compiled =
          javac.getTask(diagnostics, files, null, options, null, List.of(source)).call();
      assertTrue(compiled, c + " does not compile with plain javac:\n" + diagnostics);
    }
  }

  private static String run(Corpus.Case c, Path out) throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, RuntimeJudgeTest.class.getClassLoader())) {
      Class<?> program = Class.forName(c.className(), true, loader);
      Method verdict = program.getDeclaredMethod("verdict");
      assertEquals(String.class, verdict.getReturnType(), c + ": verdict() must return String");
      verdict.setAccessible(true);
      return (String) verdict.invoke(null);
    }
  }
}

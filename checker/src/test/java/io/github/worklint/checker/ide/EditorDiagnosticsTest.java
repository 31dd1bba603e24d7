package io.github.worklint.checker.ide;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
import io.github.worklint.workqueue.WorkQueue;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path of an IDE that embeds javac: the system compiler through {@code javax.tools}, Error
 * Prone as a plugin, worklint on the processor path and a {@link DiagnosticListener}. Compiles
 * the marked copy of examples/broken-connection (integration-tests/src/it/ci-gate) and checks,
 * for every worklint diagnostic, what an editor shows: its kind, line and column, and the text
 * between its start and end positions, which the editor underlines.
 */
class EditorDiagnosticsTest {

  /**
   * What an editor must show: per diagnostic, its check, kind and the underlined text (the whole
   * text when it fits on one line; a declaration's first line when it spans several). Lines come
   * from the sources' {@code // BUG: <Check>} markers, so a moved mistake needs no edit here; a
   * new mistake needs one row.
   */
  private static final List<Expected> EXPECTED =
      List.of(
          new Expected("DuplicateWorkPointer", Diagnostic.Kind.ERROR,
              "@Slot private final Work<Flush> closeWork = new Work<>();"),
          new Expected("MisdeclaredWorkField", Diagnostic.Kind.ERROR,
              "@Slot private Work<KeepAlive> keepAliveWork = new Work<>();"),
          new Expected("WorkPointerTargetMismatch", Diagnostic.Kind.ERROR,
              "@Slot private final Work<Auditor.Audit> auditWork = new Work<>();"),
          new Expected("EnqueueInConstructor", Diagnostic.Kind.WARNING,
              "QUEUE.enqueue(new KeepAlive(this))"),
          new Expected("HasWorkFieldMismatch", Diagnostic.Kind.ERROR,
              "HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWrok\")"),
          new Expected("HasWorkFieldMismatch", Diagnostic.Kind.ERROR,
              "HasWork.of(MethodHandles.lookup(), Connection.class, KeepAlive.class, \"keepAliveWork\")"),
          new Expected("FlushFromOwnWork", Diagnostic.Kind.ERROR, "QUEUE.flush(this)"),
          new Expected("HasWorkNotConstant", Diagnostic.Kind.WARNING,
              "HasWork.of(MethodHandles.lookup(), Connection.class, KeepAlive.class, \"keepAliveWork\")"),
          new Expected("WorkPointerNotNewtype", Diagnostic.Kind.ERROR,
              "public static class Ping implements WorkItemPointer<Connection, Ping> {"),
          new Expected("FlushWhileHoldingLock", Diagnostic.Kind.ERROR,
              "QUEUE.flush(new Flush(this))"),
          new Expected("EnqueueInConstructor", Diagnostic.Kind.WARNING,
              "QUEUE.enqueueDelayed(new Expire(this), IDLE)"),
          new Expected("HasWorkFieldMismatch", Diagnostic.Kind.ERROR,
              "HasWork.of(MethodHandles.lookup(), IdleTimer.class, Expire.class, \"idleWork\")"));

  record Expected(String check, Diagnostic.Kind kind, String underlined) {
    boolean matches(Shown shown) {
      String text = shown.underlined();
      // A span over several lines is compared by its first, less the marker comment at its end.
      String firstLine = text.lines().findFirst().orElse("").replaceFirst("\\s*// BUG:.*$", "");
      if (text.isEmpty()) {
        // No span: the editor marks the position, which must lie inside the expected text.
        for (int at = shown.source().indexOf(underlined); at >= 0;
            at = shown.source().indexOf(underlined, at + 1)) {
          if (shown.check().equals(check) && at <= shown.position() && shown.position() < at + underlined.length()) {
            return true;
          }
        }
        return false;
      }
      return shown.check().equals(check)
          && (text.equals(underlined) || (text.contains("\n") && firstLine.equals(underlined)));
    }
  }

  /** The worklint checks' names, as their service registration lists them (Error Prone's own are ignored). */
  private static final java.util.Set<String> WORKLINT_CHECKS =
      ServiceLoader.load(BugChecker.class).stream()
          .map(ServiceLoader.Provider::type)
          .filter(type -> type.getPackageName().equals("io.github.worklint.checker"))
          .map(Class::getSimpleName)
          .collect(java.util.stream.Collectors.toSet());

  private static final Pattern MARKER = Pattern.compile("// BUG: ([\\w, ]+)$");
  private static final Pattern CHECK = Pattern.compile("^\\[(\\w+)\\]");

  /** One diagnostic as an editor sees it. */
  record Shown(String file, long line, long column, String check, Diagnostic.Kind kind,
      String underlined, String source, int position) {}

  @TempDir Path classes;

  @Test
  void eachWorklintDiagnosticUnderlinesItsCause() throws IOException {
    Path sources = Path.of(System.getProperty("worklint.ci-gate.sources",
        "../integration-tests/src/it/ci-gate/src/main/java"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    List<Shown> shown = compile(files);
    Map<String, List<String>> wanted = markers(sources, files);

    // Every marker's check at its line, and nothing else (keys: file:line [Check]).
    List<String> got = shown.stream().map(s -> s.file() + ":" + s.line() + " [" + s.check() + "]").sorted().toList();
    List<String> want = wanted.values().stream().flatMap(List::stream).sorted().toList();
    assertEquals(want, got, "the worklint diagnostics against the // BUG: markers");
    List<String> wrong = new ArrayList<>();
    List<Expected> unused = new ArrayList<>(EXPECTED);
    for (Shown s : shown) {
      String where = s.file() + ":" + s.line() + ":" + s.column() + " [" + s.check() + "] " + s.kind();
      String first = s.underlined().lines().findFirst().orElse("");
      System.out.printf(s.underlined().isEmpty() ? "editor: %s has an empty span, at its position%s%n"
          : "editor: %s underlines <%s>%n", where, first);
      // Error Prone 2.42.0 on JDK 17 (the build's) gives every diagnostic its tree's span.
      if (s.underlined().isEmpty() && Runtime.version().feature() < 21) {
        wrong.add(where + ": an empty span on JDK " + Runtime.version().feature());
      }
      Expected row = EXPECTED.stream().filter(e -> e.matches(s)).findFirst().orElse(null);
      if (row == null) {
        wrong.add(where + " underlines <" + first + ">: no such row in EXPECTED");
      } else if (row.kind() != s.kind()) {
        wrong.add(where + ": expected a " + row.kind());
      }
      unused.remove(row);
    }
    assertEquals(List.of(), wrong, "diagnostics unlike the editor's expectations");
    assertEquals(List.of(), unused, "expectations that no diagnostic met");
  }

  private List<Shown> compile(List<Path> files) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Shown> shown = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    DiagnosticListener<JavaFileObject> listener =
        d -> {
          String message = d.getMessage(Locale.ROOT);
          Matcher check = CHECK.matcher(message);
          if (d.getSource() == null || !check.find() || !WORKLINT_CHECKS.contains(check.group(1))) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
              unexpected.add(d.toString());
            }
            return;
          }
          String text;
          try {
            text = d.getSource().getCharContent(true).toString();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          // Checked after the compilation: a listener that throws crashes javac.
          // An empty span (start = end = position: seen under Error Prone 2.52.0 on JDK 25) is
          // checked by its position; see Expected.matches.
          if (!(d.getStartPosition() <= d.getPosition() && d.getPosition() <= d.getEndPosition())) {
            unexpected.add("position " + d.getPosition() + " outside the span " + d.getStartPosition()
                + "-" + d.getEndPosition() + ": " + d);
          }
          // The column is the editor's, counted from the line's start at the diagnostic's position.
          long lineStart = text.lastIndexOf('\n', (int) d.getPosition() - 1) + 1;
          if (d.getPosition() - lineStart + 1 != d.getColumnNumber()) {
            unexpected.add("column " + d.getColumnNumber() + " is not that of position " + d.getPosition() + ": " + d);
          }
          shown.add(new Shown(Path.of(d.getSource().toUri()).getFileName().toString(), d.getLineNumber(),
              d.getColumnNumber(), check.group(1), d.getKind(),
              text.substring((int) d.getStartPosition(), (int) d.getEndPosition()), text,
              (int) d.getPosition()));
        };
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(listener, Locale.ROOT, UTF_8)) {
      String processorPath = System.getProperty("java.class.path");
      List<String> options =
          List.of(
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "-Xplugin:ErrorProne",
              "-processorpath", processorPath,
              "-classpath", location(WorkQueue.class) + File.pathSeparator
                  + location(org.jspecify.annotations.NullMarked.class),
              "-d", classes.toString());
      boolean success =
          javac.getTask(null, fileManager, listener, options, null,
              fileManager.getJavaFileObjectsFromPaths(files)).call();
      assertEquals(false, success, "the broken example must fail to compile");
    }
    assertEquals(List.of(), unexpected, "javac errors that are not worklint's, or positions that are off");
    return shown;
  }

  /** Per file, the "file:line [Check]" of each // BUG: marker. */
  private static Map<String, List<String>> markers(Path root, List<Path> files) throws IOException {
    Map<String, List<String>> wanted = new TreeMap<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, UTF_8);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        if (m.find()) {
          for (String check : m.group(1).split(",")) {
            if (!check.isBlank()) {
              keys.add(f.getFileName() + ":" + (i + 1) + " [" + check.trim() + "]");
            }
          }
        }
      }
      wanted.put(root.relativize(f).toString(), keys);
    }
    return wanted;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

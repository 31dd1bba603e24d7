package io.github.worklint.checker.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * javac with Error Prone as a plugin and only the worklint checks on, all as warnings so that
 * class files are written even for broken code; the way a user's build runs them.
 */
public final class WorklintCompiler {

  private static final Pattern CHECK_NAME = Pattern.compile("^\\[(\\w+)\\]");

  /** One worklint diagnostic. */
  public record Finding(String file, long line, String check, String message) {}

  /** What a compilation produced. */
  public record Result(boolean compiled, List<Finding> findings, String otherDiagnostics) {}

  private WorklintCompiler() {}

  /** Compiles {@code sources} (file name to source text) into {@code classes}. */
  public static Result compile(Map<String, String> sources, Path classes) {
    return compile(sources, classes, System.getProperty("java.class.path"));
  }

  /** Compiles {@code sources} into {@code classes} against {@code classpath}. */
  public static Result compile(Map<String, String> sources, Path classes, String classpath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (name, text) ->
            files.add(
                new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks -XepAllErrorsAsWarnings");
    for (var check : Checks.all()) {
      plugin.append(" -Xep:").append(check.getSimpleName()).append(":WARN");
    }
    String processorPath = System.getProperty("java.class.path");
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            plugin.toString(),
            "-Xmaxwarns", "100000",
            "-Xmaxerrs", "100000",
            "-d", classes.toString(),
            "-classpath", classpath,
            "-processorpath", processorPath);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled = javac.getTask(null, null, diagnostics, options, null, files).call();
    List<Finding> findings = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    // By index: formatting a message can complete a symbol of an incomplete class path, and javac
    // then reports one more diagnostic into the live list.
    List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics();
    for (int i = 0; i < reported.size(); i++) {
      Diagnostic<? extends JavaFileObject> d = reported.get(i);
      String message = d.getMessage(Locale.ROOT);
      Matcher check = CHECK_NAME.matcher(message);
      if (d.getSource() != null && check.find()) {
        String file = Path.of(d.getSource().toUri().getPath()).getFileName().toString();
        findings.add(new Finding(file, d.getLineNumber(), check.group(1), message));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        other.append(d).append('\n');
      }
    }
    return new Result(compiled, findings, other.toString());
  }
}

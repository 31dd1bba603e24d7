// What the verify scripts of the user projects share. A verify script loads it with
//   def W = evaluate(new File(itSources, 'common.groovy'))
// (itSources is a script variable set in integration-tests/pom.xml) and calls W.method(...).

import java.util.regex.Matcher

class Worklint {

  /** The catalogue of docs/design.md §3. */
  static final List<String> CHECKS = [
      'DuplicateWorkPointer', 'HasWorkFieldMismatch', 'WorkPointerNotNewtype',
      'WorkPointerTargetMismatch', 'MisdeclaredWorkField', 'HasWorkNotConstant',
      'EnqueueInConstructor', 'FlushFromOwnWork', 'FlushWhileHoldingLock']

  /** Their default severities, as Maven prints them. */
  static final Map<String, String> DEFAULT_SEVERITY = CHECKS.collectEntries {
    [(it): it in ['HasWorkNotConstant', 'EnqueueInConstructor'] ? 'WARNING' : 'ERROR']
  }

  /**
   * A javac diagnostic as maven-compiler-plugin prints it:
   * {@code [ERROR] /abs/src/main/java/broken/Connection.java:[18,35] [DuplicateWorkPointer] Each ...}
   */
  static final String DIAGNOSTIC = /^\[(ERROR|WARNING)\] (\/\S+\.java):\[(\d+),(\d+)\] \[(\w+)\] ?(.*)$/

  /**
   * The marker a user project's source carries at the end of each line where a worklint check
   * must report: {@code // BUG: DuplicateWorkPointer} (several names separated by commas).
   */
  static final String MARKER = /\/\/ BUG: ([\w, ]+)$/

  /**
   * The worklint diagnostics in {@code text} (a build log or a part of one), each once (Maven
   * prints a compilation error twice: as it happens and in the summary), as maps with
   * severity, file (relative to {@code basedir}), line, column, check and message.
   */
  static List<Map> diagnostics(String text, File basedir) {
    String root = basedir.canonicalPath + '/'
    Set<String> seen = [] as Set
    List<Map> found = []
    text.eachLine { String line ->
      Matcher m = line =~ DIAGNOSTIC
      if (m.find() && m.group(5) in CHECKS) {
        String file = m.group(2).startsWith(root) ? m.group(2).substring(root.length()) : m.group(2)
        Map d = [severity: m.group(1), file: file, line: m.group(3) as int, column: m.group(4) as int,
                 check: m.group(5), message: m.group(6)]
        if (seen.add("${d.severity} ${d.file}:${d.line}:${d.column} ${d.check}".toString())) {
          found << d
        }
      }
    }
    return found
  }

  /**
   * Every (file, line, check) that a {@code // BUG: Name} marker under src/main/java of basedir
   * expects; file relative to basedir.
   */
  static Set<String> expected(File basedir) {
    Set<String> wanted = [] as Set
    File sources = new File(basedir, 'src/main/java')
    sources.eachFileRecurse { File f ->
      if (!f.name.endsWith('.java')) return
      String file = basedir.toPath().relativize(f.toPath()).toString()
      f.readLines().eachWithIndex { String line, int i ->
        Matcher m = line =~ MARKER
        if (m.find()) {
          m.group(1).split(',')*.trim().findAll { it }.each { check ->
            assert check in CHECKS: "unknown check in a marker: ${file}:${i + 1}: ${check}"
            wanted << key(file, i + 1, check)
          }
        }
      }
    }
    return wanted
  }

  static String key(String file, int line, String check) {
    "${file}:${line} [${check}]".toString()
  }

  /**
   * Asserts that the worklint diagnostics are exactly the markers' (each named check with its
   * file and line, nothing else) and that each has the given severity, or its default one. The
   * markers are read from the sources under basedir (the project's, or the original of sources
   * that a build rewrote).
   */
  static void assertExactlyTheMarkers(List<Map> found, File basedir, String severity = null) {
    Set<String> wanted = expected(basedir)
    Set<String> got = found.collect { key(it.file, it.line, it.check) } as Set
    Set<String> missing = wanted - got
    Set<String> unexpected = got - wanted
    assert missing.isEmpty() && unexpected.isEmpty():
        "worklint diagnostics differ from the // BUG: markers.\n" +
        "  missing:    ${missing.sort()}\n  unexpected: ${unexpected.sort()}"
    found.each { d ->
      String want = severity ?: DEFAULT_SEVERITY[d.check]
      assert d.severity == want: "${d.file}:${d.line} [${d.check}] is a ${d.severity}, expected a ${want}"
    }
  }

  /**
   * Like {@link #assertExactlyTheMarkers} but without lines: the same checks, as many times each,
   * in the same files. For the patching run, whose printed lines are not the original ones.
   */
  static void assertTheMarkersChecks(List<Map> found, File basedir, String severity) {
    List<String> wanted = expected(basedir).collect { it.replaceFirst(/:\d+ /, ' ') }.sort()
    List<String> got = found.collect { "${it.file} [${it.check}]".toString() }.sort()
    assert got == wanted: "worklint diagnostics differ from the // BUG: markers.\n" +
        "  markers:  ${wanted}\n  reported: ${got}"
    found.each { d ->
      assert d.severity == severity: "${d.file}:${d.line} [${d.check}] is a ${d.severity}, expected a ${severity}"
    }
  }

  /**
   * The part of a build log written by the n-th Maven invocation of a project (1-based): the
   * invoker appends every invocation of one project to the same build.log.
   */
  static String invocation(String log, int n) {
    // Each invocation starts with the version banner (showVersion), after a colour reset.
    String banner = /(?:\u001B\[[0-9;]*m)*Apache Maven \d/
    List<String> parts = log.split(/(?m)^(?=${banner})/).findAll { it =~ /^${banner}/ }
    assert parts.size() >= n: "build.log has ${parts.size()} Maven invocations, wanted #${n}"
    return parts[n - 1]
  }

  /** Fails on any sign that javac or Error Prone crashed rather than reported. */
  static void assertNoCrash(String log) {
    ['An unhandled exception was thrown by the Error Prone',
     'An exception has occurred in the compiler',
     'java.lang.NoSuchMethodError', 'java.lang.NoClassDefFoundError',
     'java.lang.IncompatibleClassChangeError', 'java.lang.AbstractMethodError'].each { sign ->
      assert !log.contains(sign): "the compiler crashed: '${sign}' in build.log"
    }
  }

  /**
   * The selector of the projects that case 6 runs again on JDK 25 ({@code jdk} is a script
   * variable of each invoker execution): on that execution, they run only where a JDK 25 is.
   */
  static boolean selected(String jdk, String jdk25Home) {
    if (jdk != '25' || new File(jdk25Home, 'bin/javac').canExecute()) {
      return true
    }
    String reason = "[INFO] skipped: no JDK 25 at ${jdk25Home} (set JDK25_HOME to run case 6)"
    println reason // into build.log: the invoker captures the scripts' output
    // and onto the console of the outer build, past that capture
    new PrintStream(new FileOutputStream(FileDescriptor.out), true).println(reason)
    return false
  }

  /**
   * Copies the src/ tree of another user project (under itSources) into basedir: a prebuild step
   * for projects that build the same code with other flags.
   */
  static void copySources(String itSources, String project, File basedir) {
    copyTree(new File(itSources, project + '/src'), new File(basedir, 'src'))
  }

  /** The root of the worklint repository, two levels above itSources (integration-tests/src/it). */
  static File repositoryRoot(String itSources) {
    new File(itSources).canonicalFile.parentFile.parentFile.parentFile
  }

  static void copyTree(File fromDir, File toDir) {
    java.nio.file.Path from = fromDir.toPath()
    java.nio.file.Path to = toDir.toPath()
    java.nio.file.Files.walk(from).withCloseable { paths ->
      paths.each { java.nio.file.Path p ->
        java.nio.file.Path target = to.resolve(from.relativize(p).toString())
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target)
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        }
      }
    }
  }

  /**
   * The modules of ep-matrix/pom.xml's profile {@code profile} (all profiles' when null), in order:
   * each is {@code <project>-<Error Prone release>}. (The invoker's Groovy has no XML module.)
   */
  static List<String> matrixModules(File pom, String profile = null) {
    List<String> modules = []
    (pom.text =~ /(?s)<profile>\s*<id>([\w-]+)<\/id>(.*?)<\/profile>/).each { all, String id, String body ->
      if (profile == null || id == profile) {
        modules.addAll((body =~ /<module>([^<]+)<\/module>/).collect { it[1] })
      }
    }
    return modules
  }

  /**
   * A no-false-alarms project's two runs (1: the library as published; 2: profile in-scope, every
   * file importing the runtime's package): both compiled every unpacked file with no worklint
   * diagnostic and no crash, and run 2 compiled the rewritten files. Prints the file count and
   * each run's time.
   */
  static void assertNoFalseAlarms(String log, File basedir, String library, int minFiles) {
    assertNoCrash(log)
    File sources = new File(basedir, "target/${library}-sources")
    int files = 0
    int mentioning = 0
    sources.eachFileRecurse {
      if (it.name.endsWith('.java')) {
        files++
        if (it.text.contains('import io.github.worklint.workqueue.*;')) mentioning++
      }
    }
    assert files >= minFiles: "only ${files} source files of ${library} were unpacked"
    List<String> times = []
    [1: 'as published', 2: 'in the checks\' scope'].each { n, what ->
      String run = invocation(log, n)
      assert run.contains('BUILD SUCCESS'): "${library} ${what} did not compile"
      def compiling = run =~ /Compiling (\d+) source files/
      assert compiling.find() && (compiling.group(1) as int) == files:
          "${library} ${what}: javac did not compile the ${files} files"
      def found = diagnostics(run, basedir)
      print("${library} ${what}", found)
      assert found.isEmpty(): "false alarms in ${library} ${what}"
      def time = run =~ /Total time:\s+([\d.:]+ \w+)/
      times << "${what} ${time.find() ? time.group(1) : '?'}".toString()
    }
    // The second run compiled the rewritten files: every one mentions the runtime's package.
    assert mentioning == files: "${mentioning} of ${files} files mention io.github.worklint.workqueue"
    println "${library}: ${files} files compiled twice, no worklint diagnostic (${times.join(', ')})"
  }

  /** Prints the worklint diagnostics, so that a run's output shows what was checked. */
  static void print(String title, List<Map> found) {
    println "${title}: ${found.size()} worklint diagnostic(s)"
    found.each { println "  ${it.severity} ${it.file}:${it.line} [${it.check}]" }
  }
}

return Worklint

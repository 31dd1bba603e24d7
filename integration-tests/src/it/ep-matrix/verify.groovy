// Case 7: under each release of this JDK's part of the matrix, clean-build compiled with no
// worklint diagnostic and ci-gate failed with exactly its markers' findings (every check, at its
// file, line and default severity), with that release's error_prone_core resolved, and no crash.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
if (jdk == '25') {
  assert log =~ /(?m)^Java version: 25/: 'the JDK 25 part of the matrix must build on JDK 25'
}
String profile = jdk == '25' ? 'jdk21' : 'jdk17'
List<String> modules = W.matrixModules(new File(basedir, 'pom.xml'), profile)
assert !modules.isEmpty()
File repo = new File(basedir.parentFile.parentFile, 'it-repo')
List<String> rows = []
modules.each { String module ->
  String project = module.replaceFirst(/-\d+\.\d+\.\d+$/, '')
  String release = module.substring(project.length() + 1)
  File dir = new File(basedir, module)
  // The reactor summary: "[INFO] ci-gate-2.43.0 ...... FAILURE [  4.321 s]"
  def summary = log =~ /(?m)^\[INFO\] ${java.util.regex.Pattern.quote(module)} \.+ (SUCCESS|FAILURE) \[\s*([\d.:]+ \w+)\]/
  assert summary.find(): "${module} is not in the reactor summary"
  String result = summary.group(1)
  assert new File(repo, "com/google/errorprone/error_prone_core/${release}/error_prone_core-${release}.jar").isFile():
      "error_prone_core ${release} was not resolved"
  def found = W.diagnostics(log, dir).findAll { !it.file.startsWith('/') }
  if (project == 'clean-build') {
    assert result == 'SUCCESS': "${module} did not compile"
    assert found.isEmpty(): "${module}: a clean project must have no worklint diagnostic: ${found}"
  } else {
    assert result == 'FAILURE': "${module} must fail on worklint's errors"
    W.assertExactlyTheMarkers(found, dir)
    assert (found*.check as Set) == (W.CHECKS as Set): "${module}: every check must fire: ${found*.check as Set}"
  }
  rows << "  ${module}: ${result} in ${summary.group(2)}, ${found.size()} worklint diagnostic(s)"
}
println "ep-matrix (${jdk}): ${modules.size()} modules"
rows.each { println it }
return true

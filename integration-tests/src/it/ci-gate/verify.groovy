// Case 2 (and case 6 on JDK 25): the build failed because of worklint, and its output names
// every check with the file and line of its violation, at the check's default severity.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
if (jdk == '25') {
  assert log =~ /(?m)^Java version: 25/: 'case 6 must build on JDK 25'
}
assert log.contains('COMPILATION ERROR'): 'the build must fail at compilation'
assert log.contains('BUILD FAILURE')

def found = W.diagnostics(log, basedir)
W.print("ci-gate (${jdk})", found)
W.assertExactlyTheMarkers(found, basedir)
assert (found*.check as Set) == (W.CHECKS as Set): "every check must fire: ${found*.check as Set}"
return true

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

// The sources are examples/broken-connection's, with markers (HasWorkFieldMismatch also fires
// on the HasWork.of naming the non-final keepAliveWork): the example shows what is proven here.
File exampleSources = new File(W.repositoryRoot(itSources), 'examples/broken-connection/src/main/java/broken')
assert (new File(basedir, 'src/main/java/broken').list() as Set) == (exampleSources.list() as Set):
    'ci-gate has not the files of examples/broken-connection'
exampleSources.eachFile { File exampleFile ->
String path = 'src/main/java/broken/' + exampleFile.name
String example = exampleFile.text
assert new File(basedir, path).text.replaceAll(/ \/\/ BUG: [\w, ]+(?=\n)/, '') == example:
    "${path} differs from examples/broken-connection's: copy the example again and mark its lines"
}

def found = W.diagnostics(log, basedir)
W.print("ci-gate (${jdk})", found)
W.assertExactlyTheMarkers(found, basedir)
assert (found*.check as Set) == (W.CHECKS as Set): "every check must fire: ${found*.check as Set}"
return true

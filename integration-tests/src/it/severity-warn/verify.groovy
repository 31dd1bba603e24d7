// Case 3: with -Xep:<Name>:WARN for every check the build of case 2's sources succeeds, and
// prints every worklint finding of case 2 as a warning, with its file and line.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
assert log.contains('BUILD SUCCESS')
def found = W.diagnostics(log, basedir)
W.print('severity-warn', found)
W.assertExactlyTheMarkers(found, basedir, 'WARNING')
assert (found*.check as Set) == (W.CHECKS as Set): "every check must warn: ${found*.check as Set}"
return true

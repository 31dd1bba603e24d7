// Case 4: @SuppressWarnings("<Name>") silences exactly that check. Nothing is reported from
// QuietConnection, where each mistake is suppressed under its own check's name; everything is
// still reported from MislabelledConnection, where each is suppressed under another check's name,
// including the non-final spare slot whose DuplicateWorkPointer is (rightly) suppressed.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
assert log.contains('COMPILATION ERROR')
def found = W.diagnostics(log, basedir)
W.print('suppression', found)
assert found.every { !it.file.endsWith('QuietConnection.java') }: 'QuietConnection must be silent'
W.assertExactlyTheMarkers(found, basedir)
assert (found*.check as Set) == (W.CHECKS as Set): "every check must still fire: ${found*.check as Set}"
return true

// No false alarms: Guava's main sources compile with every worklint check as an ERROR (and no
// other Error Prone check), with no worklint diagnostic and no compiler crash, both as they are
// and with every file mentioning the runtime's package, which puts it in the checks' scope.
def W = evaluate(new File(itSources, 'common.groovy'))
W.assertNoFalseAlarms(new File(basedir, 'build.log').text, basedir, 'guava', 600)
return true

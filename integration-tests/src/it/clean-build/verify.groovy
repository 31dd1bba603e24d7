// Case 1 (and case 6 on JDK 25): the clean project built with worklint on, without one worklint
// diagnostic, and its program ran: each slot ran its own work, the ten flushes coalesced, and
// the idle timeout (a DelayedWork re-armed on every write) closed only the connection that went
// idle.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
if (jdk == '25') {
  assert log =~ /(?m)^Java version: 25/: 'case 6 must build on JDK 25'
}
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/clean-build-1.0.jar').isFile()
def found = W.diagnostics(log, basedir)
W.print("clean-build (${jdk})", found)
assert found.isEmpty(): 'a clean project must have no worklint diagnostic'

// The program's output (exec:java): what went over the wire, one line each.
List<String> wire = log.readLines().findAll { it ==~ /(alpha|beta|gamma) .*/ }
assert !wire.isEmpty(): 'the program printed nothing'
String alphaSent = wire.findAll { it.startsWith('alpha flush ') }
    .collect { it.substring('alpha flush '.length()) }.join(',')
assert alphaSent == (1..10).collect { "a${it}" }.join(','): "alpha's writes, in order: ${wire}"
assert wire.count { it.startsWith('alpha flush ') } <= 10
assert 'beta keep-alive' in wire && 'beta flush b1' in wire: wire
assert wire.findAll { it.endsWith(' closed') } == ['alpha closed', 'beta closed']: wire
assert wire.findAll { it.startsWith('gamma flush ') }
    .collect { it.substring('gamma flush '.length()) }.join(',') == 'g1,g2': wire
assert wire.last() == 'gamma idle-closed': 'gamma went idle, its timeout closed it: ' + wire
assert !wire.any { it ==~ /(alpha|beta) idle-closed/ }: 'a closed connection timed out: ' + wire
return true

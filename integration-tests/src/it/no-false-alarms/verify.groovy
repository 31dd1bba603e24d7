// No false alarms: commons-lang3's main sources compile with every worklint check as an ERROR
// (and no other Error Prone check), with no worklint diagnostic and no compiler crash, both as
// they are and with every file mentioning the runtime's package, which puts it in the checks'
// scope.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
File sources = new File(basedir, 'target/commons-lang3-sources')
int files = 0
sources.eachFileRecurse { if (it.name.endsWith('.java')) files++ }
assert files > 100: "only ${files} source files were unpacked"
[1: 'as published', 2: 'in the checks\' scope'].each { n, what ->
  String run = W.invocation(log, n)
  assert run.contains('BUILD SUCCESS'): "commons-lang3 ${what} did not compile"
  assert run =~ /Compiling \d+ source files/
  def found = W.diagnostics(run, basedir)
  W.print("commons-lang3 ${what}", found)
  assert found.isEmpty(): "false alarms in commons-lang3 ${what}"
}
// The second run compiled the rewritten files: every one mentions the runtime's package.
int mentioning = 0
sources.eachFileRecurse { if (it.name.endsWith('.java') && it.text.contains('import io.github.worklint.workqueue.*;')) mentioning++ }
assert mentioning == files: "${mentioning} of ${files} files mention io.github.worklint.workqueue"
println "commons-lang3: ${files} files compiled twice, no worklint diagnostic"
return true

// Case 5: -XepPatchChecks:<all nine> -XepPatchLocation:IN_PLACE rewrote every fixable mistake
// and the patched project then builds clean.
def W = evaluate(new File(itSources, 'common.groovy'))
String log = new File(basedir, 'build.log').text
W.assertNoCrash(log)
String patching = W.invocation(log, 1)
String rebuild = W.invocation(log, 2)

// 1: the patching run reports each mistake (every // BUG: marker of the original sources) as a
// warning, and rewrites the file in place. The lines it prints are not asserted: javac computes
// them from the file on disk when maven-compiler-plugin prints the diagnostics, after the file
// was rewritten, so a diagnostic after a rewritten line can be a line off.
File original = new File(itSources, 'patch')
String path = 'src/main/java/patched/Connection.java'
assert patching.contains('BUILD SUCCESS')
def reported = W.diagnostics(patching, basedir)
W.print('patch, the patching run', reported)
W.assertTheMarkersChecks(reported, original, 'WARNING')
assert patching.contains('Refactoring changes were successfully applied to file://' +
    new File(basedir, path).canonicalPath)

String before = new File(original, path).text
String after = new File(basedir, path).text
assert after != before: 'the patching run changed nothing'
println "${path} after patching:"
println after
// HasWorkFieldMismatch: the right field name.
assert after.contains('Flush.class, "flushWork")') && !after.contains('flushWrok')
// MisdeclaredWorkField: final added, static dropped.
assert after =~ /@Slot private final Work<KeepAlive> keepAliveWork = new Work<>\(\);/
assert after =~ /@Slot private final Work<Close> closeWork = new Work<>\(\);/
assert !(after =~ /static[^\n]*Work<Close> closeWork/)
// HasWorkNotConstant: the call hoisted into a static final constant, which hasWork() returns.
def constant = after =~ /static final HasWork<Connection, KeepAlive> (\w+)\s*=\s*HasWork\.of\(/
assert constant.find(): 'no static final HasWork constant for KeepAlive'
assert after =~ /public HasWork<Connection, KeepAlive> hasWork\(\) \{\s*(\/\/[^\n]*\s*)?return ${constant.group(1)};/
assert after.count('HasWork.of(') == before.count('HasWork.of(')
// WorkPointerNotNewtype: the class made final.
assert after =~ /public (static final|final static) class Ping implements WorkItemPointer<Connection, Ping>/

// 2: a plain build of the patched sources: no worklint diagnostic at all.
assert rebuild.contains('BUILD SUCCESS')
def found = W.diagnostics(rebuild, basedir)
W.print('patch, the build after patching', found)
assert found.isEmpty(): 'the patched project must build without a worklint diagnostic'
return true

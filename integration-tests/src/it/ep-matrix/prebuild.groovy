// Makes the modules of pom.xml (both profiles' lists): <project>-<release> is a copy of the user
// project clean-build or ci-gate, its sources (clean-build's are examples/connection-manager's)
// and its pom, with that release's error_prone_core on the processor path.
def W = evaluate(new File(itSources, 'common.groovy'))
File root = W.repositoryRoot(itSources)
File pom = new File(basedir, 'pom.xml')
String worklintVersion = (pom.text =~ /<worklint.version>([^<]+)</)[0][1]
Map<String, File> sources = [
    'clean-build': new File(root, 'examples/connection-manager/src/main'),
    'ci-gate'    : new File(itSources, 'ci-gate/src/main')]
W.matrixModules(pom).each { String module ->
  def m = module =~ /^(clean-build|ci-gate)-(\d+\.\d+\.\d+)$/
  assert m.matches(): "a module of ep-matrix is <project>-<release>: ${module}"
  String project = m.group(1)
  String release = m.group(2)
  File dir = new File(basedir, module)
  W.copyTree(sources[project], new File(dir, 'src/main'))
  // The release is written into the processor path: the JDK 25 execution sets errorprone.version
  // on the command line, which would override a property.
  String text = new File(itSources, "${project}/pom.xml").text
      .replace("<artifactId>${project}</artifactId>", "<artifactId>${module}</artifactId>")
      .replace('@project.version@', worklintVersion)
      .replace('<version>${errorprone.version}</version>', "<version>${release}</version>")
  assert text.contains("<version>${release}</version>"): "no error_prone_core path in ${project}/pom.xml"
  new File(dir, 'pom.xml').text = text
}
return true

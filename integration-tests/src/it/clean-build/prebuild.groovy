// The sources are examples/connection-manager's main sources, so the example is what is proven.
def W = evaluate(new File(itSources, 'common.groovy'))
W.copyTree(new File(W.repositoryRoot(itSources), 'examples/connection-manager/src/main'),
    new File(basedir, 'src/main'))
return true

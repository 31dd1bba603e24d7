// The same sources as case 2.
evaluate(new File(itSources, 'common.groovy')).copySources(itSources, 'ci-gate', basedir)
return true

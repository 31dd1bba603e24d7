// Case 6 runs this project again on JDK 25, where there is one.
return evaluate(new File(itSources, 'common.groovy')).selected(jdk, jdk25Home)

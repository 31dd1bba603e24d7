// Runs in both executions (its profiles pick the releases of the JDK); on the JDK 25 one only
// where a JDK 25 is.
return evaluate(new File(itSources, 'common.groovy')).selected(jdk, jdk25Home)

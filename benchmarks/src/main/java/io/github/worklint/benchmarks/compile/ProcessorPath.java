package io.github.worklint.benchmarks.compile;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A processor path for {@link InProcessJavac}: Error Prone (from this JVM's class path, loaded
 * once and shared by every configuration, so both are equally warm) plus, optionally, plugin jars
 * in a class loader of their own that lives as long as the benchmark.
 *
 * <p>The loader handed to javac is a plain delegating {@link ClassLoader}, not a {@code
 * Closeable}: javac closes a closeable processor class loader at the end of every compilation.
 */
public final class ProcessorPath implements AutoCloseable {

  private final String name;
  private final ClassLoader loader;
  private final URLClassLoader pluginLoader; // null without plugins
  private final Set<String> extraCheckNames;

  private ProcessorPath(
      String name, ClassLoader loader, URLClassLoader pluginLoader, Set<String> extraCheckNames) {
    this.name = name;
    this.loader = loader;
    this.pluginLoader = pluginLoader;
    this.extraCheckNames = extraCheckNames;
  }

  /** Error Prone alone: the checks built into error_prone_core. */
  public static ProcessorPath errorProneOnly(String name) {
    ClassLoader app = ProcessorPath.class.getClassLoader();
    Set<String> strays = pluginChecks(app);
    if (!strays.isEmpty()) {
      throw new IllegalStateException(
          "plugin checks " + strays + " are on this JVM's class path, so the Error Prone-only"
              + " configuration would run them too; keep plugin jars off the class path");
    }
    return new ProcessorPath(name, new Delegating(name, app), null, Set.of());
  }

  /** Error Prone plus every check registered (as a {@code BugChecker} service) in {@code jars}. */
  public static ProcessorPath withPlugin(String name, List<Path> jars) {
    URL[] urls = jars.stream().map(ProcessorPath::url).toArray(URL[]::new);
    URLClassLoader plugin =
        new URLClassLoader(name + "-plugin", urls, ProcessorPath.class.getClassLoader());
    Set<String> checks = pluginChecks(plugin);
    if (checks.isEmpty()) {
      throw new IllegalStateException("no BugChecker service is registered in " + jars);
    }
    return new ProcessorPath(name, new Delegating(name, plugin), plugin, checks);
  }

  /** The checks registered as services and defined by {@code loader} itself, by canonical name. */
  private static Set<String> pluginChecks(ClassLoader loader) {
    return ServiceLoader.load(BugChecker.class, loader).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> loader instanceof URLClassLoader ? type.getClassLoader() == loader : true)
        .map(type -> BugCheckerInfo.create(type).canonicalName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  public String name() {
    return name;
  }

  ClassLoader loader() {
    return loader;
  }

  /** The names of the checks the plugin jars add (empty for Error Prone alone). */
  public Set<String> extraCheckNames() {
    return extraCheckNames;
  }

  @Override
  public void close() {
    if (pluginLoader != null) {
      try {
        pluginLoader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Delegates everything to its parent; exists so that javac has nothing to close. */
  private static final class Delegating extends ClassLoader {
    Delegating(String name, ClassLoader parent) {
      super(name, parent);
    }
  }
}

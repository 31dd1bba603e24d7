package io.github.worklint.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the Maven build of this module prepared under {@code benchmarks/target/}: the Caffeine
 * sources and class path, the checker jar and the corpus class path. The directory comes from the
 * system property {@code worklint.benchmarks.target} (set by run.sh and by the tests).
 */
public final class BenchmarkPaths {

  private final Path target;

  private BenchmarkPaths(Path target) {
    this.target = target;
  }

  public static BenchmarkPaths fromSystemProperty() {
    String target = System.getProperty("worklint.benchmarks.target", "benchmarks/target");
    Path path = Path.of(target).toAbsolutePath().normalize();
    if (!Files.isDirectory(path.resolve("benchmark-paths"))) {
      throw new IllegalStateException(
          path + "/benchmark-paths is missing: build the module first (benchmarks/run.sh does)");
    }
    return new BenchmarkPaths(path);
  }

  /** The worklint-checker jar (or classes directory), to go on one processor path only. */
  public List<Path> checkerJars() {
    return readPathList("checker.path");
  }

  /** What the generated corpus compiles against: worklint-runtime and its dependencies. */
  public List<File> corpusClasspath() {
    return readPathList("corpus.classpath").stream().map(Path::toFile).toList();
  }

  /** The unpacked Caffeine sources. */
  public Path caffeineSources() {
    return target.resolve("caffeine/src");
  }

  /** Caffeine's compile dependencies (jspecify, error_prone_annotations). */
  public List<File> caffeineClasspath() {
    try (Stream<Path> jars = Files.list(target.resolve("caffeine/lib"))) {
      return jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Path> readPathList(String file) {
    try {
      String content = Files.readString(target.resolve("benchmark-paths").resolve(file)).trim();
      if (content.isEmpty()) {
        throw new IllegalStateException("benchmark-paths/" + file + " is empty");
      }
      return Arrays.stream(content.split(File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

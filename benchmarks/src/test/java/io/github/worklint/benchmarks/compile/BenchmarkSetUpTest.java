package io.github.worklint.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
import io.github.worklint.benchmarks.Stats;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the compile benchmark relies on: the Caffeine sources, the two processor paths. */
class BenchmarkSetUpTest {

  private final BenchmarkPaths paths = BenchmarkPaths.fromSystemProperty();

  @Test
  void theCaffeineSourcesAreUnpackedWithoutModuleInfo() throws Exception {
    Path root = paths.caffeineSources();
    try (Stream<Path> files = Files.walk(root)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("module-info.java")));
    }
    List<JavaFileObject> sources = Sources.readTree(root);
    assertEquals(577, sources.size(), "Caffeine 3.2.x has 577 source files besides module-info");
    assertTrue(sources.stream().anyMatch(s -> s.getName().endsWith(
        "com/github/benmanes/caffeine/cache/BoundedLocalCache.java")));
  }

  @Test
  void caffeineCompilesAgainstItsOwnDependencies() {
    List<String> jars = paths.caffeineClasspath().stream().map(File::getName).toList();
    assertEquals(2, jars.size(), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("jspecify-")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("error_prone_annotations-")),
        jars.toString());
  }

  @Test
  void theCheckerIsOnlyOnTheSecondProcessorPath() {
    // Not on this JVM's class path, so configuration A cannot see it.
    assertFalse(ServiceLoader.load(BugChecker.class).stream()
        .anyMatch(p -> p.type().getName().startsWith("io.github.worklint.")));
    try (ProcessorPath a = ProcessorPath.errorProneOnly("A");
        ProcessorPath b = ProcessorPath.withPlugin("B", paths.checkerJars())) {
      assertTrue(a.extraCheckNames().isEmpty());
      assertFalse(b.extraCheckNames().isEmpty());
    }
  }

  @Test
  void median() {
    assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
  }
}

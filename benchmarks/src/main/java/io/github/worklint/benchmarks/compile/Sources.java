package io.github.worklint.benchmarks.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** Compilation units held in memory, so that no compilation reads the disk. */
public final class Sources {

  private Sources() {}

  /** Every {@code .java} file under {@code root} except {@code module-info.java}, sorted. */
  public static List<JavaFileObject> readTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java"))
          .sorted()
          .map(p -> inMemory(root.relativize(p).toString().replace('\\', '/'), read(p)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compilation unit named by its path relative to the source root, e.g. {@code a/B.java}. */
  public static JavaFileObject inMemory(String relativePath, String content) {
    return new InMemory(relativePath, content);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class InMemory extends SimpleJavaFileObject {
    private final String content;

    InMemory(String relativePath, String content) {
      super(URI.create("mem:///" + relativePath), Kind.SOURCE);
      this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content;
    }
  }
}

package io.github.worklint.checker.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The case corpus in {@code testdata/}: one self-contained program per file, in a folder named
 * after the check it exercises. See {@code testdata/README.md} for the format.
 */
public final class Corpus {

  public static final String MARKER = "// BUG: Diagnostic contains:";

  private Corpus() {}

  public static Path root() {
    String configured = System.getProperty("worklint.testdata");
    Path root = configured != null ? Paths.get(configured) : Paths.get("..", "testdata");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("no corpus at " + root.toAbsolutePath());
    }
    return root;
  }

  public static List<Case> cases() {
    try (Stream<Path> files = Files.walk(root())) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .map(Case::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One program of the corpus. */
  public record Case(Path file, String check, String className, List<String> lines) {

    static Case read(Path file) {
      try {
        String name = file.getFileName().toString();
        return new Case(
            file,
            file.getParent().getFileName().toString(),
            name.substring(0, name.length() - ".java".length()),
            Files.readAllLines(file, UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether a check must fire somewhere in this program. */
    public boolean flagged() {
      return lines.stream().anyMatch(l -> l.contains(MARKER));
    }

    public String source() {
      return String.join("\n", lines) + "\n";
    }

    @Override
    public String toString() {
      return check + "/" + className;
    }
  }
}

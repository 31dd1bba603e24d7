package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The size limits of the project's standards: no check over 300 lines, no source over 400. */
class SourceSizeTest {

  @Test
  void checksAndSourcesStayWithinTheirLimits() throws IOException {
    Path main = Path.of("src/main/java/io/github/worklint/checker");
    assertTrue(Files.isDirectory(main), "run from the checker module: " + main.toAbsolutePath());
    List<String> over = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        long lines = text.lines().count();
        boolean check = text.contains(" extends BugChecker");
        if (lines > (check ? 300 : 400)) {
          over.add(file.getFileName() + ": " + lines + (check ? " lines (a check)" : " lines"));
        }
      }
    }
    assertEquals(List.of(), over);
  }
}

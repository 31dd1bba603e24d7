package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.checker.testing.WorklintCompiler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one policy for a class that cannot be completed: a superclass missing from the class path
 * makes every check say nothing about that class, and none throws.
 */
class IncompleteHierarchyTest {

  @TempDir Path sources;
  @TempDir Path library;
  @TempDir Path classes;

  @Test
  void aMissingSuperclassMeansNothingIsReported() throws Exception {
    Path source = sources.resolve("lib");
    Files.createDirectories(source);
    Files.writeString(source.resolve("Base.java"), "package lib; public class Base { final int x = 0; }");
    Files.writeString(source.resolve("Sub.java"), "package lib; public final class Sub extends Base {}");
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", library.toString(),
                source.resolve("Base.java").toString(), source.resolve("Sub.java").toString());
    assertEquals(0, status);
    Files.delete(library.resolve("lib/Base.class"));

    WorklintCompiler.Result result =
        WorklintCompiler.compile(
            Map.of(
                "User.java",
                """
                import io.github.worklint.workqueue.*;
                import java.lang.invoke.MethodHandles;
                final class User {
                  record P(lib.Sub item) implements WorkItemPointer<lib.Sub, P> {
                    static final HasWork<lib.Sub, P> WORK =
                        HasWork.of(MethodHandles.lookup(), lib.Sub.class, P.class, "work");
                    @Override public HasWork<lib.Sub, P> hasWork() { return WORK; }
                    @Override public void run() {}
                  }
                }
                """),
            classes,
            System.getProperty("java.class.path") + File.pathSeparator + library);
    assertTrue(result.compiled(), result.otherDiagnostics());
    assertEquals(List.of(), result.findings());
  }
}

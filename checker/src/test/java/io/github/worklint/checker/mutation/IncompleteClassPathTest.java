package io.github.worklint.checker.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.WorkQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users compile against what their build gives them: a dependency compiled against classes that
 * are not on their class path, or an older runtime than the checker knows. The checks must then
 * stay quiet or report, never throw.
 */
class IncompleteClassPathTest {

  /** A library compiled against the runtime; its supertype and a field's type go missing. */
  private static final String[][] LIBRARY = {
    {"lib/Base.java", "package lib; public class Base { public int baseField; }"},
    {"lib/Gone.java", "package lib; public class Gone {}"},
    {"lib/GoneInterface.java", "package lib; public interface GoneInterface {}"},
    {
      "lib/Holder.java",
      """
      package lib;
      import io.github.worklint.workqueue.Slot;
      import io.github.worklint.workqueue.Work;
      public class Holder extends Base implements GoneInterface {
        public Gone gone;
        @Slot public final Work<HolderPointer> work = new Work<>();
        @Slot public final Work<HolderPointer> again = new Work<>();
      }
      """
    },
    {
      "lib/HolderPointer.java",
      """
      package lib;
      import io.github.worklint.workqueue.HasWork;
      import io.github.worklint.workqueue.WorkItemPointer;
      import java.lang.invoke.MethodHandles;
      public record HolderPointer(Holder item) implements WorkItemPointer<Holder, HolderPointer> {
        static final HasWork<Holder, HolderPointer> WORK =
            HasWork.of(MethodHandles.lookup(), Holder.class, HolderPointer.class, "work");
        @Override public HasWork<Holder, HolderPointer> hasWork() { return WORK; }
        @Override public void run() {}
      }
      """
    },
  };

  /** Extends the library's class: its own slots beside the inherited ones, HasWork, queues. */
  private static final String SUBCLASS =
      """
      import io.github.worklint.workqueue.HasWork;
      import io.github.worklint.workqueue.Slot;
      import io.github.worklint.workqueue.Work;
      import io.github.worklint.workqueue.WorkItemPointer;
      import io.github.worklint.workqueue.WorkQueue;
      import java.lang.invoke.MethodHandles;
      public class User extends lib.Holder {
        @Slot final Work<Mine> mine = new Work<>();
        @Slot final Work<lib.HolderPointer> theirs = new Work<>();
        User(WorkQueue queue) {
          queue.enqueue(new Mine(this));
        }
        record Mine(User item) implements WorkItemPointer<User, Mine> {
          static final HasWork<User, Mine> WORK =
              HasWork.of(MethodHandles.lookup(), User.class, Mine.class, "mine");
          @Override public HasWork<User, Mine> hasWork() { return WORK; }
          @Override public void run() { WorkQueue.system().flush(this); }
        }
      }
      """;

  /** Uses the library's class without extending it: its fields, its pointer, HasWork on it. */
  private static final String CLIENT =
      """
      import io.github.worklint.workqueue.HasWork;
      import io.github.worklint.workqueue.WorkItemPointer;
      import io.github.worklint.workqueue.WorkQueue;
      import java.lang.invoke.MethodHandles;
      public class User {
        final lib.Holder holder = new lib.Holder();
        User(WorkQueue queue) {
          queue.enqueue(new lib.HolderPointer(holder));
          queue.enqueue(new Other(holder));
          Object slot = holder.work;
        }
        record Other(lib.Holder item) implements WorkItemPointer<lib.Holder, Other> {
          @Override public HasWork<lib.Holder, Other> hasWork() {
            return HasWork.of(MethodHandles.lookup(), lib.Holder.class, Other.class, "again");
          }
          @Override public void run() { WorkQueue.system().flush(this); }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void aDependencyWhoseFieldTypeIsMissing() throws IOException {
    WarmCompiler.Outcome client = compileAgainstLibraryWithout("client", CLIENT, "Gone");
    WarmCompiler.Outcome subclass = compileAgainstLibraryWithout("subclass", SUBCLASS, "Gone");
    assertEquals(List.of(), client.crashes());
    assertEquals(List.of(), subclass.crashes());
    // javac needs no field's type to compile these, so the checks did look at them.
    assertTrue(client.analysed() && subclass.analysed(), "javac rejected a program");
    assertTrue(client.findings() > 0 && subclass.findings() > 0, "the checks found nothing");
  }

  @Test
  void aDependencyWhoseSupertypeIsMissing() throws IOException {
    for (String[] user : new String[][] {{"client", CLIENT}, {"subclass", SUBCLASS}}) {
      WarmCompiler.Outcome outcome =
          compileAgainstLibraryWithout(user[0], user[1], "Base", "GoneInterface");
      assertEquals(List.of(), outcome.crashes());
    }
  }

  /** Compiles {@code user} against the runtime and the library less the classes {@code missing}. */
  private WarmCompiler.Outcome compileAgainstLibraryWithout(String name, String user, String... missing)
      throws IOException {
    Path classes = dir.resolve(name + "-lib-" + String.join("-", missing));
    compileLibrary(classes);
    for (String type : missing) {
      Files.delete(classes.resolve("lib/" + type + ".class"));
    }
    List<Path> classPath = new ArrayList<>(NeverCrashMutationTest.runtimeClassPath());
    classPath.add(classes);
    try (WarmCompiler compiler = new WarmCompiler(classPath)) {
      WarmCompiler.Outcome outcome = compiler.compile("User.java", user);
      System.out.printf("incomplete class path: a %s of a library without %s: %s%n", name,
          String.join(", ", missing), outcome.analysed()
              ? "compiled and analysed, " + outcome.findings() + " worklint finding(s)"
              : "rejected by javac");
      return outcome;
    }
  }

  /**
   * Corpus programs against a copy of the runtime without one of its classes (an older or
   * a trimmed runtime): javac may reject the program, the checks must not throw.
   */
  @Test
  void everyCorpusProgramAgainstARuntimeWithoutOneOfItsClasses() throws IOException {
    // The runtime's classes: a directory in a module build, its jar in a reactor's verify.
    Path location = WarmCompiler.locationOf(WorkQueue.class);
    try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
      compileAgainstTrimmedRuntimes(jar == null ? location : jar.getPath("/"));
    }
  }

  private void compileAgainstTrimmedRuntimes(Path runtime) throws IOException {
    // Every fourth program (a few of each check's): each omission costs a fresh compiler.
    List<NeverCrashMutationTest.Program> all = NeverCrashMutationTest.corpus();
    List<NeverCrashMutationTest.Program> corpus = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 4) {
      corpus.add(all.get(i));
    }
    List<String> crashes = new ArrayList<>();
    int compilations = 0;
    int analysed = 0;
    List<String> classes = topLevelClasses(runtime);
    for (String omitted : classes) {
      Path stripped = dir.resolve("runtime-without-" + omitted);
      copyWithout(runtime, stripped, omitted);
      List<Path> classPath = List.of(stripped,
          WarmCompiler.locationOf(org.jspecify.annotations.NullMarked.class));
      try (WarmCompiler compiler = new WarmCompiler(classPath)) {
        for (NeverCrashMutationTest.Program program : corpus) {
          WarmCompiler.Outcome outcome = compiler.compile(program.fileName(), program.source());
          compilations++;
          if (outcome.analysed()) {
            analysed++;
          }
          outcome.crashes().forEach(c -> crashes.add("without " + omitted + ": " + program.fileName() + "\n" + c));
        }
      }
    }
    System.out.printf("incomplete class path: %d corpus compilations against the runtime less one of"
        + " its %d classes, %d compiled and were analysed, %d crashed%n",
        compilations, classes.size(), analysed, crashes.size());
    assertEquals(List.of(), crashes.stream().limit(3).toList(), crashes.size() + " crashes");
    assertTrue(classes.contains("HasWork") && classes.contains("WorkItemPointer"), classes.toString());
    assertTrue(analysed > 0, "no program compiled against a trimmed runtime");
  }

  private void compileLibrary(Path classes) throws IOException {
    Path sources = dir.resolve(classes.getFileName() + "-src");
    List<String> files = new ArrayList<>();
    for (String[] file : LIBRARY) {
      Path path = sources.resolve(file[0]);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file[1]);
      files.add(path.toString());
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        WarmCompiler.locationOf(WorkQueue.class).toString()));
    args.addAll(files);
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the library compiles");
  }

  /** The runtime's top-level class names (each with its nested classes is one omission). */
  private static List<String> topLevelClasses(Path runtime) throws IOException {
    try (Stream<Path> files = Files.list(runtime.resolve("io/github/worklint/workqueue"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .sorted()
          .toList();
    }
  }

  private static void copyWithout(Path from, Path to, String omitted) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(p -> {
        // A jar's root has no file name.
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.equals(omitted + ".class") || name.startsWith(omitted + "$")) {
          return;
        }
        try {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

package io.github.worklint.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.checker.testing.WorklintCompiler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated item and pointer declarations, some broken on purpose, compiled once with Error Prone
 * and every worklint check, then loaded: a generated item must be flagged by some check exactly
 * when {@code HasWork.of} rejects one of its pointers at run time.
 *
 * <p>A seeded generator keeps every run reproducible; a failure names the seed and the item.
 * Raise the count with {@code -Dworklint.generated.items=N}, change the seed with
 * {@code -Dworklint.generated.seed=S}.
 */
class GeneratedDeclarationsTest {

  /** What can be broken in one slot, each a reason for HasWork.of to reject it. */
  enum Defect {
    DUPLICATE_POINTER, // a second field with the same pointer type
    MISSPELLED_NAME, // HasWork.of names a field that does not exist
    OTHER_POINTER_TYPE, // HasWork.of names a field of another slot
    NOT_FINAL,
    STATIC,
    RAW,
    WILDCARD
  }

  @TempDir Path classes;

  @Test
  void checksFlagExactlyTheItemsThatHasWorkOfRejects() throws Exception {
    long seed = Long.getLong("worklint.generated.seed", 20261127L);
    int count = Integer.getInteger("worklint.generated.items", 240);
    Random random = new Random(seed);
    Map<String, GeneratedItem> items = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      GeneratedItem item = GeneratedItem.random("Item" + i, random);
      items.put(item.name(), item);
    }

    Map<String, Set<String>> findings = compileWithChecks(items.values());
    List<String> disagreements = new ArrayList<>();
    int rejected = 0;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (GeneratedItem item : items.values()) {
        String rejection = firstRejection(item, loader);
        Set<String> flaggedBy = findings.getOrDefault(item.name(), Set.of());
        if (rejection != null) {
          rejected++;
        }
        if ((rejection != null) != !flaggedBy.isEmpty()) {
          disagreements.add(
              item.name() + " " + item.defects() + ": runtime "
                  + (rejection == null ? "accepts it" : "rejects it (" + rejection + ")")
                  + ", checks " + (flaggedBy.isEmpty() ? "say nothing" : "flag it " + flaggedBy)
                  + "\n" + item.source());
        }
      }
    }
    assertTrue(disagreements.isEmpty(),
        "seed " + seed + ": " + disagreements.size() + " disagreements\n"
            + String.join("\n", disagreements));
    // The generator must exercise both verdicts, or the agreement proves nothing.
    assertTrue(rejected > count / 4 && rejected < count * 3 / 4,
        "seed " + seed + ": " + rejected + " of " + count + " items rejected");
  }

  /** Compiles every item with all checks; returns the checks that fired, by item. */
  private Map<String, Set<String>> compileWithChecks(Iterable<GeneratedItem> items) {
    Map<String, String> sources = new LinkedHashMap<>();
    items.forEach(item -> sources.put(item.name() + ".java", item.source()));
    WorklintCompiler.Result result = WorklintCompiler.compile(sources, classes);
    assertTrue(result.compiled(), () -> "generated code does not compile: " + result.otherDiagnostics());
    Map<String, Set<String>> findings = new LinkedHashMap<>();
    for (WorklintCompiler.Finding finding : result.findings()) {
      findings.computeIfAbsent(finding.file().replace(".java", ""), k -> new TreeSet<>())
          .add(finding.check());
    }
    return findings;
  }

  /** Initialises each pointer class; returns HasWork.of's complaint, or null if all accept. */
  private static String firstRejection(GeneratedItem item, ClassLoader loader) throws Exception {
    for (String pointer : item.pointerClasses()) {
      try {
        Class.forName(pointer, true, loader);
      } catch (ExceptionInInitializerError e) {
        assertTrue(e.getCause() instanceof IllegalArgumentException,
            item.name() + ": " + pointer + " failed with " + e.getCause());
        return e.getCause().getMessage();
      }
    }
    return null;
  }

  /**
   * One item with one to three slots, each with its own pointer newtype, and zero to two defects.
   */
  record GeneratedItem(String name, int slots, Map<Integer, Defect> defectAt) {

    static GeneratedItem random(String name, Random random) {
      int slots = 1 + random.nextInt(3);
      Map<Integer, Defect> defects = new LinkedHashMap<>();
      int wanted = random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(2);
      Defect[] all = Defect.values();
      for (int i = 0; i < wanted; i++) {
        Defect defect = all[random.nextInt(all.length)];
        if (defect == Defect.OTHER_POINTER_TYPE && slots < 2) {
          defect = Defect.MISSPELLED_NAME;
        }
        defects.put(random.nextInt(slots), defect);
      }
      return new GeneratedItem(name, slots, defects);
    }

    Set<Defect> defects() {
      return defectAt.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defectAt.values());
    }

    List<String> pointerClasses() {
      List<String> pointers = new ArrayList<>();
      for (int i = 0; i < slots; i++) {
        pointers.add(name + "$P" + i);
      }
      return pointers;
    }

    String source() {
      StringBuilder s = new StringBuilder();
      s.append("import io.github.worklint.workqueue.*;\n")
          .append("import java.lang.invoke.MethodHandles;\n")
          .append("public final class ").append(name).append(" {\n");
      for (int i = 0; i < slots; i++) {
        s.append(field(i, defectAt.get(i)));
      }
      for (int i = 0; i < slots; i++) {
        s.append(pointer(i, defectAt.get(i)));
      }
      return s.append("}\n").toString();
    }

    private String field(int i, Defect defect) {
      String type = "Work<P" + i + ">";
      String modifiers = "private final ";
      String extra = "";
      if (defect == Defect.NOT_FINAL) {
        modifiers = "private ";
      } else if (defect == Defect.STATIC) {
        modifiers = "private static final ";
      } else if (defect == Defect.RAW) {
        type = "Work";
      } else if (defect == Defect.WILDCARD) {
        type = "Work<?>";
      } else if (defect == Defect.DUPLICATE_POINTER) {
        extra = "  @Slot private final Work<P" + i + "> extra" + i + " = new Work<>();\n";
      }
      String init = defect == Defect.RAW ? "new Work()" : "new Work<>()";
      return "  @Slot " + modifiers + type + " f" + i + " = " + init + ";\n" + extra;
    }

    private String pointer(int i, Defect defect) {
      String named = "f" + i;
      if (defect == Defect.MISSPELLED_NAME) {
        named = "g" + i;
      } else if (defect == Defect.OTHER_POINTER_TYPE) {
        named = "f" + ((i + 1) % slots);
      }
      String p = "P" + i;
      return "  @SuppressWarnings(\"rawtypes\")\n"
          + "  record " + p + "(" + name + " item) implements WorkItemPointer<" + name + ", " + p
          + "> {\n"
          + "    static final HasWork<" + name + ", " + p + "> WORK =\n"
          + "        HasWork.of(MethodHandles.lookup(), " + name + ".class, " + p + ".class, \""
          + named + "\");\n"
          + "    @Override public HasWork<" + name + ", " + p + "> hasWork() { return WORK; }\n"
          + "    @Override public void run() {}\n"
          + "  }\n";
    }
  }

  @Test
  void generatorIsDeterministicForASeed() {
    GeneratedItem a = GeneratedItem.random("X", new Random(7));
    GeneratedItem b = GeneratedItem.random("X", new Random(7));
    assertEquals(a.source(), b.source());
  }
}

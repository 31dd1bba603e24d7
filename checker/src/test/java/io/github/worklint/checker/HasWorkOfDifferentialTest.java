package io.github.worklint.checker;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.checker.testing.WorklintCompiler;
import io.github.worklint.workqueue.HasWork;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every argument of {@code HasWork.of} varied, and where the pointer is declared: the calls are
 * compiled once with every worklint check, then each pointer class is initialised, which runs its
 * {@code HasWork.of}. Where compile time can decide, a check flags the call's line exactly when
 * {@code HasWork.of} throws; where it cannot (a class argument that is not a literal, a lookup
 * returned by a method when the outcome depends on access), nothing is reported. A field name
 * that is not a constant is always flagged, as the contract says.
 *
 * <p>The cases are a seeded sample of the full product of the dimensions below ({@value #ALL}
 * cases); {@code -Dworklint.differential.cases=N} takes more (all of them at most), {@code
 * -Dworklint.differential.seed=S} another sample.
 */
class HasWorkOfDifferentialTest {

  enum Where { NESTED, TOP_LEVEL, OTHER_FILE }

  enum Access { PRIVATE, PACKAGE }

  enum Slot { OWN, INHERITED }

  enum Lookup { PLAIN, FIELD, PUBLIC, PRIVATE_IN_BY_METHOD }

  enum Classes { RIGHT, WRONG_POINTER, WRONG_ITEM, ITEM_NOT_LITERAL, POINTER_NOT_LITERAL }

  enum Name { F, G, H, NOPE }

  enum NameForm { LITERAL, CONSTANT, COMPUTED }

  static final int ALL =
      3 * 2 * 2 * 4 * 5 * 4 * 3;

  @TempDir Path classes;

  @Test
  void checksFlagTheCallExactlyWhenHasWorkOfThrows() throws Exception {
    long seed = Long.getLong("worklint.differential.seed", 20261201L);
    int count = Math.min(ALL, Integer.getInteger("worklint.differential.cases", 1000));
    List<Case> all = new ArrayList<>();
    for (Where w : Where.values())
      for (Access a : Access.values())
        for (Slot s : Slot.values())
          for (Lookup l : Lookup.values())
            for (Classes c : Classes.values())
              for (Name n : Name.values())
                for (NameForm f : NameForm.values()) {
                  all.add(new Case(all.size(), w, a, s, l, c, n, f));
                }
    Collections.shuffle(all, new Random(seed));
    List<Case> cases = all.subList(0, count);
    assertTrue(cases.size() >= Math.min(1000, ALL));

    Map<String, String> sources = new LinkedHashMap<>();
    cases.forEach(c -> c.addSources(sources));
    WorklintCompiler.Result result = WorklintCompiler.compile(sources, classes);
    assertTrue(result.compiled(), () -> "generated code does not compile: " + result.otherDiagnostics());
    Set<String> flaggedLines = new HashSet<>();
    for (WorklintCompiler.Finding finding : result.findings()) {
      flaggedLines.add(finding.file() + ":" + finding.line());
    }

    List<String> disagreements = new ArrayList<>();
    int throwing = 0;
    int decided = 0;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      for (Case c : cases) {
        String thrown = c.initialise(loader);
        boolean flagged = flaggedLines.contains(c.callFile() + ":" + c.callLine());
        boolean expected;
        if (c.classes == Classes.ITEM_NOT_LITERAL || c.classes == Classes.POINTER_NOT_LITERAL) {
          expected = false; // which class is meant is not known at compile time
        } else if (c.nameForm == NameForm.COMPUTED) {
          expected = true; // nothing can verify the name before run time
        } else if (c.lookup == Lookup.PRIVATE_IN_BY_METHOD && c.throwsWithFullAccess(loader) == null) {
          expected = false; // only the lookup, which a method returns, decides
        } else {
          expected = thrown != null;
          decided++;
        }
        if (thrown != null) {
          throwing++;
        }
        if (flagged != expected) {
          disagreements.add(
              c + ": runtime " + (thrown == null ? "accepts it" : "throws (" + thrown + ")")
                  + ", checks " + (flagged ? "flag the call" : "say nothing") + "\n"
                  + c.source());
        }
      }
    }
    assertTrue(disagreements.isEmpty(),
        "seed " + seed + ": " + disagreements.size() + " disagreements in " + count + " cases\n"
            + disagreements.stream().map(d -> d.substring(0, d.indexOf('\n'))).collect(joining("\n"))
            + "\n\n" + String.join("\n", disagreements.subList(0, Math.min(3, disagreements.size()))));
    // Both verdicts must be common among the decided cases, or agreement proves little.
    assertTrue(decided > count / 4, decided + " decided of " + count);
    assertTrue(throwing > count / 4 && throwing < count * 9 / 10, throwing + " throw of " + count);
  }

  /** One generated call: an item with slots f, g (and h in a nested Other), a pointer calling of. */
  record Case(
      int id, Where where, Access access, Slot slot, Lookup lookup, Classes classes, Name name,
      NameForm nameForm) {

    String item() { return "Item" + id; }

    String pointer() { return "P" + id; }

    String pointerBinaryName() {
      return where == Where.NESTED ? item() + "$" + pointer() : pointer();
    }

    String callFile() {
      return (where == Where.OTHER_FILE ? pointer() : item()) + ".java";
    }

    /** The line of {@code HasWork.of(} in its file. */
    int callLine() {
      int firstPointerLine =
          switch (where) {
            case OTHER_FILE -> 1;
            case NESTED -> itemLines().size(); // the item's closing brace moves after it
            case TOP_LEVEL -> itemLines().size() + 1;
          };
      return firstPointerLine + 8;
    }

    void addSources(Map<String, String> sources) {
      List<String> itemFile = new ArrayList<>(itemLines());
      if (where == Where.OTHER_FILE) {
        sources.put(pointer() + ".java", String.join("\n", pointerLines()) + "\n");
      } else {
        itemFile.addAll(pointerLines());
      }
      if (where == Where.NESTED) {
        // The pointer goes inside the item: drop the item's closing brace, add it after.
        itemFile.remove(itemLines().size() - 1);
        itemFile.add("}");
      }
      sources.put(item() + ".java", String.join("\n", itemFile) + "\n");
    }

    String source() {
      Map<String, String> sources = new LinkedHashMap<>();
      addSources(sources);
      return String.join("\n// ----\n", sources.values());
    }

    private List<String> itemLines() {
      String mod = access == Access.PRIVATE ? "private " : "";
      String i = item();
      String p = pointer();
      List<String> lines = new ArrayList<>();
      lines.add("import io.github.worklint.workqueue.*;");
      lines.add("import java.lang.invoke.MethodHandles;");
      if (slot == Slot.INHERITED) {
        String pointerName = where == Where.NESTED ? i + "." + p : p;
        lines.add("class Base" + id + " {");
        lines.add("  @Slot " + mod + "final Work<" + pointerName + "> f = new Work<>();");
        lines.add("  @Slot " + mod + "final Work<" + i + ".Q> g = new Work<>();");
        lines.add("}");
      }
      lines.add("final class " + i + (slot == Slot.INHERITED ? " extends Base" + id : "") + " {");
      if (slot == Slot.OWN) {
        lines.add("  @Slot " + mod + "final Work<" + p + "> f = new Work<>();");
        lines.add("  @Slot " + mod + "final Work<Q> g = new Work<>();");
      }
      lines.add("  static final class Other { @Slot " + mod + "final Work<R> h = new Work<>(); }");
      lines.add("  record Q(" + i + " item) implements WorkItemPointer<" + i + ", Q> {");
      lines.add("    @Override public HasWork<" + i + ", Q> hasWork() { throw new AssertionError(); }");
      lines.add("    @Override public void run() {}");
      lines.add("  }");
      lines.add("  record R(Other item) implements WorkItemPointer<Other, R> {");
      lines.add(Fixtures.unusedHasWork("Other", "R"));
      lines.add("    @Override public void run() {}");
      lines.add("  }");
      lines.add("}");
      return lines;
    }

    private List<String> pointerLines() {
      String i = item();
      String p = pointer();
      List<String> lines = new ArrayList<>();
      if (where == Where.OTHER_FILE) {
        lines.add("import io.github.worklint.workqueue.*;");
        lines.add("import java.lang.invoke.MethodHandles;");
      } else {
        lines.add("");
        lines.add("");
      }
      lines.add("@SuppressWarnings({\"rawtypes\", \"unchecked\"})");
      lines.add("record " + p + "(" + i + " item) implements WorkItemPointer<" + i + ", " + p + "> {");
      lines.add("  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();");
      lines.add("  static final Class<" + i + "> ITEM = " + i + ".class;");
      lines.add("  static final String NAME = " + quoted() + ";");
      lines.add("  static final HasWork WORK =");
      lines.add("      HasWork.of(" + lookupArgument() + ", " + classArguments() + ", " + nameArgument() + ");");
      lines.add("  static MethodHandles.Lookup itemLookup() {");
      lines.add("    try {");
      lines.add("      return MethodHandles.privateLookupIn(" + i + ".class, MethodHandles.lookup());");
      lines.add("    } catch (IllegalAccessException e) {");
      lines.add("      throw new AssertionError(e);");
      lines.add("    }");
      lines.add("  }");
      lines.add("  @Override public HasWork<" + i + ", " + p + "> hasWork() { return WORK; }");
      lines.add("  @Override public void run() {}");
      lines.add("}");
      return lines;
    }

    private String quoted() {
      return "\"" + name.name().toLowerCase(java.util.Locale.ROOT) + "\"";
    }

    private String lookupArgument() {
      return switch (lookup) {
        case PLAIN -> "MethodHandles.lookup()";
        case FIELD -> "LOOKUP";
        case PUBLIC -> "MethodHandles.publicLookup()";
        case PRIVATE_IN_BY_METHOD -> "itemLookup()";
      };
    }

    private String classArguments() {
      String i = item();
      return switch (classes) {
        case RIGHT -> i + ".class, " + pointer() + ".class";
        case WRONG_POINTER -> i + ".class, " + i + ".Q.class";
        case WRONG_ITEM -> i + ".Other.class, " + i + ".R.class";
        case ITEM_NOT_LITERAL -> "ITEM, " + pointer() + ".class";
        case POINTER_NOT_LITERAL -> i + ".class, (Class<" + pointer() + ">) " + pointer() + ".class";
      };
    }

    private String nameArgument() {
      return switch (nameForm) {
        case LITERAL -> quoted();
        case CONSTANT -> "NAME";
        case COMPUTED -> "String.valueOf(" + quoted() + ")";
      };
    }

    /** Initialises the pointer class; what HasWork.of threw, or null if it returned. */
    String initialise(ClassLoader loader) throws ClassNotFoundException {
      try {
        Class.forName(pointerBinaryName(), true, loader);
        return null;
      } catch (ExceptionInInitializerError e) {
        assertTrue(e.getCause() instanceof IllegalArgumentException, this + ": " + e.getCause());
        return e.getCause().getMessage();
      }
    }

    /**
     * What HasWork.of throws for these arguments given a lookup with full access to the slot's
     * class, or null: whether anything but access is wrong.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    String throwsWithFullAccess(ClassLoader loader) throws Exception {
      Class<?> itemClass = Class.forName(
          classes == Classes.WRONG_ITEM ? item() + "$Other" : item(), false, loader);
      Class<?> pointerClass = Class.forName(
          switch (classes) {
            case WRONG_POINTER -> item() + "$Q";
            case WRONG_ITEM -> item() + "$R";
            default -> pointerBinaryName();
          }, false, loader);
      String fieldName = name.name().toLowerCase(java.util.Locale.ROOT);
      Class<?> declaring = itemClass;
      for (Class<?> c = itemClass; c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getName().equals(fieldName)) {
            declaring = c;
          }
        }
      }
      try {
        HasWork.of(
            MethodHandles.privateLookupIn(declaring, MethodHandles.lookup()),
            (Class) itemClass, (Class) pointerClass, fieldName);
        return null;
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }

    @Override
    public String toString() {
      return "case " + id + " " + where + " " + access + " " + slot + " " + lookup + " " + classes
          + " " + name + " " + nameForm;
    }
  }
}

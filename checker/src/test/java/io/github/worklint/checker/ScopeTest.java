package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import org.junit.jupiter.api.Test;

/**
 * {@link Scope}: a unit is checked when its trees touch a runtime type, whatever its text says;
 * and the missed case of the old textual rule, a subclass in its own file, is now checked.
 */
class ScopeTest {

  /** Reports "checked" on every top-level class of a unit in scope. */
  @BugPattern(summary = "Reports what Scope answers", severity = WARNING)
  public static final class ScopeProbe extends BugChecker implements ClassTreeMatcher {
    @Override
    public Description matchClass(ClassTree tree, VisitorState state) {
      boolean topLevel =
          state.getPath().getParentPath().getLeaf() == state.getPath().getCompilationUnit();
      return topLevel && Scope.inScope(state)
          ? buildDescription(tree).setMessage("checked").build()
          : Description.NO_MATCH;
    }
  }

  /** A base class that names the runtime; the other files do not. */
  private static final String[] BASE = {
    "package app;",
    "import io.github.worklint.workqueue.*;",
    "import java.lang.invoke.MethodHandles;",
    "// BUG: Diagnostic contains: checked",
    "public class Base {",
    "  public static final WorkQueue QUEUE = WorkQueue.system();",
    "  @Slot protected final Work<Flush> flushWork = new Work<>();",
    "  public static Work<Flush> slot() { return new Work<>(); }",
    "  public record Flush(Base item) implements WorkItemPointer<Base, Flush> {",
    "    static final HasWork<Base, Flush> WORK =",
    "        HasWork.of(MethodHandles.lookup(), Base.class, Flush.class, \"flushWork\");",
    "    @Override public HasWork<Base, Flush> hasWork() { return WORK; }",
    "    @Override public void run() {}",
    "  }",
    "}",
  };

  private final CompilationTestHelper probe =
      CompilationTestHelper.newInstance(ScopeProbe.class, getClass());

  @Test
  void aSubclassThatUsesInheritedRuntimeMembersIsChecked() {
    probe
        .addSourceLines("Base.java", BASE)
        .addSourceLines(
            "Sub.java",
            "package app;",
            "// BUG: Diagnostic contains: checked",
            "final class Sub extends Base {",
            "  Sub() { QUEUE.enqueue(new Flush(this)); }",
            "}")
        .doTest();
  }

  @Test
  void aVarOfARuntimeTypeIsChecked() {
    probe
        .addSourceLines("Base.java", BASE)
        .addSourceLines(
            "Uses.java",
            "package app;",
            "// BUG: Diagnostic contains: checked",
            "final class Uses {",
            "  boolean pending() { var slot = Base.slot(); return slot.isPending(); }",
            "}")
        .doTest();
  }

  @Test
  void aSubtypeOfARuntimeTypeIsChecked() {
    probe
        .addSourceLines("Base.java", BASE)
        .addSourceLines(
            "Uses.java",
            "package app;",
            "// BUG: Diagnostic contains: checked",
            "final class Uses {",
            "  Object pointer(Base base) { return new Base.Flush(base); }",
            "}")
        .doTest();
  }

  @Test
  void namingThePackageInTextAloneIsNotATouch() {
    probe
        .addSourceLines(
            "Text.java",
            "// io.github.worklint.workqueue is mentioned here and in a string, never used.",
            "final class Text {",
            "  static final String NAME = \"io.github.worklint.workqueue.Work\";",
            "}")
        .addSourceLines("Plain.java", "final class Plain { Runnable r = () -> {}; }")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void theMissedCaseIsNowFlaggedByEnqueueInConstructor() {
    CompilationTestHelper.newInstance(EnqueueInConstructor.class, getClass())
        .addSourceLines("Base.java", java.util.Arrays.stream(BASE)
            .filter(line -> !line.contains("BUG"))
            .toArray(String[]::new))
        .addSourceLines(
            "Sub.java",
            "package app;",
            "final class Sub extends Base {",
            "  private final String name;",
            "  Sub() {",
            "    // BUG: Diagnostic contains: The constructor of Sub enqueues a Flush built from"
                + " this: the work can run on another thread before the constructor of Sub"
                + " finishes, and see name still null: it is assigned after the enqueue",
            "    QUEUE.enqueue(new Flush(this));",
            "    name = \"sub\";",
            "  }",
            "}")
        .doTest();
  }
}

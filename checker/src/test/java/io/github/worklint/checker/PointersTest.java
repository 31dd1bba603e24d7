package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@link Pointers}: run() and hasWork() are overrides of WorkItemPointer's, not names; the item a
 * pointer is built from is the one argument of its {@code new}.
 */
class PointersTest {

  @BugPattern(summary = "Reports what Pointers answers", severity = WARNING)
  public static final class PointersProbe extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      MethodSymbol method = ASTHelpers.getSymbol(tree);
      boolean run = Pointers.isRun(method, state);
      boolean hasWork = Pointers.isHasWork(method, state);
      if (!run && !hasWork) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(
              (run ? "run" : "hasWork") + " of " + Names.of(method.owner) + ", item "
                  + Names.type(Pointers.item(method.owner.type, state)))
          .build();
    }
  }

  @BugPattern(summary = "Reports the item Pointers.builtFrom finds", severity = WARNING)
  public static final class BuiltFromProbe extends BugChecker implements VariableTreeMatcher {
    @Override
    public Description matchVariable(VariableTree tree, VisitorState state) {
      ExpressionTree initializer = tree.getInitializer();
      ExpressionTree item = initializer == null ? null : Pointers.builtFrom(initializer);
      return item == null
          ? Description.NO_MATCH
          : buildDescription(tree).setMessage("built from " + state.getSourceForNode(item)).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PointersProbe.class, getClass());

  @Test
  void overridesAreFoundLookAlikesAreNot() {
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "final class Item {",
            "  record Flush(Item item) implements WorkItemPointer<Item, Flush> {",
            "    // BUG: Diagnostic contains: hasWork of Flush, item Item",
            Fixtures.unusedHasWork("Item", "Flush"),
            "    // BUG: Diagnostic contains: run of Flush, item Item",
            "    @Override public void run() {}",
            "    void run(int times) {}",
            "    static void hasWork(String s) {}",
            "  }",
            "  interface Logged<T, P extends Logged<T, P>> extends WorkItemPointer<T, P> {",
            "    // BUG: Diagnostic contains: run of Logged",
            "    @Override default void run() {}",
            "  }",
            "  static final class NotAPointer implements Runnable {",
            "    @Override public void run() {}",
            "    public Object hasWork() { return null; }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Syntactic, as its callers need: they have already checked that the expression is a pointer.
   * Parentheses are looked through; a copy, a call, two arguments or a class body are not a
   * {@code new P(x)}.
   */
  @Test
  void theItemIsTheOneArgumentOfANewWithoutABody() {
    CompilationTestHelper.newInstance(BuiltFromProbe.class, getClass())
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "class Item {",
            "  record Flush(Item item) implements WorkItemPointer<Item, Flush> {",
            Fixtures.unusedHasWork("Item", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  static class Pair { Pair(Item a, Item b) {} }",
            "  static class Holder { Holder(Item item) {} }",
            "  static Flush make(Item item) { return new Flush(item); }",
            "  void uses(Item other) {",
            "    // BUG: Diagnostic contains: built from this",
            "    Flush direct = new Flush(this);",
            "    // BUG: Diagnostic contains: built from other",
            "    Flush wrapped = ((new Flush(other)));",
            "    Flush copied = direct;",
            "    Flush called = make(this);",
            "    Pair two = new Pair(this, other);",
            "    Holder subclassed = new Holder(this) {};",
            "    // BUG: Diagnostic contains: built from this",
            "    Holder holder = new Holder(this);",
            "  }",
            "}")
        .doTest();
  }
}

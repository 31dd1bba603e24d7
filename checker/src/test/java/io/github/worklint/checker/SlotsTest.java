package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Slots}: the one hierarchy walk, as a probe check reports it on every class. */
class SlotsTest {

  /** Reports each class's slots, topmost superclass first, and which field "f" is found. */
  @BugPattern(summary = "Reports what Slots answers", severity = WARNING)
  public static final class SlotsProbe extends BugChecker implements ClassTreeMatcher {
    @Override
    public Description matchClass(ClassTree tree, VisitorState state) {
      ClassSymbol type = ASTHelpers.getSymbol(tree);
      String slots =
          Slots.of(type, state).stream()
              .map(f -> f.owner.getSimpleName() + "." + f.getSimpleName())
              .collect(Collectors.joining(", "));
      VarSymbol f = Slots.named(type, "f", state);
      return buildDescription(tree)
          .setMessage(
              "slots [" + slots + "] f=" + (f == null ? "none" : f.owner.getSimpleName() + ".f"))
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(SlotsProbe.class, getClass());

  @Test
  void inheritedSlotsComeFirstAndInterfacesAreNotSearched() {
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "// BUG: Diagnostic contains: slots [Item.a] f=Item.f",
            "class Item {",
            "  final Work<?> a = new Work<>();",
            "  final int f = 1;",
            "}",
            "// BUG: Diagnostic contains: slots [Shared.f] f=Shared.f",
            "interface Shared { Work<?> f = new Work<>(); }",
            "// BUG: Diagnostic contains: slots [Item.a, Sub.b] f=Sub.f",
            "final class Sub extends Item implements Shared {",
            "  final Work<?> b = new Work<>();",
            "  final String f = \"hides Item.f\";",
            "}")
        .doTest();
  }

  @Test
  void aLookAlikeWorkIsNotASlot() {
    helper
        .addSourceLines(
            "Item.java",
            "// BUG: Diagnostic contains: slots [] f=Item.f",
            "final class Item {",
            "  // BUG: Diagnostic contains: slots [] f=none",
            "  static final class Work<P> {}",
            "  final Work<Runnable> f = new Work<>();",
            "  final io.github.worklint.workqueue.WorkQueue queue = null;",
            "}")
        .doTest();
  }
}

package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Descriptors}: what each value a {@code describe()} method returns denotes, through
 * conditionals, casts and static final fields.
 */
class DescriptorsTest {

  @BugPattern(summary = "Reports what Descriptors answers", severity = WARNING)
  public static final class DescriptorsProbe extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      if (!tree.getName().contentEquals("describe") || tree.getBody() == null) {
        return Description.NO_MATCH;
      }
      List<String> answers = new ArrayList<>();
      for (ExpressionTree leaf : Descriptors.returnedBy(tree)) {
        Descriptors.Target target = Descriptors.target(leaf, state);
        answers.add(
            target == null
                ? "unknown"
                : target.pointer().getSimpleName() + ":" + target.field()
                    + (target.via() == null ? "" : " via " + target.via().getSimpleName()));
      }
      return buildDescription(tree).setMessage(String.join(", ", answers)).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DescriptorsProbe.class, getClass());

  @Test
  void conditionalsCastsAndFieldsAreFollowed() {
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "@SuppressWarnings({\"rawtypes\", \"unchecked\"})",
            "final class Item {",
            "  @Slot private final Work<A> a = new Work<>();",
            "  @Slot private final Work<B> b = new Work<>();",
            "  static final HasWork<Item, A> A_WORK =",
            "      HasWork.of(MethodHandles.lookup(), Item.class, A.class, \"a\");",
            "  static final HasWork RAW = HasWork.of(MethodHandles.lookup(), Item.class, B.class, \"b\");",
            "  static final HasWork<Item, A> LIES = (HasWork) RAW;",
            "  static HasWork<Item, A> mutable = A_WORK;",
            "  // BUG: Diagnostic contains: A:a, B:b via RAW, B:b via RAW, unknown",
            "  static HasWork describe(boolean x, int y) {",
            "    if (y > 0) return x ? A_WORK : (HasWork) RAW;",
            "    return y < 0 ? LIES : null;",
            "  }",
            "  record A(Item item) implements WorkItemPointer<Item, A> {",
            "    public HasWork<Item, A> hasWork() { return A_WORK; }",
            "    public void run() {}",
            "  }",
            "  record B(Item item) implements WorkItemPointer<Item, B> {",
            "    public HasWork<Item, B> hasWork() { throw new AssertionError(); }",
            "    public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aNonFinalFieldIsJudgedByItsTypeAlone() {
    helper
        .addSourceLines(
            "Item.java",
            "import io.github.worklint.workqueue.*;",
            "final class Item {",
            "  @Slot private final Work<A> a = new Work<>();",
            "  static HasWork<Item, A> mutable;",
            "  // BUG: Diagnostic contains: A:null",
            "  static HasWork<Item, A> describe() { return mutable; }",
            "  record A(Item item) implements WorkItemPointer<Item, A> {",
            "    public HasWork<Item, A> hasWork() { return mutable; }",
            "    public void run() {}",
            "  }",
            "}")
        .doTest();
  }
}

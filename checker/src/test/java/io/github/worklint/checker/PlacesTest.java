package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import org.junit.jupiter.api.Test;

/** {@link Places}: where each call to {@code here()} runs, as a probe check reports it. */
class PlacesTest {

  @BugPattern(summary = "Reports what Places answers", severity = WARNING)
  public static final class PlacesProbe extends BugChecker implements MethodInvocationTreeMatcher {
    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (!ASTHelpers.getSymbol(tree).getSimpleName().contentEquals("here")) {
        return Description.NO_MATCH;
      }
      Places.Place place = Places.of(state.getPath());
      String answer =
          place == null
              ? "nowhere"
              : place.kind() + " / " + place.describe() + " / " + place.whenItRuns() + " / "
                  + Places.site(state.getPath());
      return buildDescription(tree).setMessage(answer).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PlacesProbe.class, getClass());

  @Test
  void everyKindOfCode() {
    helper
        .addSourceLines(
            "Item.java",
            "final class Item {",
            "  static Object here() { return null; }",
            "  // BUG: Diagnostic contains: STATIC_INITIALIZER / a static initializer of Item / when"
                + " Item is first used / in the initializer of the non-final static field S",
            "  static Object S = here();",
            "  // BUG: Diagnostic contains: INSTANCE_INITIALIZER / the initializer of field i of"
                + " Item / each time an Item is created / in the initializer of the instance field i",
            "  Object i = here();",
            "  {",
            "    // BUG: Diagnostic contains: INSTANCE_INITIALIZER / an instance initializer of Item",
            "    here();",
            "  }",
            "  Item() {",
            "    // BUG: Diagnostic contains: CONSTRUCTOR / the constructor of Item / each time this"
                + " call runs / in a constructor of Item",
            "    here();",
            "    // BUG: Diagnostic contains: LAMBDA / a lambda / each time this call runs / in a lambda",
            "    Runnable r = () -> here();",
            "  }",
            "  void m() {",
            "    // BUG: Diagnostic contains: METHOD / method m() / each time this call runs / in"
                + " the initializer of the local variable x",
            "    Object x = here();",
            "    new Thread() {",
            "      @Override public void run() {",
            "        // BUG: Diagnostic contains: METHOD / method run() / each time this call runs /"
                + " in the anonymous Thread.run()",
            "        here();",
            "      }",
            "    }.start();",
            "  }",
            "}")
        .doTest();
  }
}

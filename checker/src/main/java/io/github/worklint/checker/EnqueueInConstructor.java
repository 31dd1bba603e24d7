package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.method.MethodMatchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * {@code WorkQueue.enqueue(p)} in a constructor or instance initializer of {@code C}, where the
 * pointer {@code p} is built from the {@code this} of {@code C} ({@code new Flush(this)}, {@code
 * C.this}, or a local variable initialised with such an expression), and {@code
 * WorkQueue.spawn(task)} there with a task that captures that {@code this} (a lambda or method
 * reference that mentions {@code this}, or uses an instance field or method of {@code C} by its
 * simple name).
 *
 * <p>The work can run on a worker thread before the constructor finishes: it sees the object half
 * built, with fields that are assigned after the enqueue still null or zero (final fields
 * included: their guarantee holds only for objects published after construction). Enqueue from a
 * static factory method once {@code new} has returned, or from a method the caller invokes after
 * construction.
 *
 * <p>Only the constructor's own code is examined: an enqueue inside a lambda or a nested class
 * declared in a constructor runs whenever that code is called, and an enqueue in a helper method
 * that the constructor calls is not followed.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Enqueueing work on this from a constructor publishes a half-constructed object",
    severity = WARNING,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "EnqueueInConstructor.md")
public final class EnqueueInConstructor extends BugChecker implements MethodInvocationTreeMatcher {

  private static final Matcher<ExpressionTree> ENQUEUE =
      MethodMatchers.instanceMethod()
          .onExactClass(WorkTypes.WORK_QUEUE)
          .namedAnyOf(WorkTypes.ENQUEUE_METHODS);

  private static final Matcher<ExpressionTree> SPAWN =
      MethodMatchers.instanceMethod().onExactClass(WorkTypes.WORK_QUEUE).named("spawn");

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (tree.getArguments().isEmpty()) {
      return Description.NO_MATCH;
    }
    boolean enqueue = ENQUEUE.matches(tree, state);
    if (!enqueue && !SPAWN.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    Places.Place place = Places.of(state.getPath());
    ClassSymbol constructed = place == null ? null : place.owner();
    if (place == null || constructed == null || !place.constructs(constructed)) {
      return Description.NO_MATCH;
    }
    ExpressionTree argument = tree.getArguments().get(0);
    String what;
    String verb = enqueue ? "the enqueue" : "the spawn";
    if (enqueue) {
      if (!pointerFromThis(argument, constructed, place, state)) {
        return Description.NO_MATCH;
      }
      Type pointer = ASTHelpers.getType(argument);
      what = "enqueues " + (pointer == null ? "work" : Names.a(Names.of(pointer.tsym))) + " built from this";
    } else {
      if (!Construction.mentionsThis(argument, constructed, true, state)) {
        return Description.NO_MATCH;
      }
      what = "spawns a task that captures this";
    }
    String type = Names.of(constructed);
    Set<Symbol> later = fieldsAssignedAfter(tree, constructed, place, state);
    String unassigned;
    if (later.isEmpty()) {
      unassigned = "see fields that are not assigned yet";
    } else {
      List<String> defaults = new ArrayList<>();
      for (Symbol field : later) {
        defaults.add(field.getSimpleName() + " still " + defaultValue(field.type, state));
      }
      unassigned = "see " + String.join(" and ", defaults)
          + (later.size() == 1 ? ": it is" : ": they are") + " assigned after " + verb;
    }
    return buildDescription(tree)
        .setMessage(
            String.format(
                "%s %s: the work can run on another thread before the constructor of %s"
                    + " finishes, and %s. %s once construction is over, e.g. from a"
                    + " static factory method after new %s(...) returns.",
                capitalize(place.describe()), what, type, unassigned,
                enqueue ? "Enqueue" : "Spawn", type))
        .build();
  }

  /**
   * Whether the pointer argument mentions {@code this}: directly, or through a local variable of
   * the same code that is initialised or assigned with such an expression.
   */
  private static boolean pointerFromThis(
      ExpressionTree argument, ClassSymbol constructed, Places.Place place, VisitorState state) {
    if (Construction.mentionsThis(argument, constructed, false, state)) {
      return true;
    }
    ExpressionTree a = ASTHelpers.stripParentheses(argument);
    if (!(a instanceof IdentifierTree)
        || !(ASTHelpers.getSymbol(a) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE
        || place.code() == null) {
      return false;
    }
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitVariable(VariableTree tree, Void unused) {
            if (ASTHelpers.getSymbol(tree) == local
                && tree.getInitializer() != null
                && Construction.mentionsThis(tree.getInitializer(), constructed, false, state)) {
              return true;
            }
            return super.visitVariable(tree, null);
          }

          @Override
          public Boolean visitAssignment(AssignmentTree tree, Void unused) {
            if (ASTHelpers.getSymbol(tree.getVariable()) == local
                && Construction.mentionsThis(tree.getExpression(), constructed, false, state)) {
              return true;
            }
            return super.visitAssignment(tree, null);
          }

          @Override
          public Boolean reduce(Boolean x, Boolean y) {
            return Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y);
          }
        }.scan(place.code(), null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * The instance fields of {@code constructed} that are assigned after the enqueue while the
   * object is still being constructed: later in the same constructor; or, for an initializer,
   * in later field initializers and initializer blocks and in every constructor body (which runs
   * after all initializers).
   */
  private static Set<Symbol> fieldsAssignedAfter(
      MethodInvocationTree call,
      ClassSymbol constructed,
      Places.Place place,
      VisitorState state) {
    Set<Symbol> fields = new LinkedHashSet<>();
    int after = state.getEndPosition(call);
    if (place.kind() == Places.Kind.CONSTRUCTOR) {
      collectAssignments(place.code(), constructed, after, fields);
      return fields;
    }
    ClassTree type = Places.enclosing(state.getPath(), constructed);
    if (type == null) {
      return fields;
    }
    for (Tree member : type.getMembers()) {
      if (member instanceof VariableTree field) {
        Symbol symbol = ASTHelpers.getSymbol(field);
        if (symbol != null
            && !ASTHelpers.isStatic(symbol)
            && field.getInitializer() != null
            && ASTHelpers.getStartPosition(field) > after) {
          fields.add(symbol);
        }
      } else if (member instanceof BlockTree block && !block.isStatic()) {
        collectAssignments(block, constructed, after, fields);
      } else if (member instanceof MethodTree method) {
        Symbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null && symbol.isConstructor()) {
          collectAssignments(method, constructed, -1, fields);
        }
      }
    }
    return fields;
  }

  /**
   * Adds the instance fields of {@code constructed} that {@code code} assigns through {@code
   * this} after source position {@code after}, outside lambdas and nested classes (which run
   * later or on other objects).
   */
  private static void collectAssignments(
      @Nullable Tree code, ClassSymbol constructed, int after, Set<Symbol> fields) {
    if (code == null) {
      return;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        add(tree, tree.getVariable());
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        add(tree, tree.getVariable());
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }

      private void add(Tree assignment, ExpressionTree variable) {
        Symbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null
            && symbol.getKind() == ElementKind.FIELD
            && symbol.owner == constructed
            && !ASTHelpers.isStatic(symbol)
            && ASTHelpers.getStartPosition(assignment) > after
            && Construction.isOwnReceiver(Construction.qualifier(variable), constructed)) {
          fields.add(symbol);
        }
      }
    }.scan(code, null);
  }

  /** What a field holds before it is assigned: null, 0 or false. */
  private static String defaultValue(@Nullable Type type, VisitorState state) {
    if (type == null || !type.isPrimitive()) {
      return "null";
    }
    return state.getTypes().unboxedTypeOrType(type).getKind() == javax.lang.model.type.TypeKind.BOOLEAN
        ? "false"
        : "0";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

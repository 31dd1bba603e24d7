package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.fixes.SuggestedFixes.AdditionPosition;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds.Kind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A {@code HasWork} descriptor that is not built once: a {@code HasWork.of} call that is not the
 * initializer of a {@code static final} field (or its one assignment in a static initializer), or
 * a pointer's {@code hasWork()} that does not return such a constant. Each {@code HasWork.of}
 * repeats the reflective look-up and validation of the slot, and each call returns a new
 * descriptor: a second identity for the same slot.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Build each HasWork descriptor once, in a static final field, and return that",
    severity = WARNING,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "HasWorkNotConstant.md")
public final class HasWorkNotConstant extends BugChecker
    implements MethodInvocationTreeMatcher, MethodTreeMatcher {

  /** The name of the constant the suggested fix hoists the descriptor into. */
  private static final String CONSTANT = "WORK";

  private static final String COST =
      "each call repeats the reflective look-up and validation of the slot (slow) and returns a"
          + " new descriptor, a second identity";

  // ---- HasWork.of(...) outside a static final initializer

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (!Descriptors.isFactoryCall(tree, state)) {
      return Description.NO_MATCH;
    }
    TreePath path = state.getPath();
    if (Descriptors.initializesConstant(path)) {
      return Description.NO_MATCH;
    }
    List<? extends ExpressionTree> arguments = tree.getArguments();
    ClassSymbol item = Descriptors.classLiteral(arguments.get(1));
    ClassSymbol pointer = Descriptors.classLiteral(arguments.get(2));
    String name = Descriptors.constantName(tree);
    String what =
        pointer == null
            ? "HasWork.of"
            : item != null && name != null
                ? "HasWork.of for " + pointer.getSimpleName() + " (" + item.getSimpleName() + "."
                    + name + ")"
                : "HasWork.of for " + pointer.getSimpleName();
    String message =
        String.format(
            "%s is called %s, not as the initializer of a static final field: %s. Build it once,"
                + " in a static final field.",
            what, Places.site(path), COST);
    Description.Builder description = buildDescription(tree).setMessage(message);
    SuggestedFix fix = hoist(tree, item, pointer, state);
    if (fix != null) {
      description.addFix(fix);
    }
    return description.build();
  }

  /**
   * Moves the call into {@code private static final HasWork<T, P> WORK} of the innermost class
   * and replaces it with {@code WORK}; null unless that is unambiguous: the call is in a method
   * (or a lambda in one) of a named class or record, its arguments are {@code
   * MethodHandles.lookup()}, class literals of non-local classes and constants, nothing called
   * WORK is in scope or declared in the class, and it is the class's only such call.
   */
  private static @Nullable SuggestedFix hoist(
      MethodInvocationTree call,
      @Nullable ClassSymbol item,
      @Nullable ClassSymbol pointer,
      VisitorState state) {
    if (item == null || pointer == null || isLocal(item) || isLocal(pointer)) {
      return null;
    }
    TreePath path = state.getPath();
    MethodTree method = null;
    TreePath ownerPath = null;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m && method == null) {
        method = m;
      }
      if (p.getLeaf() instanceof ClassTree) {
        ownerPath = p;
        break;
      }
    }
    if (method == null
        || ownerPath == null
        || !(ownerPath.getLeaf() instanceof ClassTree owner)
        || owner.getSimpleName().isEmpty()) {
      return null;
    }
    ClassSymbol ownerSymbol = ASTHelpers.getSymbol(owner);
    if (ownerSymbol == null
        || !(owner.getKind() == Tree.Kind.CLASS || owner.getKind() == Tree.Kind.RECORD)) {
      return null;
    }
    List<String> arguments = new ArrayList<>();
    for (ExpressionTree argument : call.getArguments()) {
      Object constant = ASTHelpers.constValue(argument);
      if (Descriptors.isPlainLookup(argument, state)
          || Descriptors.classLiteral(argument) != null) {
        arguments.add(state.getSourceForNode(argument));
      } else if (constant != null) {
        arguments.add(state.getConstantExpression(constant));
      } else {
        return null;
      }
    }
    if (FindIdentifiers.findIdent(CONSTANT, state) != null) {
      return null;
    }
    for (Symbol member : ownerSymbol.getEnclosedElements()) {
      if (member.getSimpleName().contentEquals(CONSTANT)) {
        return null;
      }
    }
    if (nonConstantCalls(ownerPath, state) != 1) {
      return null;
    }
    String select = state.getSourceForNode(call.getMethodSelect());
    if (select == null || arguments.contains(null)) {
      return null;
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String hasWork = SuggestedFixes.qualifyType(state, fix, ASTHelpers.getSymbol(call).owner);
    String t = SuggestedFixes.qualifyType(state, fix, item);
    String p = SuggestedFixes.qualifyType(state, fix, pointer);
    String declaration =
        String.format(
            "private static final %s<%s, %s> %s = %s(%s);",
            hasWork, t, p, CONSTANT, select, String.join(", ", arguments));
    // A record's implicit members sit in its header, before the brace that FIRST looks for.
    AdditionPosition position =
        owner.getKind() == Tree.Kind.RECORD ? AdditionPosition.LAST : AdditionPosition.FIRST;
    fix.merge(SuggestedFixes.addMembers(owner, state, position, declaration));
    fix.replace(call, CONSTANT);
    return fix.build();
  }

  /** Whether {@code type} is declared in a method or initializer (a local or anonymous class). */
  private static boolean isLocal(ClassSymbol type) {
    for (Symbol s = type.owner; s != null; s = s.owner) {
      if (s.kind == Kind.MTH || s.kind == Kind.VAR) {
        return true;
      }
      if (s.kind == Kind.PCK) {
        return false;
      }
    }
    return false;
  }

  /**
   * The {@code HasWork.of} calls in {@code type}'s own body (not in nested classes) that do not
   * build a constant: each would want the same constant name.
   */
  private static int nonConstantCalls(TreePath typePath, VisitorState state) {
    Tree type = typePath.getLeaf();
    int[] count = {0};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return tree == type ? super.visitClass(tree, null) : null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (Descriptors.isFactoryCall(tree, state)
            && !Descriptors.initializesConstant(getCurrentPath())) {
          count[0]++;
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(typePath, null);
    return count[0];
  }

  // ---- hasWork() that does not return a constant

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (tree.getBody() == null
        || !Pointers.isHasWork(method, state)
        || !(method.owner instanceof ClassSymbol owner)
        || !Pointers.isPointer(owner, state)) {
      return Description.NO_MATCH;
    }
    List<ExpressionTree> returned = Descriptors.returnedBy(tree);
    Type item = Pointers.item(owner.type, state);
    String pointer = owner.getSimpleName().toString();
    for (ExpressionTree expression : returned) {
      String what = nonConstant(expression, state);
      if (what == null) {
        continue;
      }
      state.reportMatch(
          buildDescription(expression)
              .setMessage(
                  String.format(
                      "%s.hasWork() returns %s, not a static final HasWork constant: %s's slot"
                          + " can be looked up again (slow) and get a second descriptor identity."
                          + " Return a static final HasWork<%s, %s> built with HasWork.of.",
                      pointer, what, pointer,
                      item == null ? "?" : item.tsym.getSimpleName(), pointer))
              .build());
    }
    return Description.NO_MATCH;
  }

  /**
   * What a returned expression is, if it is not a constant descriptor; null if it is one, is a
   * {@code HasWork.of} call (reported on the call), or is {@code null} (no descriptor at all,
   * which this check is not about).
   */
  private static @Nullable String nonConstant(ExpressionTree expression, VisitorState state) {
    if (Descriptors.isFactoryCall(expression, state)) {
      return null;
    }
    if (expression instanceof LiteralTree) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (symbol instanceof VarSymbol variable) {
      String name = variable.getSimpleName().toString();
      if (variable.getKind() != ElementKind.FIELD) {
        return "the local variable " + name;
      }
      if (!ASTHelpers.isStatic(variable)) {
        return "the instance field " + name + ", a descriptor per "
            + variable.owner.getSimpleName();
      }
      if ((variable.flags() & Flags.FINAL) == 0) {
        return "the non-final static field " + name + ", which can be reassigned";
      }
      return WorkTypes.isHasWork(variable.type, state)
          ? null
          : "the static final field " + name + ", which is not declared as a HasWork";
    }
    if (expression instanceof MethodInvocationTree && symbol instanceof MethodSymbol called) {
      return "the result of " + called.owner.getSimpleName() + "." + called.getSimpleName()
          + "(), which is evaluated on every call";
    }
    return "an expression that is evaluated on every call";
  }
}

package io.github.worklint.checker;

import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a descriptor expression denotes: the one resolver of {@code HasWork.of(lookup, T.class,
 * P.class, "f")} calls and of what a {@code hasWork()} returns. It looks through parentheses,
 * casts, the branches of conditionals and the initializers of {@code static final} fields.
 */
final class Descriptors {

  /** How many field initializers a descriptor is followed through. */
  private static final int MAX_FIELD_HOPS = 4;

  /** The descriptor factories: {@code of} of each descriptor class. */
  private static final Matcher<ExpressionTree> FACTORY =
      staticMethod().onClassAny(WorkTypes.DESCRIPTOR_CLASSES).named("of");

  /** {@code MethodHandles.lookup()}: a lookup whose class is the class containing the call. */
  private static final Matcher<ExpressionTree> LOOKUP =
      staticMethod().onClass("java.lang.invoke.MethodHandles").named("lookup");

  /** {@code MethodHandles.publicLookup()}: access to public members of public classes only. */
  private static final Matcher<ExpressionTree> PUBLIC_LOOKUP =
      staticMethod().onClass("java.lang.invoke.MethodHandles").named("publicLookup");

  private Descriptors() {}

  /** Whether {@code tree} is {@code MethodHandles.publicLookup()}, parenthesized or not. */
  static boolean isPublicLookup(ExpressionTree tree, VisitorState state) {
    return PUBLIC_LOOKUP.matches(ASTHelpers.stripParentheses(tree), state);
  }

  /**
   * The class whose own {@code MethodHandles.lookup()} the lookup argument at the current path
   * is: the class around the call for the call itself, the class declaring a {@code static
   * final} field initialised with one; null for any other lookup (a method's result, a
   * parameter), which may have been given any access.
   */
  static @Nullable ClassSymbol plainLookupClass(ExpressionTree lookup, VisitorState state) {
    if (isPlainLookup(lookup, state)) {
      ClassTree caller = state.findEnclosing(ClassTree.class);
      return caller == null ? null : ASTHelpers.getSymbol(caller);
    }
    VariableTree field = staticFieldDeclaration(stripCasts(lookup), state);
    return field != null
            && field.getInitializer() != null
            && isPlainLookup(field.getInitializer(), state)
            && ASTHelpers.getSymbol(field).owner instanceof ClassSymbol owner
        ? owner
        : null;
  }

  /** Whether {@code tree} is a call of a descriptor factory with its four arguments. */
  static boolean isFactoryCall(ExpressionTree tree, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && call.getArguments().size() == 4
        && FACTORY.matches(call, state);
  }

  /** Whether {@code tree} is {@code MethodHandles.lookup()}, parenthesized or not. */
  static boolean isPlainLookup(ExpressionTree tree, VisitorState state) {
    return LOOKUP.matches(ASTHelpers.stripParentheses(tree), state);
  }

  /** {@code tree} without the parentheses and casts around it. */
  static ExpressionTree stripCasts(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (true) {
      if (current instanceof ParenthesizedTree parenthesized) {
        current = parenthesized.getExpression();
      } else if (current instanceof TypeCastTree cast) {
        current = cast.getExpression();
      } else {
        return current;
      }
    }
  }

  /**
   * The class a class literal {@code X.class} names, or null if {@code tree} is anything else (a
   * variable, a cast, a method call) or names no class (a primitive, an array).
   */
  static @Nullable ClassSymbol classLiteral(ExpressionTree tree) {
    if (!(ASTHelpers.stripParentheses(tree) instanceof MemberSelectTree select)
        || !select.getIdentifier().contentEquals("class")) {
      return null;
    }
    Type named = ASTHelpers.getType(select.getExpression());
    return named != null && named.hasTag(TypeTag.CLASS) && named.tsym instanceof ClassSymbol c
        ? c
        : null;
  }

  /** The compile-time constant field name of a factory call, or null. */
  static @Nullable String constantName(MethodInvocationTree call) {
    return ASTHelpers.constValue(call.getArguments().get(3), String.class);
  }

  /** The return statements of {@code method}, not those of lambdas or classes inside it. */
  static List<ReturnTree> ownReturns(MethodTree method) {
    List<ReturnTree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        found.add(node);
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(method.getBody(), null);
    return found;
  }

  /** The expressions a value can be: the branches of conditionals, casts and parentheses off. */
  static ImmutableList<ExpressionTree> leaves(ExpressionTree expression) {
    ImmutableList.Builder<ExpressionTree> out = ImmutableList.builder();
    addLeaves(expression, out);
    return out.build();
  }

  private static void addLeaves(ExpressionTree expression, ImmutableList.Builder<ExpressionTree> out) {
    ExpressionTree e = stripCasts(expression);
    if (e instanceof ConditionalExpressionTree conditional) {
      addLeaves(conditional.getTrueExpression(), out);
      addLeaves(conditional.getFalseExpression(), out);
    } else {
      out.add(e);
    }
  }

  /** The values of every {@code return} of a {@code hasWork()}, conditionals split. */
  static ImmutableList<ExpressionTree> returnedBy(MethodTree hasWork) {
    ImmutableList.Builder<ExpressionTree> out = ImmutableList.builder();
    for (ReturnTree ret : ownReturns(hasWork)) {
      if (ret.getExpression() != null) {
        addLeaves(ret.getExpression(), out);
      }
    }
    return out.build();
  }

  /** Whether {@code symbol} is a {@code static final} field (interface fields included). */
  static boolean isStaticFinalField(@Nullable Symbol symbol) {
    return symbol instanceof VarSymbol
        && symbol.getKind() == ElementKind.FIELD
        && (symbol.flags() & (Flags.STATIC | Flags.FINAL)) == (Flags.STATIC | Flags.FINAL);
  }

  /**
   * Whether the call at {@code path} builds a constant: it is (through parentheses, casts and the
   * branches of a conditional) the initializer of a {@code static final} field, or the value
   * assigned to a blank {@code static final} field, which Java allows only once, in a static
   * initializer of its class.
   */
  static boolean initializesConstant(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent instanceof ParenthesizedTree
          || parent instanceof TypeCastTree
          || (parent instanceof ConditionalExpressionTree conditional
              && conditional.getCondition() != child)) {
        child = parent;
        continue;
      }
      if (parent instanceof VariableTree variable) {
        return variable.getInitializer() == child
            && isStaticFinalField(ASTHelpers.getSymbol(variable));
      }
      return parent instanceof AssignmentTree assignment
          && assignment.getExpression() == child
          && isStaticFinalField(ASTHelpers.getSymbol(assignment.getVariable()));
    }
    return false;
  }

  /**
   * The pointer type a descriptor is for, the slot name it names if known, and the static field
   * it was reached through, if any.
   */
  record Target(Symbol pointer, @Nullable String field, @Nullable VarSymbol via) {}

  /**
   * What pointer type the descriptor {@code expression} (one leaf, see {@link #leaves}) is for:
   * from its static type {@code HasWork<X, Q>}, from the class literal of a factory call, or from
   * the initializer of the static final field it reads. Null if nothing can be told.
   */
  static @Nullable Target target(ExpressionTree expression, VisitorState state) {
    return target(expression, state, MAX_FIELD_HOPS);
  }

  private static @Nullable Target target(ExpressionTree expression, VisitorState state, int hops) {
    ExpressionTree current = stripCasts(expression);
    Type q = Pointers.ofDescriptor(ASTHelpers.getType(current), state);
    if (current instanceof MethodInvocationTree call && isFactoryCall(call, state)) {
      ClassSymbol named = classLiteral(stripCasts(call.getArguments().get(2)));
      Symbol pointer = named != null ? named : q == null ? null : q.tsym;
      return pointer == null ? null : new Target(pointer, constantName(call), null);
    }
    VariableTree field = hops > 0 ? staticFieldDeclaration(current, state) : null;
    Target viaField =
        field == null || field.getInitializer() == null
            ? null
            : target(field.getInitializer(), state, hops - 1);
    if (viaField != null) {
      // Through a field whose declared type already names that pointer type, the field is no
      // news; through one declared raw or for another type, it is how the mistake got in.
      VarSymbol read = ASTHelpers.getSymbol(field);
      Type declared = Pointers.ofDescriptor(read.type, state);
      boolean declaredSo = declared != null && declared.tsym == viaField.pointer();
      VarSymbol through = viaField.via() != null ? viaField.via() : declaredSo ? null : read;
      return new Target(viaField.pointer(), viaField.field(), through);
    }
    return q == null ? null : new Target(q.tsym, null, null);
  }

  /** The field an identifier or field access reads; null for any other expression. */
  static @Nullable VarSymbol readField(ExpressionTree expression) {
    if (expression.getKind() != Tree.Kind.IDENTIFIER
        && expression.getKind() != Tree.Kind.MEMBER_SELECT) {
      return null;
    }
    return ASTHelpers.getSymbol(expression) instanceof VarSymbol v
            && v.getKind() == ElementKind.FIELD
        ? v
        : null;
  }

  /** The declaration of the static final field {@code expression} reads, if it is in source. */
  static @Nullable VariableTree staticFieldDeclaration(
      ExpressionTree expression, VisitorState state) {
    VarSymbol field = readField(expression);
    if (!isStaticFinalField(field)) {
      return null;
    }
    Tree declaration = JavacTrees.instance(state.context).getTree(field);
    return declaration instanceof VariableTree variable ? variable : null;
  }
}

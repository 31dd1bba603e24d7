package io.github.worklint.checker;

import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
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
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HasWorkFieldMismatch} and {@link HasWorkNotConstant} ask about {@code
 * HasWork.of(lookup, T.class, P.class, "f")} calls: which call it is, what its arguments name, and
 * whether it builds a constant.
 */
final class HasWorkCalls {

  /** {@code HasWork.of(MethodHandles.Lookup, Class<T>, Class<P>, String)}. */
  private static final Matcher<ExpressionTree> HAS_WORK_OF =
      staticMethod().onClass(WorkTypes.HAS_WORK).named("of");

  /** {@code MethodHandles.lookup()}: a lookup whose class is the class containing the call. */
  private static final Matcher<ExpressionTree> LOOKUP =
      staticMethod().onClass("java.lang.invoke.MethodHandles").named("lookup");

  private HasWorkCalls() {}

  /** Whether {@code tree} is a call of {@code HasWork.of} with its four arguments. */
  static boolean isHasWorkOf(ExpressionTree tree, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && call.getArguments().size() == 4
        && HAS_WORK_OF.matches(call, state);
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

  /** Whether {@code tree} is {@code MethodHandles.lookup()}, parenthesized or not. */
  static boolean isPlainLookup(ExpressionTree tree, VisitorState state) {
    return LOOKUP.matches(ASTHelpers.stripParentheses(tree), state);
  }

  /**
   * The class a class literal {@code X.class} names, or null if {@code tree} is anything else (a
   * variable, a cast, a method call) or names no class (a primitive, an array).
   */
  static @Nullable ClassSymbol classLiteral(ExpressionTree tree) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(tree);
    if (!(stripped instanceof MemberSelectTree select)
        || !select.getIdentifier().contentEquals("class")) {
      return null;
    }
    Type named = ASTHelpers.getType(select.getExpression());
    return named != null && named.hasTag(TypeTag.CLASS) && named.tsym instanceof ClassSymbol c
        ? c
        : null;
  }

  /** The compile-time constant field name of a {@code HasWork.of} call, or null. */
  static @Nullable String constantName(MethodInvocationTree call) {
    return ASTHelpers.constValue(call.getArguments().get(3), String.class);
  }

  /**
   * The field {@code HasWork.of} finds for {@code name}: the first of that name in {@code item},
   * then in its superclasses (interfaces are not searched, as reflection's {@code
   * getDeclaredFields} does not). Null if there is none.
   */
  static @Nullable VarSymbol findField(ClassSymbol item, String name, VisitorState state) {
    Types types = state.getTypes();
    try {
      for (Type t = item.type; t != null && t.hasTag(TypeTag.CLASS); t = types.supertype(t)) {
        for (Symbol member : t.tsym.getEnclosedElements()) {
          if (member instanceof VarSymbol field
              && member.getKind().isField()
              && member.getSimpleName().contentEquals(name)) {
            return field;
          }
        }
      }
    } catch (Symbol.CompletionFailure e) {
      return null; // a superclass is missing from the classpath: nothing can be decided
    }
    return null;
  }

  /**
   * Whether {@code fieldType} is exactly {@code Work<pointer>}, as {@code HasWork.of} demands: not
   * raw, not a wildcard, and its argument the pointer class itself (not a parameterization of it,
   * which reflection reports as a different type).
   */
  static boolean isSlotOf(@Nullable Type fieldType, ClassSymbol pointer, VisitorState state) {
    Type argument = WorkTypes.slotPointer(fieldType, state);
    return argument != null
        && argument.hasTag(TypeTag.CLASS)
        && !argument.isParameterized()
        && argument.tsym == pointer;
  }

  /** The fields of {@code item}'s hierarchy declared as exactly {@code Work<pointer>}. */
  static List<VarSymbol> slotsOf(ClassSymbol item, ClassSymbol pointer, VisitorState state) {
    List<VarSymbol> slots = new ArrayList<>();
    try {
      for (VarSymbol field : WorkTypes.workFields(item, state)) {
        if (isSlotOf(field.type, pointer, state)) {
          slots.add(field);
        }
      }
    } catch (Symbol.CompletionFailure e) {
      slots.clear();
    }
    return slots;
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
      if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
        child = parent;
        continue;
      }
      if (parent instanceof ConditionalExpressionTree conditional
          && conditional.getCondition() != child) {
        child = parent;
        continue;
      }
      if (parent instanceof VariableTree variable) {
        return variable.getInitializer() == child
            && isStaticFinalField(symbol(variable));
      }
      if (parent instanceof AssignmentTree assignment) {
        return assignment.getExpression() == child
            && isStaticFinalField(ASTHelpers.getSymbol(assignment.getVariable()));
      }
      return false;
    }
    return false;
  }

  /** The symbol of a declaration, or null where javac has none (ASTHelpers would throw). */
  static @Nullable VarSymbol symbol(VariableTree tree) {
    return tree instanceof JCTree.JCVariableDecl declaration ? declaration.sym : null;
  }

  static @Nullable MethodSymbol symbol(MethodTree tree) {
    return tree instanceof JCTree.JCMethodDecl declaration ? declaration.sym : null;
  }

  static @Nullable ClassSymbol symbol(ClassTree tree) {
    return tree instanceof JCTree.JCClassDecl declaration ? declaration.sym : null;
  }

  /** The innermost class declaration around {@code path}, or null. */
  static @Nullable ClassTree enclosingClass(TreePath path) {
    return ASTHelpers.findEnclosingNode(path, ClassTree.class);
  }

  /**
   * When the code at {@code path} runs, for messages: "when C is first used" for a static
   * initializer of C, "each time a C is created" for an instance initializer, otherwise "each time
   * this call runs".
   */
  static String whenItRuns(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent instanceof MethodTree || parent instanceof LambdaExpressionTree) {
        return "each time this call runs";
      }
      if (parent instanceof ClassTree type) {
        String name = type.getSimpleName().toString();
        boolean isStatic =
            (child instanceof VariableTree variable
                    && symbol(variable) != null
                    && ASTHelpers.isStatic(symbol(variable)))
                || (child instanceof BlockTree block && block.isStatic());
        if (name.isEmpty()) {
          return "each time this call runs";
        }
        return isStatic ? "when " + name + " is first used" : "each time a " + name + " is created";
      }
      child = parent;
    }
    return "each time this call runs";
  }
}

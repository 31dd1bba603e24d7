package io.github.worklint.checker;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Where code runs: the one walk up the enclosing path. The innermost code that contains a tree
 * is a constructor, an instance or static initializer (a block or a field's initializer), an
 * ordinary method (a pointer's {@code run()} among them), or a lambda or method reference, which
 * runs whenever it is called, possibly on another thread. Code of a class declared inside a
 * method is that class's own place, so code that a {@code run()} hands to another thread (a
 * lambda, an anonymous {@code Runnable}) is never the {@code run()} itself.
 */
final class Places {

  private Places() {}

  /** What kind of code directly contains a tree. */
  enum Kind {
    CONSTRUCTOR,
    /** An instance initializer block or the initializer of an instance field. */
    INSTANCE_INITIALIZER,
    /** A static initializer block or the initializer of a static field. */
    STATIC_INITIALIZER,
    METHOD,
    /** A lambda body or a method reference: it runs whenever it is called, not here. */
    LAMBDA,
  }

  /**
   * The kind of code, the class it belongs to (null for a lambda), and its tree: the method, the
   * initializer block or the field declaration (null for a lambda).
   */
  record Place(Kind kind, @Nullable ClassSymbol owner, @Nullable Tree code) {

    /** Whether this code runs while an instance of {@code type} is being constructed. */
    boolean constructs(@Nullable ClassSymbol type) {
      return type != null
          && owner == type
          && (kind == Kind.CONSTRUCTOR || kind == Kind.INSTANCE_INITIALIZER);
    }

    /** The method this code is, or null when it is not a method or constructor. */
    @Nullable MethodSymbol method() {
      return code instanceof MethodTree m ? ASTHelpers.getSymbol(m) : null;
    }

    /** "the constructor of Connection", "an instance initializer of Connection", "reset()"... */
    String describe() {
      String type = Names.of(owner);
      return switch (kind) {
        case CONSTRUCTOR -> "the constructor of " + type;
        case INSTANCE_INITIALIZER ->
            code instanceof VariableTree v
                ? "the initializer of field " + v.getName() + " of " + type
                : "an instance initializer of " + type;
        case STATIC_INITIALIZER -> "a static initializer of " + type;
        case METHOD -> code instanceof MethodTree m ? "method " + m.getName() + "()" : "a method";
        case LAMBDA -> "a lambda";
      };
    }

    /** "when C is first used", "each time a C is created", or "each time this call runs". */
    String whenItRuns() {
      if (owner == null || owner.isAnonymous()) {
        return "each time this call runs";
      }
      return switch (kind) {
        case STATIC_INITIALIZER -> "when " + owner.getSimpleName() + " is first used";
        case INSTANCE_INITIALIZER -> "each time " + Names.a(Names.of(owner)) + " is created";
        default -> "each time this call runs";
      };
    }
  }

  /** Where the leaf of {@code path} is; null when it is not inside any code of a class. */
  static @Nullable Place of(TreePath path) {
    Tree previous = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MemberReferenceTree) {
        return new Place(Kind.LAMBDA, null, null);
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return new Place(
            symbol.isConstructor() ? Kind.CONSTRUCTOR : Kind.METHOD, symbol.enclClass(), method);
      }
      if (leaf instanceof ClassTree type) {
        ClassSymbol owner = ASTHelpers.getSymbol(type);
        if (previous instanceof BlockTree block) {
          return new Place(
              block.isStatic() ? Kind.STATIC_INITIALIZER : Kind.INSTANCE_INITIALIZER, owner, block);
        }
        if (previous instanceof VariableTree field) {
          return new Place(
              ASTHelpers.isStatic(ASTHelpers.getSymbol(field))
                  ? Kind.STATIC_INITIALIZER
                  : Kind.INSTANCE_INITIALIZER,
              owner,
              field);
        }
        return null;
      }
      previous = leaf;
    }
    return null;
  }

  /**
   * Where an expression is, for messages: the variable it initialises or is assigned to when it
   * is the whole value, else the code that contains it ("in a constructor of C", "in C.m()", "in
   * a lambda", "in an initializer block").
   */
  static String site(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree parent = p.getLeaf();
      if (parent instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol.isConstructor()
            ? "in a constructor of " + Names.of(symbol.owner)
            : "in " + Names.of(symbol.owner) + "." + method.getName() + "()";
      }
      if (parent instanceof LambdaExpressionTree) {
        return "in a lambda";
      }
      if (parent instanceof VariableTree variable && variable.getInitializer() == child) {
        return "in the initializer of " + variableNoun(ASTHelpers.getSymbol(variable));
      }
      if (parent instanceof AssignmentTree assignment && assignment.getExpression() == child) {
        return "in an assignment to " + variableNoun(ASTHelpers.getSymbol(assignment.getVariable()));
      }
      if (parent instanceof ClassTree) {
        return "in an initializer block";
      }
      child = parent;
    }
    return "here";
  }

  /** "the local variable w", "the instance field w", "the non-final static field W". */
  static String variableNoun(@Nullable Symbol symbol) {
    if (!(symbol instanceof VarSymbol)) {
      return "a variable";
    }
    String name = symbol.getSimpleName().toString();
    if (symbol.getKind() != ElementKind.FIELD) {
      return "the local variable " + name;
    }
    return ASTHelpers.isStatic(symbol)
        ? "the non-final static field " + name
        : "the instance field " + name;
  }

  /** Whether code at {@code path} has an instance of {@code owner} as (an enclosing) this. */
  static boolean hasInstanceOf(TreePath path, ClassSymbol owner) {
    Tree previous = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        if (ASTHelpers.isStatic(ASTHelpers.getSymbol(method))) {
          return false;
        }
      } else if (leaf instanceof ClassTree type) {
        ClassSymbol symbol = ASTHelpers.getSymbol(type);
        boolean staticMember =
            (previous instanceof BlockTree block && block.isStatic())
                || (previous instanceof VariableTree member
                    && ASTHelpers.isStatic(ASTHelpers.getSymbol(member)));
        if (symbol == owner) {
          return !staticMember;
        }
        if (ASTHelpers.isStatic(symbol) || staticMember) {
          return false;
        }
      }
      previous = leaf;
    }
    return false;
  }

  /** The declaration of {@code type} around {@code path}, or null. */
  static @Nullable ClassTree enclosing(TreePath path, ClassSymbol type) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree tree && ASTHelpers.getSymbol(tree) == type) {
        return tree;
      }
    }
    return null;
  }
}

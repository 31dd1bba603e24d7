package io.github.worklint.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Whether an expression refers to the object under construction ({@code this}), for {@link
 * MisdeclaredWorkField} and {@link EnqueueInConstructor}; which code runs during construction is
 * {@link Places}' question.
 */
final class Construction {

  private Construction() {}

  /**
   * Whether {@code receiver}, the qualifier of a field access (null when the field is accessed
   * by its simple name), is the object of the code that contains it: nothing, {@code this} or
   * {@code C.this} for the class {@code C} the code belongs to.
   */
  static boolean isOwnReceiver(@Nullable ExpressionTree receiver, @Nullable ClassSymbol owner) {
    if (receiver == null) {
      return true;
    }
    ExpressionTree r = ASTHelpers.stripParentheses(receiver);
    if (r instanceof IdentifierTree id) {
      return id.getName().contentEquals("this");
    }
    if (r instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this")) {
      return owner != null && ASTHelpers.getSymbol(select.getExpression()) == owner;
    }
    return false;
  }

  /**
   * The qualifier of a field access {@code a.f}, or null for a simple name {@code f}
   * ({@code ASTHelpers.getReceiver} rejects a simple name that is not a static import).
   */
  static @Nullable ExpressionTree qualifier(ExpressionTree access) {
    ExpressionTree a = ASTHelpers.stripParentheses(access);
    return a instanceof MemberSelectTree select ? ASTHelpers.getReceiver(select) : null;
  }

  /**
   * Whether {@code tree} mentions the {@code this} of {@code type}: an explicit {@code this} that
   * means it (not one inside a class body declared within {@code tree}) or {@code type.this}.
   * With {@code implicitToo}, also a use of an instance member of {@code type} by its simple name
   * ({@code field}, {@code method()}, {@code super.m()}), which reads {@code this} implicitly.
   */
  static boolean mentionsThis(
      Tree tree, ClassSymbol type, boolean implicitToo, VisitorState state) {
    Boolean found = new ThisFinder(type, implicitToo, state).scan(tree, null);
    return found != null && found;
  }

  /** Finds a reference to the object under construction; see {@link #mentionsThis}. */
  private static final class ThisFinder extends TreeScanner<Boolean, Void> {
    private final ClassSymbol type;
    private final boolean implicitToo;
    private final VisitorState state;
    /** The classes declared inside the scanned tree that enclose the current node. */
    private final Deque<ClassSymbol> nested = new ArrayDeque<>();

    ThisFinder(ClassSymbol type, boolean implicitToo, VisitorState state) {
      this.type = type;
      this.implicitToo = implicitToo;
      this.state = state;
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return (a != null && a) || (b != null && b);
    }

    @Override
    public Boolean visitClass(ClassTree tree, Void unused) {
      ClassSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null) {
        return false;
      }
      nested.push(symbol);
      try {
        return super.visitClass(tree, null);
      } finally {
        nested.pop();
      }
    }

    @Override
    public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
      if (tree.getName().contentEquals("this") || tree.getName().contentEquals("super")) {
        return nested.isEmpty();
      }
      return implicitToo && isImplicitMemberOfType(ASTHelpers.getSymbol(tree));
    }

    @Override
    public Boolean visitMemberSelect(MemberSelectTree tree, Void unused) {
      if (tree.getIdentifier().contentEquals("this")
          && ASTHelpers.getSymbol(tree.getExpression()) == type) {
        return true;
      }
      return super.visitMemberSelect(tree, null);
    }

    @Override
    public Boolean visitNewClass(NewClassTree tree, Void unused) {
      if (implicitToo && tree.getEnclosingExpression() == null) {
        // new Inner() of an inner class of the type passes this as the outer instance.
        MethodSymbol constructor = ASTHelpers.getSymbol(tree);
        Symbol created = constructor == null ? null : constructor.owner;
        if (created instanceof ClassSymbol c
            && c.hasOuterInstance()
            && c.owner instanceof ClassSymbol outer
            && type.isSubClass(outer, state.getTypes())
            && nested.stream().noneMatch(n -> n.isSubClass(outer, state.getTypes()))) {
          return true;
        }
      }
      return super.visitNewClass(tree, null);
    }

    /** A field or method of the type (or its superclasses) reached through an implicit this. */
    private boolean isImplicitMemberOfType(@Nullable Symbol symbol) {
      if (symbol == null
          || ASTHelpers.isStatic(symbol)
          || !(symbol.owner instanceof ClassSymbol owner)
          || (symbol.getKind() != javax.lang.model.element.ElementKind.FIELD
              && symbol.getKind() != javax.lang.model.element.ElementKind.METHOD)) {
        return false;
      }
      // Inside a nested class that has the member itself, the simple name means that class's own.
      return type.isSubClass(owner, state.getTypes())
          && nested.stream().noneMatch(n -> n.isSubClass(owner, state.getTypes()));
    }
  }
}

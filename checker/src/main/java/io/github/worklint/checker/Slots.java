package io.github.worklint.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a class hierarchy as {@code HasWork.of} sees them: the one walk from a class up
 * its superclasses (never its interfaces, as reflection's {@code getDeclaredFields} does not).
 *
 * <p>One policy for a class that cannot be completed (a superclass missing from the class path):
 * the walk answers as if there were no fields, so every check reports nothing; it never throws.
 */
final class Slots {

  private Slots() {}

  /**
   * The fields of {@code type} and its superclasses that satisfy {@code wanted}, the topmost
   * superclass's first, each class's in declaration order; empty if the hierarchy is incomplete.
   */
  static ImmutableList<VarSymbol> fields(
      ClassSymbol type, Predicate<VarSymbol> wanted, VisitorState state) {
    List<VarSymbol> fields = new ArrayList<>();
    Types types = state.getTypes();
    try {
      for (Type t = type.type; t != null && t.hasTag(TypeTag.CLASS); t = types.supertype(t)) {
        List<VarSymbol> declared = new ArrayList<>();
        for (Symbol member : t.tsym.getEnclosedElements()) {
          if (member instanceof VarSymbol field
              && member.getKind() == ElementKind.FIELD
              && wanted.test(field)) {
            declared.add(field);
          }
        }
        fields.addAll(0, declared);
      }
    } catch (Symbol.CompletionFailure e) {
      return ImmutableList.of();
    }
    return ImmutableList.copyOf(fields);
  }

  /**
   * Whether {@code type} and all its superclasses can be completed: when one is missing from the
   * class path, what {@code HasWork.of} would find cannot be known, and the checks say nothing.
   */
  static boolean complete(ClassSymbol type, VisitorState state) {
    Types types = state.getTypes();
    try {
      for (Type t = type.type; ; t = types.supertype(t)) {
        if (t == null || t.isErroneous()) {
          return false;
        }
        if (!t.hasTag(TypeTag.CLASS)) {
          return t.hasTag(TypeTag.NONE); // above Object
        }
        t.tsym.complete();
        if (t.tsym.type.isErroneous()
            || !(t.tsym instanceof ClassSymbol c)
            || (c.classfile == null && c.sourcefile == null)) {
          return false; // javac has handled the failure and left a symbol without a class file
        }
      }
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
  }

  /** The slot fields ({@code Work}, any parameterization) of {@code type}'s hierarchy. */
  static ImmutableList<VarSymbol> of(ClassSymbol type, VisitorState state) {
    return fields(type, f -> WorkTypes.isWork(f.type, state), state);
  }

  /**
   * The field {@code HasWork.of} finds for {@code name}: the first of that name in {@code item},
   * then in its superclasses. Null if there is none or the hierarchy is incomplete.
   */
  static @Nullable VarSymbol named(ClassSymbol item, String name, VisitorState state) {
    Types types = state.getTypes();
    try {
      for (Type t = item.type; t != null && t.hasTag(TypeTag.CLASS); t = types.supertype(t)) {
        for (Symbol member : t.tsym.getEnclosedElements()) {
          if (member instanceof VarSymbol field
              && member.getKind() == ElementKind.FIELD
              && member.getSimpleName().contentEquals(name)) {
            return field;
          }
        }
      }
    } catch (Symbol.CompletionFailure e) {
      return null;
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
  static ImmutableList<VarSymbol> exactlyOf(
      ClassSymbol item, ClassSymbol pointer, VisitorState state) {
    return fields(item, f -> isSlotOf(f.type, pointer, state), state);
  }

  /** The slots of {@code item}'s hierarchy whose pointer type is {@code pointer}. */
  static ImmutableList<VarSymbol> selectedBy(ClassSymbol item, Type pointer, VisitorState state) {
    return fields(
        item, f -> WorkTypes.sameType(WorkTypes.slotPointer(f.type, state), pointer, state), state);
  }

  /** A fresh slot: {@code new Work<>()}, {@code new Work<P>()}, or a conditional between two of them. */
  static boolean isFresh(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    if (e instanceof NewClassTree created) {
      return created.getEnclosingExpression() == null
          && created.getClassBody() == null
          && WorkTypes.isWork(ASTHelpers.getType(created), state);
    }
    if (e instanceof ConditionalExpressionTree conditional) {
      return isFresh(conditional.getTrueExpression(), state)
          && isFresh(conditional.getFalseExpression(), state);
    }
    return false;
  }
}

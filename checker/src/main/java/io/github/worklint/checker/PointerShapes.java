package io.github.worklint.checker;


import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Questions about pointer types and descriptors shared by {@link WorkPointerNotNewtype} and {@link
 * WorkPointerTargetMismatch}.
 */
final class PointerShapes {

  private PointerShapes() {}

  /** Whether {@code type} implements {@code WorkItemPointer} without type arguments. */
  static boolean implementsRawPointer(@Nullable Type type, VisitorState state) {
    Type pointer = WorkTypes.pointerType(state);
    if (type == null || pointer == null) {
      return false;
    }
    Type asPointer = state.getTypes().asSuper(type, pointer.tsym);
    return asPointer != null && asPointer.getTypeArguments().isEmpty();
  }

  /**
   * The pointer type {@code Q} of a {@code HasWork<X, Q>}; null for raw {@code HasWork}, a
   * wildcard, or a type that is not {@code HasWork}.
   */
  static @Nullable Type descriptorPointer(@Nullable Type type, VisitorState state) {
    if (!WorkTypes.isHasWork(type, state) || type.getTypeArguments().size() != 2) {
      return null;
    }
    Type argument = type.getTypeArguments().get(1);
    return argument.hasTag(TypeTag.CLASS) ? argument : null;
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

  /** The class named by a class literal {@code C.class}, casts aside; null for anything else. */
  static @Nullable ClassSymbol classLiteral(ExpressionTree tree) {
    return HasWorkCalls.classLiteral(stripCasts(tree));
  }

  /** Whether {@code type} mentions a type variable anywhere. */
  static boolean mentionsTypeVariable(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    if (type.hasTag(TypeTag.TYPEVAR)) {
      return true;
    }
    if (type.hasTag(TypeTag.ARRAY)) {
      return mentionsTypeVariable(((Type.ArrayType) type).getComponentType());
    }
    if (type.hasTag(TypeTag.WILDCARD)) {
      return mentionsTypeVariable(((Type.WildcardType) type).type);
    }
    if (!type.hasTag(TypeTag.CLASS)) {
      return false;
    }
    for (Type argument : type.getTypeArguments()) {
      if (mentionsTypeVariable(argument)) {
        return true;
      }
    }
    return mentionsTypeVariable(type.getEnclosingType());
  }

  /** A type as a reader writes it, with simple names: {@code Ptr<Connection>}. */
  static String simpleName(@Nullable Type type) {
    if (type == null) {
      return "?";
    }
    if (type.hasTag(TypeTag.ARRAY)) {
      return simpleName(((Type.ArrayType) type).getComponentType()) + "[]";
    }
    if (!type.hasTag(TypeTag.CLASS) && !type.hasTag(TypeTag.TYPEVAR)) {
      return type.toString();
    }
    String name = type.tsym == null ? type.toString() : type.tsym.getSimpleName().toString();
    List<Type> arguments = type.getTypeArguments();
    if (arguments.isEmpty()) {
      return name;
    }
    return name
        + arguments.stream().map(PointerShapes::simpleName).collect(Collectors.joining(", ", "<", ">"));
  }

  /** The simple name of a class, or a description of an anonymous one. */
  static String className(ClassSymbol symbol) {
    if (!symbol.isAnonymous()) {
      return symbol.getSimpleName().toString();
    }
    Type supertype = symbol.getSuperclass();
    List<Type> interfaces = symbol.getInterfaces();
    Type named = !interfaces.isEmpty() ? interfaces.get(0) : supertype;
    return "the anonymous " + simpleName(named);
  }
}

package io.github.worklint.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import org.jspecify.annotations.Nullable;

/**
 * Pointer types: classes implementing {@code WorkItemPointer<T, P>}, their item type {@code T},
 * their declared {@code P}, and their {@code run()} and {@code hasWork()}, which are found as
 * overrides of {@code WorkItemPointer}'s methods, not by name.
 */
final class Pointers {

  private Pointers() {}

  /**
   * {@code WorkItemPointer<T, P>} as a supertype of {@code type}, or null if {@code type} does not
   * implement it (or implements it raw).
   */
  static @Nullable Type supertype(@Nullable Type type, VisitorState state) {
    Type pointer = WorkTypes.pointerType(state);
    if (type == null || pointer == null) {
      return null;
    }
    try {
      Type asPointer = state.getTypes().asSuper(type, pointer.tsym);
      return asPointer == null || asPointer.getTypeArguments().size() != 2 ? null : asPointer;
    } catch (Symbol.CompletionFailure e) {
      return null;
    }
  }

  /** Whether {@code type} implements {@code WorkItemPointer} without type arguments. */
  static boolean implementsRaw(@Nullable Type type, VisitorState state) {
    Type pointer = WorkTypes.pointerType(state);
    if (type == null || pointer == null) {
      return false;
    }
    try {
      Type asPointer = state.getTypes().asSuper(type, pointer.tsym);
      return asPointer != null && asPointer.getTypeArguments().isEmpty();
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
  }

  /** Whether {@code type} is a pointer type (raw ones excluded). */
  static boolean isPointer(@Nullable Symbol type, VisitorState state) {
    return type instanceof ClassSymbol c && supertype(c.type, state) != null;
  }

  /** The item type {@code T} a pointer type declares, or null if it is not a pointer type. */
  static @Nullable Type item(@Nullable Type pointerType, VisitorState state) {
    Type asPointer = supertype(pointerType, state);
    return asPointer == null ? null : asPointer.getTypeArguments().get(0);
  }

  /** The pointer type {@code P} a pointer type declares, or null if it is not a pointer type. */
  static @Nullable Type declaredSelf(@Nullable Type pointerType, VisitorState state) {
    Type asPointer = supertype(pointerType, state);
    return asPointer == null ? null : asPointer.getTypeArguments().get(1);
  }

  /** Whether {@code method} implements {@code WorkItemPointer.run()}. */
  static boolean isRun(@Nullable MethodSymbol method, VisitorState state) {
    return overridesPointerMethod(method, "run", state);
  }

  /** Whether {@code method} implements {@code WorkItemPointer.hasWork()}. */
  static boolean isHasWork(@Nullable MethodSymbol method, VisitorState state) {
    return overridesPointerMethod(method, "hasWork", state);
  }

  private static boolean overridesPointerMethod(
      @Nullable MethodSymbol method, String name, VisitorState state) {
    Type pointer = WorkTypes.pointerType(state);
    if (method == null
        || pointer == null
        || method.isStatic()
        || !method.getSimpleName().contentEquals(name)
        || !method.getParameters().isEmpty()) {
      return false; // the cheap tests first: most methods are not called run or hasWork
    }
    try {
      return ASTHelpers.streamSuperMethods(method, state.getTypes())
          .anyMatch(m -> m.owner == pointer.tsym);
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
  }

  /**
   * The pointer type {@code Q} of a {@code HasWork<X, Q>}; null for raw {@code HasWork}, a
   * wildcard, or a type that is not a descriptor.
   */
  static @Nullable Type ofDescriptor(@Nullable Type type, VisitorState state) {
    if (!WorkTypes.isHasWork(type, state) || type.getTypeArguments().size() != 2) {
      return null;
    }
    Type argument = type.getTypeArguments().get(1);
    return argument.hasTag(TypeTag.CLASS) ? argument : null;
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

  /** One piece of a pointer's instance state. */
  record Part(String description, Type type, boolean isFinal) {}

  /**
   * A pointer's instance state: a record's components; a class's enclosing instance, if any,
   * then the instance fields of it and its superclasses.
   */
  static List<Part> state(ClassSymbol pointer, VisitorState state) {
    return ASTHelpers.isRecord(pointer) ? components(pointer, state) : fields(pointer, state);
  }

  private static List<Part> components(ClassSymbol pointer, VisitorState state) {
    List<Part> parts = new ArrayList<>();
    for (Symbol.RecordComponent component : pointer.getRecordComponents()) {
      parts.add(
          new Part(
              "component " + component.getSimpleName(),
              state.getTypes().memberType(pointer.type, component),
              true));
    }
    return parts;
  }

  /**
   * The instance state of a class: its enclosing instance, if any, then its own and its
   * superclasses' instance fields.
   */
  private static List<Part> fields(ClassSymbol pointer, VisitorState state) {
    List<Part> parts = new ArrayList<>();
    Types types = state.getTypes();
    Type enclosing = pointer.type.getEnclosingType();
    if (enclosing != null && enclosing.hasTag(TypeTag.CLASS)) {
      parts.add(
          new Part("its enclosing " + Names.type(enclosing) + " instance", enclosing,
              true));
    }
    Symbol enumClass = state.getSymtab().enumSym;
    for (VarSymbol field :
        Slots.fields(
            pointer,
            f -> !f.isStatic() && (f.flags() & Flags.SYNTHETIC) == 0 && f.owner != enumClass,
            state)) {
      parts.add(
          new Part(
              "field " + field.getSimpleName(),
              types.memberType(pointer.type, field),
              (field.flags() & Flags.FINAL) != 0));
    }
    return parts;
  }

  /**
   * {@code x} of {@code new P(x)} (parentheses aside, no class body), the item a pointer is built
   * from; null for any other expression.
   */
  static @Nullable ExpressionTree builtFrom(ExpressionTree expression) {
    return ASTHelpers.stripParentheses(expression) instanceof NewClassTree created
            && created.getArguments().size() == 1
            && created.getClassBody() == null
        ? created.getArguments().get(0)
        : null;
  }
}

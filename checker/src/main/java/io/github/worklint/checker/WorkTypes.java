package io.github.worklint.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;

/**
 * The worklint runtime's types, resolved once per compilation, and the questions every check asks
 * about them. Types are matched by fully qualified name, so a user class that happens to be called
 * {@code Work} is never mistaken for the slot.
 */
final class WorkTypes {

  static final String PACKAGE = "io.github.worklint.workqueue";
  static final String WORK = PACKAGE + ".Work";
  static final String HAS_WORK = PACKAGE + ".HasWork";
  static final String POINTER = PACKAGE + ".WorkItemPointer";
  static final String WORK_QUEUE = PACKAGE + ".WorkQueue";

  /** Where the check pages live; each check links to {@code docs/bugpatterns/<Name>.md}. */
  static final String DOCS = "https://github.com/worklint/worklint/blob/main/docs/bugpatterns/";

  private static final Supplier<Type> WORK_TYPE = Suppliers.typeFromString(WORK);
  private static final Supplier<Type> HAS_WORK_TYPE = Suppliers.typeFromString(HAS_WORK);
  private static final Supplier<Type> POINTER_TYPE = Suppliers.typeFromString(POINTER);

  /** A one-entry cache: javac hands the checks one compilation unit at a time. */
  private static final Supplier<UnitScope> UNIT_SCOPE = VisitorState.memoize(s -> new UnitScope());

  private WorkTypes() {}

  /**
   * Whether the current compilation unit can involve the runtime at all: its source mentions the
   * runtime's package (an import, a qualified name or its own package declaration) and the
   * runtime is on the classpath. Every matcher asks this first; it costs one scan of the source
   * per compilation unit and no symbol look-up where the answer is no.
   */
  static boolean inScope(VisitorState state) {
    return UNIT_SCOPE.get(state).test(state) && workType(state) != null;
  }

  static @Nullable Type workType(VisitorState state) {
    return WORK_TYPE.get(state);
  }

  static @Nullable Type hasWorkType(VisitorState state) {
    return HAS_WORK_TYPE.get(state);
  }

  static @Nullable Type pointerType(VisitorState state) {
    return POINTER_TYPE.get(state);
  }

  /** Whether {@code type} is {@code Work}, parameterized or not. */
  static boolean isWork(@Nullable Type type, VisitorState state) {
    return isClass(type, workType(state));
  }

  /** Whether {@code type} is {@code HasWork}, parameterized or not. */
  static boolean isHasWork(@Nullable Type type, VisitorState state) {
    return isClass(type, hasWorkType(state));
  }

  private static boolean isClass(@Nullable Type type, @Nullable Type wanted) {
    return type != null && wanted != null && type.tsym == wanted.tsym;
  }

  /**
   * The pointer type {@code P} of a {@code Work<P>}; null for raw {@code Work}, a wildcard, or a
   * type that is not {@code Work}.
   */
  static @Nullable Type slotPointer(@Nullable Type workType, VisitorState state) {
    if (!isWork(workType, state) || workType.getTypeArguments().size() != 1) {
      return null;
    }
    Type argument = workType.getTypeArguments().get(0);
    return argument.hasTag(TypeTag.WILDCARD) ? null : argument;
  }

  /**
   * {@code WorkItemPointer<T, P>} as a supertype of {@code type}, or null if {@code type} does not
   * implement it (or implements it raw).
   */
  static @Nullable Type pointerSupertype(@Nullable Type type, VisitorState state) {
    Type pointer = pointerType(state);
    if (type == null || pointer == null) {
      return null;
    }
    Type asPointer = state.getTypes().asSuper(type, pointer.tsym);
    return asPointer == null || asPointer.getTypeArguments().size() != 2 ? null : asPointer;
  }

  /** The item type {@code T} a pointer type declares, or null if it is not a pointer type. */
  static @Nullable Type pointerItem(@Nullable Type pointerType, VisitorState state) {
    Type asPointer = pointerSupertype(pointerType, state);
    return asPointer == null ? null : asPointer.getTypeArguments().get(0);
  }

  /**
   * The {@code Work} fields of {@code type} and its superclasses, the fields {@code HasWork.of}
   * searches: the topmost superclass's first, each class's in declaration order.
   */
  static ImmutableList<VarSymbol> workFields(ClassSymbol type, VisitorState state) {
    List<VarSymbol> fields = new ArrayList<>();
    Types types = state.getTypes();
    for (Type t = type.type; t != null && t.hasTag(TypeTag.CLASS); t = types.supertype(t)) {
      List<VarSymbol> declared = new ArrayList<>();
      for (Symbol member : t.tsym.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && isWork(member.type, state)) {
          declared.add((VarSymbol) member);
        }
      }
      fields.addAll(0, declared);
    }
    return ImmutableList.copyOf(fields);
  }

  /** Whether two types are the same, ignoring type annotations. */
  static boolean sameType(@Nullable Type a, @Nullable Type b, VisitorState state) {
    return a != null && b != null && state.getTypes().isSameType(a, b);
  }

  /** Remembers, for the unit being checked, whether its source mentions the runtime's package. */
  private static final class UnitScope {
    private @Nullable CompilationUnitTree unit;
    private boolean mentionsRuntime;

    boolean test(VisitorState state) {
      CompilationUnitTree current = state.getPath().getCompilationUnit();
      if (current != unit) {
        unit = current;
        CharSequence source = state.getSourceCode();
        mentionsRuntime = source != null && source.toString().contains(PACKAGE);
      }
      return mentionsRuntime;
    }
  }
}

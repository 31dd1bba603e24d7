package io.github.worklint.checker;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The worklint runtime's types, resolved once per compilation. Types are matched by fully
 * qualified name, so a user class that happens to be called {@code Work} is never mistaken for
 * the slot.
 *
 * <p>The families of slot types are tables: a slot class, the class whose {@code of} builds its
 * descriptor, and the queue methods that enqueue it. A second family is added as one more entry
 * in each list; an entry whose class is not on the class path is skipped.
 */
final class WorkTypes {

  static final String PACKAGE = "io.github.worklint.workqueue";
  static final String WORK = PACKAGE + ".Work";
  static final String HAS_WORK = PACKAGE + ".HasWork";
  static final String POINTER = PACKAGE + ".WorkItemPointer";
  static final String WORK_QUEUE = PACKAGE + ".WorkQueue";

  /** The slot classes: a field of one of these types is a slot. */
  static final ImmutableList<String> SLOT_CLASSES = ImmutableList.of(WORK);

  /** The descriptor classes, each with a static {@code of(lookup, T.class, P.class, name)}. */
  static final ImmutableList<String> DESCRIPTOR_CLASSES = ImmutableList.of(HAS_WORK);

  /** The {@code WorkQueue} methods that queue a pointer given as their first argument. */
  static final ImmutableList<String> ENQUEUE_METHODS = ImmutableList.of("enqueue");

  /** Where the check pages live; each check links to {@code docs/bugpatterns/<Name>.md}. */
  static final String DOCS = "https://github.com/worklint/worklint/blob/main/docs/bugpatterns/";

  private static final Supplier<Type> WORK_TYPE = Suppliers.typeFromString(WORK);
  private static final Supplier<Type> POINTER_TYPE = Suppliers.typeFromString(POINTER);
  private static final Supplier<ImmutableList<Type>> SLOT_TYPES = resolved(SLOT_CLASSES);
  private static final Supplier<ImmutableList<Type>> DESCRIPTOR_TYPES =
      resolved(DESCRIPTOR_CLASSES);

  private WorkTypes() {}

  private static Supplier<ImmutableList<Type>> resolved(ImmutableList<String> names) {
    return VisitorState.memoize(
        state ->
            names.stream()
                .map(state::getTypeFromString)
                .filter(Objects::nonNull)
                .collect(toImmutableList()));
  }

  /** Whether the current compilation unit is checked at all; see {@link Scope}. */
  static boolean inScope(VisitorState state) {
    return Scope.inScope(state);
  }

  /** {@code Work}, or null when the runtime is not on the class path. */
  static @Nullable Type workType(VisitorState state) {
    return WORK_TYPE.get(state);
  }

  static @Nullable Type pointerType(VisitorState state) {
    return POINTER_TYPE.get(state);
  }

  /** Whether {@code type} is a slot class ({@code Work}), parameterized or not. */
  static boolean isWork(@Nullable Type type, VisitorState state) {
    return isOneOf(type, SLOT_TYPES.get(state));
  }

  /** Whether {@code type} is a descriptor class ({@code HasWork}), parameterized or not. */
  static boolean isHasWork(@Nullable Type type, VisitorState state) {
    return isOneOf(type, DESCRIPTOR_TYPES.get(state));
  }

  private static boolean isOneOf(@Nullable Type type, ImmutableList<Type> wanted) {
    if (type == null) {
      return false;
    }
    for (Type w : wanted) {
      if (type.tsym == w.tsym) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pointer type {@code P} of a {@code Work<P>}; null for raw {@code Work}, a wildcard, or a
   * type that is not a slot.
   */
  static @Nullable Type slotPointer(@Nullable Type workType, VisitorState state) {
    if (!isWork(workType, state) || workType.getTypeArguments().size() != 1) {
      return null;
    }
    Type argument = workType.getTypeArguments().get(0);
    return argument.hasTag(TypeTag.WILDCARD) ? null : argument;
  }

  /** Whether two types are the same, ignoring type annotations. */
  static boolean sameType(@Nullable Type a, @Nullable Type b, VisitorState state) {
    return a != null && b != null && state.getTypes().isSameType(a, b);
  }
}

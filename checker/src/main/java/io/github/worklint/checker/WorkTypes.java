package io.github.worklint.checker;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Symbol;
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
 * descriptor, and the queue methods that enqueue or arm it. There are two families, plain ({@code
 * Work}, {@code HasWork}, {@code enqueue}) and delayed ({@code DelayedWork}, {@code
 * HasDelayedWork}, {@code enqueueDelayed} and {@code modDelayed}); a family is one more entry in
 * each list and one {@link Family} constant. An entry whose class is not on the class path is
 * skipped.
 */
final class WorkTypes {

  static final String PACKAGE = "io.github.worklint.workqueue";
  static final String WORK = PACKAGE + ".Work";
  static final String HAS_WORK = PACKAGE + ".HasWork";
  static final String POINTER = PACKAGE + ".WorkItemPointer";
  static final String WORK_QUEUE = PACKAGE + ".WorkQueue";
  static final String DELAYED_WORK = PACKAGE + ".DelayedWork";
  static final String HAS_DELAYED_WORK = PACKAGE + ".HasDelayedWork";
  static final String DELAYED_POINTER = PACKAGE + ".DelayedWorkItemPointer";

  /** The slot classes: a field of one of these types is a slot. */
  static final ImmutableList<String> SLOT_CLASSES = ImmutableList.of(WORK, DELAYED_WORK);

  /**
   * The descriptor classes, each with a static {@code of(lookup, T.class, P.class, name)}; the
   * i-th describes slots of the i-th slot class, and only those.
   */
  static final ImmutableList<String> DESCRIPTOR_CLASSES =
      ImmutableList.of(HAS_WORK, HAS_DELAYED_WORK);

  /** The {@code WorkQueue} methods that queue or arm a pointer given as their first argument. */
  static final ImmutableList<String> ENQUEUE_METHODS =
      ImmutableList.of("enqueue", "enqueueDelayed", "modDelayed");

  /** Where the check pages live; each check links to {@code docs/bugpatterns/<Name>.md}. */
  static final String DOCS = "https://github.com/worklint/worklint/blob/main/docs/bugpatterns/";

  private static final Supplier<Type> WORK_TYPE = Suppliers.typeFromString(WORK);
  private static final Supplier<Type> POINTER_TYPE = Suppliers.typeFromString(POINTER);
  private static final Supplier<Type> DELAYED_POINTER_TYPE =
      Suppliers.typeFromString(DELAYED_POINTER);
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

  /** Whether {@code type} is a slot class ({@code Work}, {@code DelayedWork}), parameterized or not. */
  static boolean isWork(@Nullable Type type, VisitorState state) {
    return isOneOf(type, SLOT_TYPES.get(state));
  }

  /**
   * Whether {@code type} is a descriptor class ({@code HasWork}, {@code HasDelayedWork}),
   * parameterized or not.
   */
  static boolean isHasWork(@Nullable Type type, VisitorState state) {
    return isOneOf(type, DESCRIPTOR_TYPES.get(state));
  }

  private static boolean isOneOf(@Nullable Type type, ImmutableList<Type> wanted) {
    return type != null && indexOf(type.tsym, wanted) >= 0;
  }

  private static int indexOf(@Nullable Symbol symbol, ImmutableList<Type> wanted) {
    for (int i = 0; symbol != null && i < wanted.size(); i++) {
      if (symbol == wanted.get(i).tsym) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The family of a slot class or a descriptor class ({@code Work} and {@code HasWork} are one,
   * {@code DelayedWork} and {@code HasDelayedWork} another); null for any other type.
   */
  static @Nullable Family family(@Nullable Type type) {
    return type == null ? null : family(type.tsym);
  }

  /** {@link #family(Type)} of a class symbol, matched by its qualified name. */
  static @Nullable Family family(@Nullable Symbol type) {
    if (!(type instanceof Symbol.ClassSymbol c)) {
      return null;
    }
    String name = c.getQualifiedName().toString();
    int index = SLOT_CLASSES.indexOf(name);
    if (index < 0) {
      index = DESCRIPTOR_CLASSES.indexOf(name);
    }
    return index < 0 ? null : Family.values()[index];
  }

  /**
   * A family of slot types: the slot class, its descriptor class, and the pointer interface its
   * pointers implement, by their simple names, as messages print them.
   */
  enum Family {
    PLAIN("Work", "HasWork", "WorkItemPointer"),
    DELAYED("DelayedWork", "HasDelayedWork", "DelayedWorkItemPointer");

    final String slot;
    final String descriptor;
    final String pointer;

    Family(String slot, String descriptor, String pointer) {
      this.slot = slot;
      this.descriptor = descriptor;
      this.pointer = pointer;
    }

    /** "Work<Flush>", "DelayedWork<Timeout>". */
    String slotOf(String pointerName) {
      return slot + "<" + pointerName + ">";
    }

    /** "HasWork.of", "HasDelayedWork.of". */
    String factory() {
      return descriptor + ".of";
    }

    /** "new Work<>()", "new DelayedWork<>()". */
    String fresh() {
      return "new " + slot + "<>()";
    }
  }

  /**
   * The family a pointer type belongs to: {@code DELAYED} for a {@code DelayedWorkItemPointer},
   * else {@code PLAIN}.
   */
  static Family pointerFamily(@Nullable Type pointer, VisitorState state) {
    Type delayed = DELAYED_POINTER_TYPE.get(state);
    if (pointer == null || delayed == null) {
      return Family.PLAIN;
    }
    try {
      return state.getTypes().asSuper(pointer, delayed.tsym) != null ? Family.DELAYED : Family.PLAIN;
    } catch (Symbol.CompletionFailure e) {
      return Family.PLAIN;
    }
  }

  /**
   * The pointer type {@code P} of a {@code Work<P>} or {@code DelayedWork<P>}; null for a raw slot
   * type, a wildcard, or a type that is not a slot.
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

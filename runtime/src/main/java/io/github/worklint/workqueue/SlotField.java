package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The validated slot field behind a {@link HasWork} or {@link HasDelayedWork}: the checks of
 * {@code of} (the same for both kinds of slot, with the kind in the messages) and the field read.
 *
 * <p>A record, as is {@link PlainHasWork}, because HotSpot trusts the final fields of records: the
 * {@code VarHandle} of a descriptor held in a {@code static final} field is then a constant, and
 * {@link #read} compiles to a plain field load instead of the handle's generic linkage, which was
 * the larger part of a coalesced enqueue (see docs/performance.md). Built only by {@link #find}.
 */
record SlotField(Class<?> item, Class<?> pointer, String fieldName, VarHandle slot) {

  /**
   * Checks that {@code fieldName} is the one usable {@code kind<pointerType>} slot of {@code
   * itemType}; {@code kind} is {@link Work} or {@link DelayedWork}.
   */
  static SlotField find(MethodHandles.Lookup lookup, Class<?> itemType, Class<?> pointerType,
      String fieldName, Class<?> kind) {
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(itemType, "itemType");
    Objects.requireNonNull(pointerType, "pointerType");
    Objects.requireNonNull(fieldName, "fieldName");
    Field field = findField(itemType, fieldName);
    String where = field.getDeclaringClass().getName() + "." + fieldName;
    String wanted = kind.getSimpleName() + "<" + pointerType.getSimpleName() + ">";
    if (Modifier.isStatic(field.getModifiers())) {
      throw rejected(where, "is static: a static slot is shared by every item, so one item's"
          + " pending work hides every other's");
    }
    if (!Modifier.isFinal(field.getModifiers())) {
      throw rejected(where, "is not final: replacing a slot while it is queued loses its work");
    }
    Type declared = field.getGenericType();
    if (!isSlotOf(declared, kind, pointerType)) {
      throw rejected(where, "is declared as " + shortName(declared) + ", not exactly " + wanted
          + ": " + pointerType.getName() + " would run through a slot that is not its own"
          + hintForOtherKind(declared, kind, pointerType));
    }
    Field other = findOtherSlot(itemType, field, pointerType);
    if (other != null) {
      String otherName = other.getDeclaringClass().getName() + "." + other.getName();
      String otherKind = shortName(other.getGenericType());
      throw rejected(where, (otherKind.equals(shortName(declared))
          ? "is not the only " + wanted + " field of " + itemType.getName() + ": " + otherName
          : "is not the only slot of " + pointerType.getSimpleName() + " in "
              + itemType.getName() + ": " + otherName + ", a " + otherKind + ",")
          + " has the same pointer type, so both slots would share one pending state;"
          + " give each slot its own pointer newtype");
    }
    VarHandle handle;
    try {
      // The caller's own access rules, as for a JDK field updater: nestmates may read a private
      // slot, an unrelated class may not.
      handle = lookup.findVarHandle(field.getDeclaringClass(), fieldName, kind);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          where + " is not accessible from " + lookup.lookupClass().getName()
              + ": pass a MethodHandles.lookup() from the item's own nest", e);
    } catch (NoSuchFieldException e) {
      throw new AssertionError("reflection found " + where + " but the lookup did not", e);
    }
    return new SlotField(itemType, pointerType, fieldName, handle);
  }

  @SuppressWarnings("unchecked") // find() was given a Class<T> by a descriptor of T
  <T> Class<T> itemType() {
    return (Class<T>) item;
  }

  @SuppressWarnings("unchecked") // likewise for the pointer type
  <P> Class<P> pointerType() {
    return (Class<P>) pointer;
  }

  /** The slot object of {@code item}, checked not to be null. */
  Object read(@Nullable Object item) {
    if (item == null) {
      throw new NullPointerException("item");
    }
    Object work = slot.get(item);
    if (work == null) {
      throw new IllegalStateException(
          this.item.getName() + "." + fieldName + " is null: the item is still being constructed");
    }
    return work;
  }

  String describe(String kind) {
    return kind + "[" + item.getName() + "." + fieldName + " for "
        + pointer.getSimpleName() + "]";
  }

  private static String shortName(Type declared) {
    return declared.getTypeName()
        .replace(DelayedWork.class.getName(), "DelayedWork")
        .replace(Work.class.getName(), "Work");
  }

  private static String hintForOtherKind(Type declared, Class<?> kind, Class<?> pointerType) {
    if (kind == Work.class && isSlotOf(declared, DelayedWork.class, pointerType)) {
      return "; describe a DelayedWork slot with HasDelayedWork.of";
    }
    if (kind == DelayedWork.class && isSlotOf(declared, Work.class, pointerType)) {
      return "; describe a plain Work slot with HasWork.of, or declare it DelayedWork";
    }
    return "";
  }

  private static Field findField(Class<?> itemType, String fieldName) {
    for (Class<?> c = itemType; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(fieldName)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException(
        itemType.getName() + " has no field " + fieldName + " (its superclasses included)");
  }

  /** Another slot of the pointer type: a Work and a DelayedWork of one pointer type count as two. */
  private static @Nullable Field findOtherSlot(Class<?> itemType, Field slot, Class<?> pointerType) {
    for (Class<?> c = itemType; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Type type = f.getGenericType();
        if (!f.equals(slot) && (isSlotOf(type, Work.class, pointerType)
            || isSlotOf(type, DelayedWork.class, pointerType))) {
          return f;
        }
      }
    }
    return null;
  }

  private static boolean isSlotOf(Type declared, Class<?> kind, Class<?> pointerType) {
    return declared instanceof ParameterizedType parameterized
        && parameterized.getRawType() == kind
        && parameterized.getActualTypeArguments()[0] == pointerType;
  }

  private static IllegalArgumentException rejected(String where, String why) {
    return new IllegalArgumentException(where + " " + why);
  }
}

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
 * Says which field of the item type {@code T} holds the {@code Work<P>} slot of pointer type
 * {@code P}: Java's equivalent of the Rust workqueue's {@code OFFSET}.
 *
 * <p>Built once, like a JDK field updater, by {@link #of}, which checks everything reflection can
 * see; {@link #workOf} is then a plain field read. Keep the descriptor in a {@code static final}
 * field of the pointer type and return it from {@link WorkItemPointer#hasWork()}.
 *
 * @param <T> the item type
 * @param <P> the pointer type whose slot this describes
 */
public final class HasWork<T, P extends WorkItemPointer<T, P>> {

  private final Class<T> itemType;
  private final Class<P> pointerType;
  private final String fieldName;
  private final VarHandle slot;

  private HasWork(Class<T> itemType, Class<P> pointerType, String fieldName, VarHandle slot) {
    this.itemType = itemType;
    this.pointerType = pointerType;
    this.fieldName = fieldName;
    this.slot = slot;
  }

  /**
   * Describes the slot {@code fieldName} of {@code itemType} (declared there or in a superclass)
   * as the {@code Work<pointerType>} of that item.
   *
   * @param lookup a lookup with private access to the declaring class, normally {@code
   *     MethodHandles.lookup()} in the pointer type nested in the item
   * @throws IllegalArgumentException naming the class and field when the field is missing or
   *     inaccessible, its declared type is not exactly {@code Work<pointerType>}, it is static or
   *     not final, or another {@code Work<pointerType>} field exists in the item's hierarchy
   */
  public static <T, P extends WorkItemPointer<T, P>> HasWork<T, P> of(
      MethodHandles.Lookup lookup, Class<T> itemType, Class<P> pointerType, String fieldName) {
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(itemType, "itemType");
    Objects.requireNonNull(pointerType, "pointerType");
    Objects.requireNonNull(fieldName, "fieldName");
    Field field = findField(itemType, fieldName);
    String where = field.getDeclaringClass().getName() + "." + fieldName;
    String wanted = "Work<" + pointerType.getSimpleName() + ">";
    if (Modifier.isStatic(field.getModifiers())) {
      throw rejected(where, "is static: a static slot is shared by every item, so one item's"
          + " pending work hides every other's");
    }
    if (!Modifier.isFinal(field.getModifiers())) {
      throw rejected(where, "is not final: replacing a slot while it is queued loses its work");
    }
    Type declared = field.getGenericType();
    if (!isWorkOf(declared, pointerType)) {
      throw rejected(where, "is declared as " + declared.getTypeName().replace(
          Work.class.getName(), "Work") + ", not exactly " + wanted
          + ": " + pointerType.getName() + " would run through a slot that is not its own");
    }
    Field other = findOtherSlot(itemType, field, pointerType);
    if (other != null) {
      throw rejected(where, "is not the only " + wanted + " field of " + itemType.getName()
          + ": " + other.getDeclaringClass().getName() + "." + other.getName()
          + " has the same pointer type, so both slots would share one pending state;"
          + " give each slot its own pointer newtype");
    }
    VarHandle handle;
    try {
      // The caller's own access rules, as for a JDK field updater: nestmates may read a private
      // slot, an unrelated class may not.
      handle = lookup.findVarHandle(field.getDeclaringClass(), fieldName, Work.class);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          where + " is not accessible from " + lookup.lookupClass().getName()
              + ": pass a MethodHandles.lookup() from the item's own nest", e);
    } catch (NoSuchFieldException e) {
      throw new AssertionError("reflection found " + where + " but the lookup did not", e);
    }
    return new HasWork<>(itemType, pointerType, fieldName, handle);
  }

  /**
   * The slot of {@code item}.
   *
   * @throws IllegalStateException if the slot is still null, which happens only while the item's
   *     constructor has not yet initialised it
   */
  @SuppressWarnings("unchecked") // of() proved the field is a Work<P>
  public Work<P> workOf(T item) {
    if (item == null) {
      throw new NullPointerException("item");
    }
    Object work = slot.get(item);
    if (work == null) {
      throw new IllegalStateException(
          itemType.getName() + "." + fieldName + " is null: the item is still being constructed");
    }
    return (Work<P>) work;
  }

  /** The item type whose field holds the slot. */
  public Class<T> itemType() {
    return itemType;
  }

  /** The pointer type that owns the slot. */
  public Class<P> pointerType() {
    return pointerType;
  }

  /** The name of the field that holds the slot. */
  public String fieldName() {
    return fieldName;
  }

  @Override
  public String toString() {
    return "HasWork[" + itemType.getName() + "." + fieldName + " for "
        + pointerType.getSimpleName() + "]";
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

  private static @Nullable Field findOtherSlot(Class<?> itemType, Field slot, Class<?> pointerType) {
    for (Class<?> c = itemType; c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!f.equals(slot) && isWorkOf(f.getGenericType(), pointerType)) {
          return f;
        }
      }
    }
    return null;
  }

  private static boolean isWorkOf(Type declared, Class<?> pointerType) {
    return declared instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Work.class
        && parameterized.getActualTypeArguments()[0] == pointerType;
  }

  private static IllegalArgumentException rejected(String where, String why) {
    return new IllegalArgumentException(where + " " + why);
  }
}

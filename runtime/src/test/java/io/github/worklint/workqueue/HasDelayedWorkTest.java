package io.github.worklint.workqueue;

import static io.github.worklint.workqueue.HasWorkTest.assertMessageNames;
import static io.github.worklint.workqueue.HasWorkTest.fieldValue;
import static io.github.worklint.workqueue.HasWorkTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.BrokenDelayedItems.DelayedOverPlain;
import io.github.worklint.workqueue.BrokenDelayedItems.NonFinalSlot;
import io.github.worklint.workqueue.BrokenDelayedItems.OtherPointerSlot;
import io.github.worklint.workqueue.BrokenDelayedItems.PlainAndDelayed;
import io.github.worklint.workqueue.BrokenDelayedItems.PlainBase;
import io.github.worklint.workqueue.BrokenDelayedItems.PlainField;
import io.github.worklint.workqueue.BrokenDelayedItems.PrivateDelayedBase;
import io.github.worklint.workqueue.BrokenDelayedItems.RawSlot;
import io.github.worklint.workqueue.BrokenDelayedItems.StaticSlot;
import io.github.worklint.workqueue.BrokenDelayedItems.TwoDelayed;
import io.github.worklint.workqueue.BrokenDelayedItems.WildcardSlot;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The delayed descriptor: {@code HasDelayedWork.of} accepts exactly what {@code HasWork.of} would
 * for a {@code DelayedWork} field, with the same messages; the two kinds of slot do not mix.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HasDelayedWorkTest {

  // ---- the shape of the API

  @Test
  void hasWorkIsSealedAndPermitsHasDelayedWork() {
    assertTrue(HasWork.class.isSealed());
    assertTrue(List.of(HasWork.class.getPermittedSubclasses()).contains(HasDelayedWork.class));
    assertTrue(HasWork.class.isAssignableFrom(HasDelayedWork.class));
    assertTrue(Modifier.isFinal(HasDelayedWork.class.getModifiers()));
    assertTrue(Modifier.isFinal(DelayedWork.class.getModifiers()));
  }

  @Test
  void aDelayedPointersHasWorkReturnsTheDelayedDescriptor() throws Exception {
    assertSame(HasDelayedWork.class,
        DelayedWorkItemPointer.class.getMethod("hasWork").getReturnType());
    assertTrue(WorkItemPointer.class.isAssignableFrom(DelayedWorkItemPointer.class));
  }

  // ---- accepted

  @Test
  void acceptsAPrivateFinalDelayedSlot() throws Exception {
    HasDelayedWork<DelayedItem, DelayedItem.D> hasWork = DelayedItem.D.WORK;
    assertSame(DelayedItem.class, hasWork.itemType());
    assertSame(DelayedItem.D.class, hasWork.pointerType());
    assertEquals("timeout", hasWork.fieldName());
    assertTrue(hasWork.toString().contains("HasDelayedWork"), hasWork.toString());

    DelayedItem item = new DelayedItem();
    DelayedWork<DelayedItem.D> slot = hasWork.delayedWorkOf(item);
    assertSame(fieldValue(DelayedItem.class, "timeout", item), slot);
    assertSame(slot.work, hasWork.workOf(item), "workOf is the plain state the slot embeds");
    assertFalse(slot.isPending(), "a new slot is idle");
  }

  @Test
  void aPlainAndADelayedSlotOfDifferentPointersLiveSideBySide() throws Exception {
    DelayedItem item = new DelayedItem();
    assertSame(fieldValue(DelayedItem.class, "plain", item), DelayedItem.A.WORK.workOf(item));
    assertEquals("plain", DelayedItem.A.WORK.fieldName());
  }

  // ---- rejected: IllegalArgumentException naming the class and the field

  @Test
  void rejectsAPlainWorkField() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        PlainField.P.lookup(), PlainField.class, PlainField.P.class, "work"));
    assertMessageNames(e, PlainField.class.getName() + ".work",
        "is declared as Work<", "not exactly DelayedWork<P>", "HasWork.of");
  }

  @Test
  void hasWorkOfRejectsADelayedWorkField() {
    IllegalArgumentException e = rejected(() -> HasWork.of(MethodHandles.lookup(),
        DelayedItem.class, DelayedItem.A.class, "timeout"));
    assertMessageNames(e, DelayedItem.class.getName() + ".timeout",
        "is declared as DelayedWork<", "not exactly Work<A>");
    // The right pointer type with the wrong factory says which factory to use.
    @SuppressWarnings({"unchecked", "rawtypes"})
    Executable plainOfDelayed = () -> HasWork.of(MethodHandles.lookup(), DelayedItem.class,
        (Class) DelayedItem.D.class, "timeout");
    IllegalArgumentException wrongFactory = rejected(plainOfDelayed);
    assertMessageNames(wrongFactory, DelayedItem.class.getName() + ".timeout",
        "not exactly Work<D>", "HasDelayedWork.of");
  }

  @Test
  void rejectsAMissingField() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        MethodHandles.lookup(), DelayedItem.class, DelayedItem.D.class, "noSuchTimer"));
    assertMessageNames(e, DelayedItem.class.getName(), "noSuchTimer", "has no field");
  }

  @Test
  void rejectsAPrivateDelayedSlotOfASuperclassInAnotherNest() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        OutsideDelayed.P.lookup(), OutsideDelayed.class, OutsideDelayed.P.class, "work"));
    assertMessageNames(e, PrivateDelayedBase.class.getName() + ".work",
        "not accessible from " + OutsideDelayed.P.class.getName());
    assertInstanceOf(IllegalAccessException.class, e.getCause());
  }

  @Test
  void rejectsAStaticDelayedSlot() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        StaticSlot.P.lookup(), StaticSlot.class, StaticSlot.P.class, "work"));
    assertMessageNames(e, StaticSlot.class.getName() + ".work", "is static");
  }

  @Test
  void rejectsANonFinalDelayedSlot() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        NonFinalSlot.P.lookup(), NonFinalSlot.class, NonFinalSlot.P.class, "work"));
    assertMessageNames(e, NonFinalSlot.class.getName() + ".work", "is not final");
  }

  @Test
  void rejectsARawDelayedSlot() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        RawSlot.P.lookup(), RawSlot.class, RawSlot.P.class, "work"));
    assertMessageNames(e, RawSlot.class.getName() + ".work",
        "is declared as DelayedWork, not exactly DelayedWork<P>");
  }

  @Test
  void rejectsAWildcardDelayedSlot() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        WildcardSlot.P.lookup(), WildcardSlot.class, WildcardSlot.P.class, "work"));
    assertMessageNames(e, WildcardSlot.class.getName() + ".work",
        "is declared as DelayedWork<?>, not exactly DelayedWork<P>");
  }

  @Test
  void rejectsADelayedSlotOfAnotherPointerType() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        OtherPointerSlot.P.lookup(), OtherPointerSlot.class, OtherPointerSlot.P.class, "work"));
    assertMessageNames(e, OtherPointerSlot.class.getName() + ".work",
        OtherPointerSlot.Other.class.getName(), "not exactly DelayedWork<P>");
    assertEquals("work", OtherPointerSlot.Other.WORK.fieldName(), "its own pointer is accepted");
  }

  @Test
  void rejectsTwoDelayedSlotsOfOnePointerType() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        TwoDelayed.P.lookup(), TwoDelayed.class, TwoDelayed.P.class, "first"));
    assertMessageNames(e, TwoDelayed.class.getName() + ".first",
        TwoDelayed.class.getName() + ".second", "is not the only DelayedWork<P> field");
  }

  @Test
  void aPlainAndADelayedSlotOfOnePointerTypeCountAsTwo() {
    IllegalArgumentException e = rejected(() -> HasDelayedWork.of(
        PlainAndDelayed.P.lookup(), PlainAndDelayed.class, PlainAndDelayed.P.class, "delayed"));
    assertMessageNames(e, PlainAndDelayed.class.getName() + ".delayed",
        PlainAndDelayed.class.getName() + ".plain", "is not the only slot of P", "a Work<");
    IllegalArgumentException inherited = rejected(() -> HasDelayedWork.of(
        DelayedOverPlain.P.lookup(), DelayedOverPlain.class, DelayedOverPlain.P.class, "own"));
    assertMessageNames(inherited, DelayedOverPlain.class.getName() + ".own",
        PlainBase.class.getName() + ".inherited", "is not the only slot of P");
  }

  @Test
  void rejectsNullArguments() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    assertThrows(NullPointerException.class,
        () -> HasDelayedWork.of(null, DelayedItem.class, DelayedItem.D.class, "timeout"));
    assertThrows(NullPointerException.class,
        () -> HasDelayedWork.of(lookup, null, DelayedItem.D.class, "timeout"));
    assertThrows(NullPointerException.class,
        () -> HasDelayedWork.of(lookup, DelayedItem.class, null, "timeout"));
    assertThrows(NullPointerException.class,
        () -> HasDelayedWork.of(lookup, DelayedItem.class, DelayedItem.D.class, null));
    assertThrows(NullPointerException.class, () -> DelayedItem.D.WORK.delayedWorkOf(null));
    assertThrows(NullPointerException.class, () -> DelayedItem.D.WORK.workOf(null));
  }
}

package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.BrokenItems.DuplicateBase;
import io.github.worklint.workqueue.BrokenItems.DuplicateInClass;
import io.github.worklint.workqueue.BrokenItems.DuplicateInHierarchy;
import io.github.worklint.workqueue.BrokenItems.NonFinalSlot;
import io.github.worklint.workqueue.BrokenItems.OtherPointerSlot;
import io.github.worklint.workqueue.BrokenItems.RawSlot;
import io.github.worklint.workqueue.BrokenItems.StaticSlot;
import io.github.worklint.workqueue.BrokenItems.UnderConstruction;
import io.github.worklint.workqueue.BrokenItems.WildcardSlot;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HasWorkTest {

  // ---- accepted slots

  @Test
  void acceptsAPrivateFinalSlotOfTheItemItself() throws Exception {
    HasWork<TestItem, TestItem.A> hasWork = TestItem.A.WORK;
    assertSame(TestItem.class, hasWork.itemType());
    assertSame(TestItem.A.class, hasWork.pointerType());
    assertEquals("aWork", hasWork.fieldName());

    TestItem item = new TestItem();
    assertSame(fieldValue(TestItem.class, "aWork", item), hasWork.workOf(item));
    assertSame(hasWork.workOf(item), hasWork.workOf(item), "a slot has one identity");
  }

  @Test
  void eachPointerTypeOfAnItemGetsItsOwnSlot() throws Exception {
    TestItem item = new TestItem();
    assertSame(fieldValue(TestItem.class, "bWork", item), TestItem.B.WORK.workOf(item));
    assertSame(fieldValue(TestItem.class, "cWork", item), TestItem.C.WORK.workOf(item));
    assertNotSame(TestItem.A.WORK.workOf(item), TestItem.B.WORK.workOf(item));
    assertNotSame(TestItem.B.WORK.workOf(item), TestItem.C.WORK.workOf(item));
    assertNotSame(
        TestItem.A.WORK.workOf(item), TestItem.A.WORK.workOf(new TestItem()),
        "each item has its own slot");
  }

  @Test
  void acceptsASlotInheritedFromATopLevelSuperclass() throws Exception {
    InheritingItem item = new InheritingItem();
    assertSame(InheritingItem.class, InheritingItem.P.WORK.itemType());
    assertSame(fieldValue(SlotBase.class, "work", item), InheritingItem.P.WORK.workOf(item));
  }

  @Test
  void acceptsAPrivateSlotInheritedWithinTheSameNest() throws Exception {
    NestedHierarchy.Derived item = new NestedHierarchy.Derived();
    assertSame(
        fieldValue(NestedHierarchy.Base.class, "work", item),
        NestedHierarchy.Derived.P.WORK.workOf(item));
    try (WorkQueue queue = CountingThreadFactory.queue("inherited", 1)) {
      assertTrue(queue.enqueue(new NestedHierarchy.Derived.P(item)));
      queue.flush();
    }
    assertEquals(1, item.probe.runs.get(), "the inherited slot runs its pointer's run()");
  }

  // ---- rejected slots: IllegalArgumentException naming the class and the field

  @Test
  void rejectsAMissingField() {
    IllegalArgumentException e = rejected(() ->
        HasWork.of(MethodHandles.lookup(), TestItem.class, TestItem.A.class, "noSuchWork"));
    assertMessageNames(e, TestItem.class.getName(), "noSuchWork");
    assertTrue(e.getMessage().contains("has no field"), e.getMessage());
  }

  @Test
  void rejectsAPrivateSlotOfASuperclassInAnotherNest() {
    IllegalArgumentException e = rejected(() -> HasWork.of(
        OutsideSubclass.P.lookup(), OutsideSubclass.class, OutsideSubclass.P.class, "work"));
    assertMessageNames(e, PrivateSlotBase.class.getName() + ".work");
    assertTrue(e.getMessage().contains("not accessible from " + OutsideSubclass.P.class.getName()),
        e.getMessage());
    assertInstanceOf(IllegalAccessException.class, e.getCause());
  }

  @Test
  void rejectsAStaticSlot() {
    IllegalArgumentException e = rejected(() ->
        HasWork.of(StaticSlot.P.lookup(), StaticSlot.class, StaticSlot.P.class, "work"));
    assertMessageNames(e, StaticSlot.class.getName() + ".work");
    assertTrue(e.getMessage().contains("is static"), e.getMessage());
  }

  @Test
  void rejectsANonFinalSlot() {
    IllegalArgumentException e = rejected(() ->
        HasWork.of(NonFinalSlot.P.lookup(), NonFinalSlot.class, NonFinalSlot.P.class, "work"));
    assertMessageNames(e, NonFinalSlot.class.getName() + ".work");
    assertTrue(e.getMessage().contains("is not final"), e.getMessage());
  }

  @Test
  void rejectsARawSlot() {
    IllegalArgumentException e = rejected(() ->
        HasWork.of(RawSlot.P.lookup(), RawSlot.class, RawSlot.P.class, "work"));
    assertMessageNames(e, RawSlot.class.getName() + ".work");
    assertTrue(e.getMessage().contains("is declared as Work, not exactly Work<P>"), e.getMessage());
  }

  @Test
  void rejectsAWildcardSlot() {
    IllegalArgumentException e = rejected(() ->
        HasWork.of(WildcardSlot.P.lookup(), WildcardSlot.class, WildcardSlot.P.class, "work"));
    assertMessageNames(e, WildcardSlot.class.getName() + ".work");
    assertTrue(e.getMessage().contains("is declared as Work<?>, not exactly Work<P>"),
        e.getMessage());
  }

  @Test
  void rejectsASlotOfAnotherPointerType() {
    IllegalArgumentException e = rejected(() -> HasWork.of(
        OtherPointerSlot.P.lookup(), OtherPointerSlot.class, OtherPointerSlot.P.class, "work"));
    assertMessageNames(e, OtherPointerSlot.class.getName() + ".work",
        OtherPointerSlot.Other.class.getName(), OtherPointerSlot.P.class.getName());
    assertTrue(e.getMessage().contains("not exactly Work<P>"), e.getMessage());
    // ... while the pointer type it does belong to is accepted.
    assertEquals("work", OtherPointerSlot.Other.WORK.fieldName());
  }

  @Test
  void rejectsASecondSlotOfTheSamePointerTypeInTheClass() {
    IllegalArgumentException e = rejected(() -> HasWork.of(
        DuplicateInClass.P.lookup(), DuplicateInClass.class, DuplicateInClass.P.class, "first"));
    assertMessageNames(e, DuplicateInClass.class.getName() + ".first",
        DuplicateInClass.class.getName() + ".second");
    IllegalArgumentException other = rejected(() -> HasWork.of(
        DuplicateInClass.P.lookup(), DuplicateInClass.class, DuplicateInClass.P.class, "second"));
    assertMessageNames(other, DuplicateInClass.class.getName() + ".second",
        DuplicateInClass.class.getName() + ".first");
  }

  @Test
  void rejectsASecondSlotOfTheSamePointerTypeInASuperclass() {
    IllegalArgumentException e = rejected(() -> HasWork.of(DuplicateInHierarchy.P.lookup(),
        DuplicateInHierarchy.class, DuplicateInHierarchy.P.class, "own"));
    assertMessageNames(e, DuplicateInHierarchy.class.getName() + ".own",
        DuplicateBase.class.getName() + ".inherited");
    assertTrue(e.getMessage().contains("is not the only Work<P> field"), e.getMessage());
    IllegalArgumentException inherited = rejected(() -> HasWork.of(DuplicateInHierarchy.P.lookup(),
        DuplicateInHierarchy.class, DuplicateInHierarchy.P.class, "inherited"));
    assertMessageNames(inherited, DuplicateBase.class.getName() + ".inherited",
        DuplicateInHierarchy.class.getName() + ".own");
  }

  @Test
  void rejectsNullArguments() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    assertThrows(NullPointerException.class,
        () -> HasWork.of(null, TestItem.class, TestItem.A.class, "aWork"));
    assertThrows(NullPointerException.class,
        () -> HasWork.of(lookup, null, TestItem.A.class, "aWork"));
    assertThrows(NullPointerException.class,
        () -> HasWork.of(lookup, TestItem.class, null, "aWork"));
    assertThrows(NullPointerException.class,
        () -> HasWork.of(lookup, TestItem.class, TestItem.A.class, null));
  }

  // ---- workOf

  @Test
  void workOfNullThrowsNullPointerException() {
    assertThrows(NullPointerException.class, () -> TestItem.A.WORK.workOf(null));
  }

  @Test
  void workOfAnItemStillUnderConstructionThrowsIllegalStateException() {
    UnderConstruction item = new UnderConstruction();
    assertInstanceOf(IllegalStateException.class, item.earlyFailure);
    assertMessageNames(item.earlyFailure, UnderConstruction.class.getName() + ".work");
    assertFalse(UnderConstruction.P.WORK.workOf(item).isPending(), "once built, the slot is there");
  }

  // ---- a pointer that returns another pointer type's descriptor

  /** Claims the A slot of a TestItem as its own: only raw casts make this compile. */
  record Impostor(TestItem item) implements WorkItemPointer<TestItem, Impostor> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public HasWork<TestItem, Impostor> hasWork() {
      return (HasWork) TestItem.A.WORK;
    }

    @Override
    public void run() {
      throw new AssertionError("an impostor must never run");
    }
  }

  @Test
  void aPointerReturningAnotherPointerTypesDescriptorIsRefused() {
    TestItem item = new TestItem();
    Impostor impostor = new Impostor(item);
    try (WorkQueue queue = CountingThreadFactory.queue("impostor", 1)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> queue.enqueue(impostor));
      assertMessageNames(e, Impostor.class.getName(), TestItem.A.class.getName(), "aWork");
      assertFalse(TestItem.A.WORK.workOf(item).isPending(), "the A slot was not touched");
      assertThrows(IllegalArgumentException.class, () -> queue.cancel(impostor));
      assertThrows(IllegalArgumentException.class, () -> queue.cancelSync(impostor));
      assertThrows(IllegalArgumentException.class, () -> queue.flush(impostor));
      queue.flush();
    }
    assertEquals(0, item.a.runs.get());
  }

  // ---- helpers, shared with HasDelayedWorkTest

  static IllegalArgumentException rejected(Executable of) {
    return assertThrows(IllegalArgumentException.class, of);
  }

  static void assertMessageNames(Throwable e, String... parts) {
    String message = e.getMessage();
    for (String part : parts) {
      assertTrue(message != null && message.contains(part),
          "message should name " + part + ": " + message);
    }
  }

  static Object fieldValue(Class<?> declaring, String name, Object item) throws Exception {
    Field field = declaring.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(item);
  }
}

package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/**
 * Items whose delayed slot declarations {@code HasDelayedWork.of} (or {@code HasWork.of}) must
 * reject, one nested class per mistake. Their pointers build no descriptor; each offers its lookup.
 */
final class BrokenDelayedItems {

  private BrokenDelayedItems() {}

  /** A delayed pointer whose field is a plain Work. */
  static final class PlainField {
    @Slot private final Work<P> work = new Work<>();

    record P(PlainField item) implements DelayedWorkItemPointer<PlainField, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<PlainField, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  static final class StaticSlot {
    @Slot private static final DelayedWork<P> work = new DelayedWork<>();

    record P(StaticSlot item) implements DelayedWorkItemPointer<StaticSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<StaticSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(work));
      }

      @Override
      public void run() {}
    }
  }

  static final class NonFinalSlot {
    @Slot private DelayedWork<P> work = new DelayedWork<>();

    record P(NonFinalSlot item) implements DelayedWorkItemPointer<NonFinalSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<NonFinalSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  static final class RawSlot {
    @SuppressWarnings("rawtypes")
    @Slot
    private final DelayedWork work = new DelayedWork();

    record P(RawSlot item) implements DelayedWorkItemPointer<RawSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<RawSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  static final class WildcardSlot {
    @Slot private final DelayedWork<?> work = new DelayedWork<P>();

    record P(WildcardSlot item) implements DelayedWorkItemPointer<WildcardSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<WildcardSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  /** The field is the DelayedWork of another delayed pointer type of the same item. */
  static final class OtherPointerSlot {
    @Slot private final DelayedWork<Other> work = new DelayedWork<>();

    record P(OtherPointerSlot item) implements DelayedWorkItemPointer<OtherPointerSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<OtherPointerSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }

    record Other(OtherPointerSlot item) implements DelayedWorkItemPointer<OtherPointerSlot, Other> {
      static final HasDelayedWork<OtherPointerSlot, Other> WORK =
          HasDelayedWork.of(MethodHandles.lookup(), OtherPointerSlot.class, Other.class, "work");

      @Override
      public HasDelayedWork<OtherPointerSlot, Other> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  /** Two DelayedWork<P> fields in one class. */
  static final class TwoDelayed {
    @Slot private final DelayedWork<P> first = new DelayedWork<>();
    @Slot private final DelayedWork<P> second = new DelayedWork<>();

    record P(TwoDelayed item) implements DelayedWorkItemPointer<TwoDelayed, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<TwoDelayed, P> hasWork() {
        throw new UnsupportedOperationException(item.first + " " + item.second);
      }

      @Override
      public void run() {}
    }
  }

  /** A Work<P> and a DelayedWork<P> with the same P in one class: two slots of one pointer. */
  static final class PlainAndDelayed {
    @Slot private final DelayedWork<P> delayed = new DelayedWork<>();
    @Slot private final Work<P> plain = new Work<>();

    record P(PlainAndDelayed item) implements DelayedWorkItemPointer<PlainAndDelayed, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<PlainAndDelayed, P> hasWork() {
        throw new UnsupportedOperationException(item.delayed + " " + item.plain);
      }

      @Override
      public void run() {}
    }
  }

  /** A plain Work<P> in the superclass, a DelayedWork<P> in the subclass. */
  static class PlainBase {
    @Slot final Work<DelayedOverPlain.P> inherited = new Work<>();
  }

  static final class DelayedOverPlain extends PlainBase {
    @Slot private final DelayedWork<P> own = new DelayedWork<>();

    record P(DelayedOverPlain item) implements DelayedWorkItemPointer<DelayedOverPlain, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasDelayedWork<DelayedOverPlain, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.own));
      }

      @Override
      public void run() {}
    }
  }

  /** A private delayed slot of a superclass in another nest. */
  static class PrivateDelayedBase {
    @Slot private final DelayedWork<OutsideDelayed.P> work = new DelayedWork<>();

    @Override
    public String toString() {
      return "PrivateDelayedBase[" + work + "]";
    }
  }
}

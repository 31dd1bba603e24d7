package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/**
 * Items whose slot declarations {@code HasWork.of} must reject, one nested class per mistake. Their
 * pointers build no descriptor (that is what fails); each offers its own lookup instead.
 */
final class BrokenItems {

  private BrokenItems() {}

  static final class StaticSlot {
    @Slot private static final Work<P> work = new Work<>();

    record P(StaticSlot item) implements WorkItemPointer<StaticSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<StaticSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(work));
      }

      @Override
      public void run() {}
    }
  }

  static final class NonFinalSlot {
    @Slot private Work<P> work = new Work<>();

    record P(NonFinalSlot item) implements WorkItemPointer<NonFinalSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<NonFinalSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  static final class RawSlot {
    @SuppressWarnings("rawtypes")
    @Slot
    private final Work work = new Work();

    record P(RawSlot item) implements WorkItemPointer<RawSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<RawSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  static final class WildcardSlot {
    @Slot private final Work<?> work = new Work<P>();

    record P(WildcardSlot item) implements WorkItemPointer<WildcardSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<WildcardSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }
  }

  /** The field is a Work of another pointer type of the same item. */
  static final class OtherPointerSlot {
    @Slot private final Work<Other> work = new Work<>();

    record P(OtherPointerSlot item) implements WorkItemPointer<OtherPointerSlot, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<OtherPointerSlot, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.work));
      }

      @Override
      public void run() {}
    }

    record Other(OtherPointerSlot item) implements WorkItemPointer<OtherPointerSlot, Other> {
      static final HasWork<OtherPointerSlot, Other> WORK =
          HasWork.of(MethodHandles.lookup(), OtherPointerSlot.class, Other.class, "work");

      @Override
      public HasWork<OtherPointerSlot, Other> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  /** Two Work<P> fields in one class. */
  static final class DuplicateInClass {
    @Slot private final Work<P> first = new Work<>();
    @Slot private final Work<P> second = new Work<>();

    record P(DuplicateInClass item) implements WorkItemPointer<DuplicateInClass, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<DuplicateInClass, P> hasWork() {
        throw new UnsupportedOperationException(item.first + " " + item.second);
      }

      @Override
      public void run() {}
    }
  }

  /** A Work<P> field in the superclass and another in the subclass. */
  static class DuplicateBase {
    @Slot final Work<DuplicateInHierarchy.P> inherited = new Work<>();
  }

  static final class DuplicateInHierarchy extends DuplicateBase {
    @Slot private final Work<P> own = new Work<>();

    record P(DuplicateInHierarchy item) implements WorkItemPointer<DuplicateInHierarchy, P> {
      static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
      }

      @Override
      public HasWork<DuplicateInHierarchy, P> hasWork() {
        throw new UnsupportedOperationException(String.valueOf(item.own));
      }

      @Override
      public void run() {}
    }
  }

  /**
   * The superclass constructor reads the subclass's slot before the subclass has initialised it:
   * {@code workOf} must say so rather than return null.
   */
  abstract static class EarlyBase {
    final RuntimeException earlyFailure;

    EarlyBase() {
      RuntimeException failure = null;
      try {
        readSlotTooEarly();
      } catch (RuntimeException e) {
        failure = e;
      }
      earlyFailure = failure;
    }

    abstract void readSlotTooEarly();
  }

  static final class UnderConstruction extends EarlyBase {
    @Slot private final Work<P> work = new Work<>();

    @Override
    void readSlotTooEarly() {
      P.WORK.workOf(this);
    }

    record P(UnderConstruction item) implements WorkItemPointer<UnderConstruction, P> {
      static final HasWork<UnderConstruction, P> WORK =
          HasWork.of(MethodHandles.lookup(), UnderConstruction.class, P.class, "work");

      @Override
      public HasWork<UnderConstruction, P> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.work.isPending();
      }
    }
  }
}

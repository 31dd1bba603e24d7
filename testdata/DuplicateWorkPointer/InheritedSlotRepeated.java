import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;

/**
 * A subclass adds a slot for a pointer type its superclass already has a slot for: the new slot
 * can never be described, so nothing can ever queue it.
 */
public class InheritedSlotRepeated {

  static class Session {
    @Slot private final Work<Ping> ping = new Work<>();

    record Ping(Session item) implements WorkItemPointer<Session, Ping> {
      static final HasWork<Session, Ping> WORK =
          HasWork.of(MethodHandles.lookup(), Session.class, Ping.class, "ping");

      @Override
      public HasWork<Session, Ping> hasWork() {
        return WORK;
      }

      @Override
      public void run() {}
    }
  }

  static final class SecureSession extends Session {
    // BUG: Diagnostic contains: DuplicateWorkPointer
    // WorkPointerTargetMismatch
    @Slot private final Work<Session.Ping> securePing = new Work<>();
  }

  /**
   * The descriptor securePing would need. Ping's item type is Session, so it does not even
   * type-check; the raw form shows what reflection says of it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final class SecurePingDescriptor {
    static final HasWork WORK =
        HasWork.of(
            MethodHandles.lookup(), (Class) SecureSession.class, (Class) Session.Ping.class,
            "securePing");
  }

  static String verdict() {
    try {
      return "descriptor built: " + SecurePingDescriptor.WORK;
    } catch (ExceptionInInitializerError e) {
      return "failure: securePing can never be queued: " + e.getCause().getMessage();
    }
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

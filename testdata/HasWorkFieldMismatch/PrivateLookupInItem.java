import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The pointer type is outside its item's nest and the slot is private, but the pointer passes a
 * lookup with private access to the item (privateLookupIn), which HasWork.of may use.
 */
public class PrivateLookupInItem {

  record Close(Socket item) implements WorkItemPointer<Socket, Close> {
    static final HasWork<Socket, Close> WORK =
        HasWork.of(lookupInSocket(), Socket.class, Close.class, "closeWork");

    private static MethodHandles.Lookup lookupInSocket() {
      try {
        return MethodHandles.privateLookupIn(Socket.class, MethodHandles.lookup());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public HasWork<Socket, Close> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.closed = true;
    }
  }

  static String verdict() {
    Socket socket = new Socket();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Close(socket));
    }
    if (!socket.closed) {
      throw new AssertionError("Close did not run");
    }
    return "ok: a privateLookupIn(Socket) reached the private slot Socket.closeWork; Close ran";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

/** The item, a top-level class of its own, with a private slot. */
final class Socket {
  @Slot private final Work<PrivateLookupInItem.Close> closeWork = new Work<>();
  volatile boolean closed;
}

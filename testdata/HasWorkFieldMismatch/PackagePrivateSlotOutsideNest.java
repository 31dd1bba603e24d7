import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;

/**
 * The pointer type is outside its item's nest, but the slot is package-private and both are in
 * one package, so the pointer's own lookup can reach it.
 */
public class PackagePrivateSlotOutsideNest {

  record Flush(Buffer item) implements WorkItemPointer<Buffer, Flush> {
    static final HasWork<Buffer, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Buffer.class, Flush.class, "flushWork");

    @Override
    public HasWork<Buffer, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.flushed = true;
    }
  }

  static String verdict() {
    Buffer buffer = new Buffer();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Flush(buffer));
      queue.flush(new Flush(buffer));
      if (!buffer.flushed) {
        throw new AssertionError("Flush did not run");
      }
    }
    return "ok: the package-private slot Buffer.flushWork was reached from Flush and ran";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

/** The item, a top-level class of its own, in the same (default) package as Flush. */
final class Buffer {
  @Slot final Work<PackagePrivateSlotOutsideNest.Flush> flushWork = new Work<>();
  volatile boolean flushed;
}

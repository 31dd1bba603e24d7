import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * A class of the user's own that happens to be called Work, with two fields of one type argument:
 * it is not the runtime's slot, so there is nothing to flag. The item's one real slot is spelled
 * out in full.
 */
public class LookAlikeWorkClass {

  /** A unit of bookkeeping, unrelated to the runtime. */
  static final class Work<T> {
    final List<T> done = new ArrayList<>();
  }

  static final class Ledger {
    private final Work<String> debits = new Work<>();
    private final Work<String> credits = new Work<>();

    @Slot
    private final io.github.worklint.workqueue.Work<Settle> settle =
        new io.github.worklint.workqueue.Work<>();

    record Settle(Ledger item) implements WorkItemPointer<Ledger, Settle> {
      static final HasWork<Ledger, Settle> WORK =
          HasWork.of(MethodHandles.lookup(), Ledger.class, Settle.class, "settle");

      @Override
      public HasWork<Ledger, Settle> hasWork() {
        return WORK;
      }

      @Override
      public void run() {
        item.debits.done.add("settled");
        item.credits.done.add("settled");
      }
    }
  }

  static String verdict() {
    Ledger ledger = new Ledger();
    try (WorkQueue queue = WorkQueue.builder("case").maxActive(1).build()) {
      queue.enqueue(new Ledger.Settle(ledger));
    }
    if (ledger.debits.done.size() != 1 || ledger.credits.done.size() != 1) {
      throw new AssertionError("settle did not run once");
    }
    return "ok: the look-alike Work fields are ordinary data; the real slot ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * A bookkeeping class of the user's own called Work, holding Flush values in a class that is not
 * Flush's item, and a registry (not a pointer) whose hasWork() hands out Close's descriptor: none
 * of it is a slot or a pointer's descriptor, so there is nothing to flag.
 */
public class LookAlikesAreNotSlots {

  /** A list of things done, unrelated to the runtime. */
  static final class Work<T> {
    final List<T> done = new ArrayList<>();
  }

  static final class Connection {
    @Slot
    private final io.github.worklint.workqueue.Work<Flush> flushWork =
        new io.github.worklint.workqueue.Work<>();

    @Slot
    private final io.github.worklint.workqueue.Work<Close> closeWork =
        new io.github.worklint.workqueue.Work<>();

    final Work<String> log = new Work<>();
  }

  static final class Auditor {
    final Work<Flush> audited = new Work<>();
  }

  /** Not a pointer type: it only answers which descriptor closes a connection. */
  static final class Registry {
    HasWork<Connection, Close> hasWork() {
      return Close.WORK;
    }
  }

  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      synchronized (item.log) {
        item.log.done.add("flush");
      }
    }
  }

  record Close(Connection item) implements WorkItemPointer<Connection, Close> {
    static final HasWork<Connection, Close> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

    @Override
    public HasWork<Connection, Close> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      synchronized (item.log) {
        item.log.done.add("close");
      }
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    Auditor auditor = new Auditor();
    Flush flush = new Flush(conn);
    try (WorkQueue queue = WorkQueue.builder("case").ordered().build()) {
      queue.enqueue(flush);
      auditor.audited.done.add(flush);
      if (new Registry().hasWork() != Close.WORK) {
        throw new AssertionError("the registry handed out another descriptor");
      }
      queue.enqueue(new Close(conn));
    }
    synchronized (conn.log) {
      if (!conn.log.done.equals(List.of("flush", "close")) || auditor.audited.done.size() != 1) {
        throw new AssertionError("log=" + conn.log.done);
      }
    }
    return "ok: the look-alike Work fields are data and Registry is no pointer; Flush and Close"
        + " each ran once";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

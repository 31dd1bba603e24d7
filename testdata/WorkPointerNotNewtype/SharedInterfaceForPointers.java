import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import io.github.worklint.workqueue.WorkQueue;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pointers of a connection share code through an interface, not a base class: the interface
 * is no pointer type itself, and each record implementing it is its own P with its own slot.
 */
public class SharedInterfaceForPointers {

  static final class Connection {
    @Slot private final Work<Flush> flushWork = new Work<>();
    @Slot private final Work<Close> closeWork = new Work<>();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
  }

  /** Logs every run of a connection's work; P stays open for the records. */
  interface ConnectionWork<P extends ConnectionWork<P>> extends WorkItemPointer<Connection, P> {
    String what();

    @Override
    default void run() {
      item().log.add(what());
    }
  }

  record Flush(Connection item) implements ConnectionWork<Flush> {
    static final HasWork<Connection, Flush> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, "flushWork");

    @Override
    public HasWork<Connection, Flush> hasWork() {
      return WORK;
    }

    @Override
    public String what() {
      return "flush";
    }
  }

  record Close(Connection item) implements ConnectionWork<Close> {
    static final HasWork<Connection, Close> WORK =
        HasWork.of(MethodHandles.lookup(), Connection.class, Close.class, "closeWork");

    @Override
    public HasWork<Connection, Close> hasWork() {
      return WORK;
    }

    @Override
    public String what() {
      return "close";
    }
  }

  static String verdict() {
    Connection conn = new Connection();
    try (WorkQueue queue = WorkQueue.builder("case").ordered().build()) {
      queue.enqueue(new Flush(conn));
      queue.enqueue(new Close(conn));
    }
    if (!conn.log.equals(List.of("flush", "close"))) {
      throw new AssertionError("log=" + conn.log);
    }
    return "ok: the shared interface's run() ran for Flush and for Close, each in its own slot";
  }

  public static void main(String[] args) {
    System.out.println(verdict());
  }
}

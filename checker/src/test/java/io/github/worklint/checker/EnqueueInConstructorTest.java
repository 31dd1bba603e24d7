package io.github.worklint.checker;

import com.google.errorprone.CompilationTestHelper;
import java.util.stream.Stream;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class EnqueueInConstructorTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(EnqueueInConstructor.class, getClass());

  private static final String[] FLUSH = {
    "  @Slot private final Work<Flush> flushWork = new Work<>();",
    "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
    Fixtures.unusedHasWork("Connection", "Flush"),
    "    @Override public void run() {}",
    "  }",
  };

  private static String[] connection(String... body) {
    return Stream.of(
            Stream.of("import io.github.worklint.workqueue.*;", "final class Connection {"),
            Stream.of(FLUSH),
            Stream.of(body),
            Stream.of("}"))
        .flatMap(s -> s)
        .toArray(String[]::new);
  }

  // ---- flagged

  @Test
  void enqueueOfThisInAConstructorIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private final String name;",
                "  private int port;",
                "  Connection(WorkQueue queue) {",
                "    // BUG: Diagnostic contains: The constructor of Connection enqueues a Flush"
                    + " built from this: the work can run on another thread before the constructor"
                    + " of Connection finishes, and see name still null and port still 0: they are"
                    + " assigned after the enqueue",
                "    queue.enqueue(new Flush(this));",
                "    this.name = \"db\";",
                "    port = 5432;",
                "  }"))
        .doTest();
  }

  @Test
  void enqueueAsTheLastStatementNamesNoField() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private final String name;",
                "  Connection(WorkQueue queue) {",
                "    this.name = \"db\";",
                "    // BUG: Diagnostic contains: finishes, and see fields that are not assigned yet",
                "    queue.enqueue(new Flush(Connection.this));",
                "  }"))
        .doTest();
  }

  @Test
  void pointerInALocalVariableIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private String name;",
                "  Connection(WorkQueue queue) {",
                "    Flush flush = new Flush(this);",
                "    // BUG: Diagnostic contains: enqueues a Flush built from this",
                "    queue.enqueue(flush);",
                "    name = \"db\";",
                "  }",
                "  Connection(WorkQueue queue, int unused) {",
                "    Flush flush;",
                "    flush = new Flush(this);",
                "    // BUG: Diagnostic contains: and see name still null: it is assigned after the enqueue",
                "    queue.enqueue(flush);",
                "    name = \"db\";",
                "  }"))
        .doTest();
  }

  @Test
  void instanceInitializersAreFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  static WorkQueue queue;",
                "  {",
                "    // BUG: Diagnostic contains: An instance initializer of Connection enqueues a"
                    + " Flush built from this",
                "    queue.enqueue(new Flush(this));",
                "  }",
                "  // BUG: Diagnostic contains: The initializer of field queued of Connection"
                    + " enqueues a Flush built from this: the work can run on another thread before"
                    + " the constructor of Connection finishes, and see port still 0 and name still"
                    + " null",
                "  private final boolean queued = queue.enqueue(new Flush(this));",
                "  private int port = 5432;",
                "  private final String name;",
                "  Connection() { name = \"db\"; }"))
        .doTest();
  }

  @Test
  void spawnThatCapturesThisIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private String name;",
                "  private String seen;",
                "  void log() {}",
                "  Connection(WorkQueue queue) {",
                "    // BUG: Diagnostic contains: The constructor of Connection spawns a task that"
                    + " captures this: the work can run on another thread before the constructor"
                    + " of Connection finishes, and see name still null: it is assigned after the"
                    + " spawn. Spawn once construction is over",
                "    queue.spawn(() -> seen = name);",
                "    // BUG: Diagnostic contains: spawns a task that captures this",
                "    queue.spawn(this::log);",
                "    // BUG: Diagnostic contains: spawns a task that captures this",
                "    queue.spawn(() -> log());",
                "    // BUG: Diagnostic contains: spawns a task that captures this",
                "    queue.spawn(new Runnable() { public void run() { seen = name; } });",
                "    name = \"db\";",
                "  }"))
        .doTest();
  }

  @Test
  void innerClassConstructorEnqueueingItsOwnThisIsFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  final class Session {",
                "    @Slot private final Work<Ping> pingWork = new Work<>();",
                "    private final String user;",
                "    Session(WorkQueue queue) {",
                "      // BUG: Diagnostic contains: The constructor of Session enqueues a Ping",
                "      queue.enqueue(new Ping(Session.this));",
                "      user = \"me\";",
                "    }",
                "  }",
                "  record Ping(Session item) implements WorkItemPointer<Session, Ping> {",
                Fixtures.unusedHasWork("Session", "Ping"),
                "    @Override public void run() {}",
                "  }"))
        .doTest();
  }

  // ---- clean

  @Test
  void enqueueFromAStaticFactoryIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private final String name;",
                "  private Connection() { name = \"db\"; }",
                "  static Connection open(WorkQueue queue) {",
                "    Connection c = new Connection();",
                "    queue.enqueue(new Flush(c));",
                "    return c;",
                "  }"))
        .doTest();
  }

  @Test
  void enqueueOfAnotherObjectFromAConstructorIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  final class Session {",
                "    private final String user;",
                "    Session(WorkQueue queue, Connection other) {",
                "      queue.enqueue(new Flush(other));",
                "      queue.enqueue(new Flush(Connection.this));", // the outer, already built
                "      Flush flush = new Flush(other);",
                "      queue.enqueue(flush);",
                "      queue.spawn(() -> other.hashCode());",
                "      user = \"me\";",
                "    }",
                "  }"))
        .doTest();
  }

  @Test
  void enqueueInAnOrdinaryMethodOrADeferredLambdaIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  private final Runnable onReady;",
                "  private final String name;",
                "  Connection(WorkQueue queue) {",
                "    onReady = () -> queue.enqueue(new Flush(this));",
                "    Runnable later = new Runnable() {",
                "      @Override public void run() { queue.enqueue(new Flush(Connection.this)); }",
                "    };",
                "    name = \"db\";",
                "  }",
                "  void start(WorkQueue queue) { queue.enqueue(new Flush(this)); }",
                "  static void boot(WorkQueue queue) { queue.spawn(() -> {}); }"))
        .doTest();
  }

  @Test
  void spawnThatDoesNotCaptureThisIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  static int started;",
                "  private final String name;",
                "  Connection(WorkQueue queue, java.util.concurrent.atomic.AtomicInteger count) {",
                "    queue.spawn(count::incrementAndGet);",
                "    queue.spawn(() -> started++);",
                "    queue.spawn(new Runnable() {",
                "      private int runs;",
                "      @Override public void run() { runs++; this.hashCode(); }",
                "    });",
                "    name = \"db\";",
                "  }"))
        .doTest();
  }

  @Test
  void lookAlikeQueueIsIgnored() {
    helper
        .addSourceLines(
            "WorkQueue.java",
            "package other;",
            "public final class WorkQueue { public boolean enqueue(Object p) { return true; } }")
        .addSourceLines(
            "Item.java",
            "import other.WorkQueue;",
            "// mentions io.github.worklint.workqueue only in this comment",
            "final class Item {",
            "  private final String name;",
            "  Item(WorkQueue queue) { queue.enqueue(this); name = \"x\"; }",
            "}")
        .doTest();
  }

  @Test
  void suppressionSilencesTheConstructorAndTheField() {
    helper
        .addSourceLines(
            "Connection.java",
            connection(
                "  static WorkQueue system = WorkQueue.system();",
                "  @SuppressWarnings(\"EnqueueInConstructor\")",
                "  private final boolean queued = system.enqueue(new Flush(this));",
                "  private final String name;",
                "  @SuppressWarnings(\"EnqueueInConstructor\")",
                "  Connection(WorkQueue queue) {",
                "    queue.enqueue(new Flush(this));",
                "    name = \"db\";",
                "  }"))
        .doTest();
  }
}

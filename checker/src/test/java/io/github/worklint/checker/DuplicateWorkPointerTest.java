package io.github.worklint.checker;

import com.google.errorprone.CompilationTestHelper;
import io.github.worklint.checker.testing.Fixtures;
import org.junit.jupiter.api.Test;

class DuplicateWorkPointerTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(DuplicateWorkPointer.class, getClass());

  @Test
  void twoSlotsWithOnePointerTypeAreFlagged() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "import java.lang.invoke.MethodHandles;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  // BUG: Diagnostic contains: Connection has two Work<Flush> slots, flushWork and closeWork",
            "  @Slot private final Work<Flush> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            "    static final HasWork<Connection, Flush> WORK =",
            "        HasWork.of(MethodHandles.lookup(), Connection.class, Flush.class, \"flushWork\");",
            "    @Override public HasWork<Connection, Flush> hasWork() { return WORK; }",
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressedOnTheFieldOrTheClass() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @SuppressWarnings(\"DuplicateWorkPointer\")",
            "  @Slot private final Work<Flush> closeWork = new Work<>();",
            "  @SuppressWarnings(\"MisdeclaredWorkField\")",
            "  // BUG: Diagnostic contains: Connection has two Work<Flush> slots, flushWork and spareWork",
            "  @Slot private final Work<Flush> spareWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "Quiet.java",
            "import io.github.worklint.workqueue.*;",
            "@SuppressWarnings(\"DuplicateWorkPointer\")",
            "final class Quiet {",
            "  @Slot private final Work<Ping> one = new Work<>();",
            "  @Slot private final Work<Ping> two = new Work<>();",
            "  record Ping(Quiet item) implements WorkItemPointer<Quiet, Ping> {",
            Fixtures.unusedHasWork("Quiet", "Ping"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void inheritedSlotCounts() {
    helper
        .addSourceLines(
            "Base.java",
            "import io.github.worklint.workqueue.*;",
            "class Base {",
            "  @Slot private final Work<Base.Ping> ping = new Work<>();",
            "  record Ping(Base item) implements WorkItemPointer<Base, Ping> {",
            Fixtures.unusedHasWork("Base", "Ping"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .addSourceLines(
            "Derived.java",
            "import io.github.worklint.workqueue.*;",
            "final class Derived extends Base {",
            "  // BUG: Diagnostic contains: (inherited from Base)",
            "  @Slot private final Work<Base.Ping> again = new Work<>();",
            "}")
        .doTest();
  }

  @Test
  void oneNewtypePerSlotIsClean() {
    helper
        .addSourceLines(
            "Connection.java",
            "import io.github.worklint.workqueue.*;",
            "final class Connection {",
            "  @Slot private final Work<Flush> flushWork = new Work<>();",
            "  @Slot private final Work<Close> closeWork = new Work<>();",
            "  record Flush(Connection item) implements WorkItemPointer<Connection, Flush> {",
            Fixtures.unusedHasWork("Connection", "Flush"),
            "    @Override public void run() {}",
            "  }",
            "  record Close(Connection item) implements WorkItemPointer<Connection, Close> {",
            Fixtures.unusedHasWork("Connection", "Close"),
            "    @Override public void run() {}",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lookAlikeWorkTypeIsIgnored() {
    helper
        .addSourceLines(
            "Work.java",
            "package other;",
            "public final class Work<P> {}")
        .addSourceLines(
            "Item.java",
            "import other.Work;",
            "// mentions io.github.worklint.workqueue only in this comment",
            "final class Item {",
            "  private final Work<String> a = new Work<>();",
            "  private final Work<String> b = new Work<>();",
            "}")
        .doTest();
  }
}

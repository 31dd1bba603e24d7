package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.worklint.workqueue.WorkQueue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConnectionManagerTest {

  @Test
  void eachSlotRunsItsOwnWorkAndFlushesCoalesce() {
    List<String> wire = ConnectionManager.runScenario();
    // Ten writes, at most a few flushes: a pending flush is never queued twice.
    long alphaFlushes = wire.stream().filter(l -> l.startsWith("alpha flush")).count();
    assertTrue(alphaFlushes >= 1 && alphaFlushes <= 10, wire.toString());
    String alphaSent =
        String.join(",", wire.stream().filter(l -> l.startsWith("alpha flush"))
            .map(l -> l.substring("alpha flush ".length())).toList());
    assertEquals("a1,a2,a3,a4,a5,a6,a7,a8,a9,a10", alphaSent);
    assertTrue(wire.contains("beta keep-alive"), wire.toString());
    assertTrue(wire.contains("beta flush b1"), wire.toString());
    String gammaSent =
        String.join(",", wire.stream().filter(l -> l.startsWith("gamma flush"))
            .map(l -> l.substring("gamma flush ".length())).toList());
    assertEquals("g1,g2", gammaSent);
    // alpha and beta were closed while active (their timeouts disarmed); gamma went idle.
    assertEquals(List.of("alpha closed", "beta closed"), wire.stream()
        .filter(l -> l.endsWith(" closed")).toList());
    assertEquals("gamma idle-closed", wire.get(wire.size() - 1), wire.toString());
    assertFalse(wire.contains("alpha idle-closed") || wire.contains("beta idle-closed"), wire.toString());
  }

  @Test
  void everyWriteReArmsTheIdleTimeout() {
    List<String> wire = new CopyOnWriteArrayList<>();
    try (WorkQueue queue = WorkQueue.builder("test").build()) {
      Connection c = new Connection("c", wire::add, Duration.ofMinutes(1));
      assertFalse(ConnectionManager.send(queue, c, "m1"), "the first write arms an idle timer");
      assertTrue(ConnectionManager.send(queue, c, "m2"), "a later write re-arms the pending one");
      assertTrue(ConnectionManager.send(queue, c, "m3"));
      assertTrue(c.isOpen());
      ConnectionManager.close(queue, c);
    }
    assertEquals("c closed", wire.get(wire.size() - 1), wire.toString());
    assertFalse(wire.contains("c idle-closed"), wire.toString());
  }

  @Test
  void anIdleConnectionIsClosedNoSoonerThanItsTimeoutAfterTheLastWrite() throws Exception {
    CompletableFuture<Long> idleClosedAt = new CompletableFuture<>();
    List<String> wire = new CopyOnWriteArrayList<>();
    Duration idle = Duration.ofMillis(100);
    long lastWrite;
    try (WorkQueue queue = WorkQueue.builder("test").build()) {
      Connection c = new Connection("c", line -> {
        wire.add(line);
        if (line.equals("c idle-closed")) {
          idleClosedAt.complete(System.nanoTime());
        }
      }, idle);
      ConnectionManager.send(queue, c, "m1");
      lastWrite = System.nanoTime(); // before the re-arm, whose deadline is idle after its call
      ConnectionManager.send(queue, c, "m2");
      long closedAt = idleClosedAt.get(5, TimeUnit.SECONDS);
      assertTrue(closedAt - lastWrite >= idle.toNanos(),
          "closed " + (closedAt - lastWrite) / 1_000_000 + " ms after the last write");
      assertFalse(c.isOpen());
    }
    assertEquals(List.of("c flush m1", "c flush m2", "c idle-closed"), withoutCoalescing(wire));
  }

  /** The flushes of m1 and m2 may coalesce into one: compare what was sent, not how. */
  private static List<String> withoutCoalescing(List<String> wire) {
    return wire.stream()
        .flatMap(l -> l.startsWith("c flush ")
            ? Arrays.stream(l.substring("c flush ".length()).split(",")).map(m -> "c flush " + m)
            : Stream.of(l))
        .toList();
  }
}

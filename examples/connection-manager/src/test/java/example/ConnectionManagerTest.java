package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    assertEquals(List.of("alpha closed", "beta closed"), wire.subList(wire.size() - 2, wire.size()));
  }
}

package io.github.worklint.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reduction of the runtime benchmarks to figures: round order, ratios and their spread. */
class RuntimeFiguresTest {

  @Test
  void eachContenderLeadsARoundInTurn() {
    List<String> contenders = List.of("worklint", "forkJoin", "threadPool");
    assertEquals(contenders, RuntimeFigures.rotation(contenders, 0));
    assertEquals(List.of("forkJoin", "threadPool", "worklint"),
        RuntimeFigures.rotation(contenders, 1));
    assertEquals(List.of("threadPool", "worklint", "forkJoin"),
        RuntimeFigures.rotation(contenders, 2));
    assertEquals(contenders, RuntimeFigures.rotation(contenders, 3));
  }

  @Test
  void aFigureIsTheMedianOfThePerRoundRatiosWithTheirRange() {
    RuntimeFigures.Contest contest = new RuntimeFigures.Contest("one-shot",
        Map.of("worklint", 50.0, "forkJoin", 60.0),
        Map.of("forkJoin", List.of(0.9, 1.2, 0.7, 0.8, 1.0)));
    assertEquals(0.9, contest.ratio("forkJoin"), 1e-9);
    assertEquals(0.7, contest.lowest("forkJoin"), 1e-9);
    assertEquals(1.2, contest.highest("forkJoin"), 1e-9);
    assertEquals(5, contest.rounds());
    assertEquals("0.90 (0.70-1.20, 5 rounds)", RunAll.ratio(contest, "forkJoin"));
  }
}

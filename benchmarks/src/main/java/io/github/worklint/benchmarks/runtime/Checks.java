package io.github.worklint.benchmarks.runtime;

/** Sanity checks run after a benchmark: a benchmark that lost or duplicated work fails. */
final class Checks {

  private Checks() {}

  static void eachRanExactly(Job[] jobs, long times) {
    for (Job job : jobs) {
      if (job.runs != times) {
        throw new IllegalStateException("a job ran " + job.runs + " times, expected " + times);
      }
    }
  }
}

package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench command runs every stage on every exercise; its timings are printed, never asserted. */
class BenchCommandTest {

  @Test
  void benchRunsOnTheProjectsExercises() {
    CliRunner.Run run = CliRunner.run("bench", "--repeat", "1");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("exercise") && run.out().contains("solve ms"), run.out());
    for (String id : new String[] {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"}) {
      assertTrue(run.out().contains("\n" + id + " "), id + " benchmarked: " + run.out());
    }
  }
}

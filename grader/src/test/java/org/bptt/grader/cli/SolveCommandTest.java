package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bptt.grader.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {

  @Test
  void textSolutionShowsTheStagesAndTheDocumentsNotation() {
    Run run = run("solve", "exercises/seed-002-forward-sensitivities.yaml", "--digits", "3");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("== Forward pass =="));
    assertTrue(run.out().contains("== Backward pass through time =="));
    assertTrue(run.out().contains("dL/dW_hh (dL/dU)"), "notation shown");
    assertTrue(run.out().contains("| [0.696]"), "h[3] to 3 digits");
  }

  @Test
  void jsonSolutionHasEveryQuantityWithVectorsAsArraysAndMatricesAsRows() throws Exception {
    Run run = run("solve", "exercises/seed-003-vector-bptt.yaml", "--format", "json");
    assertEquals(0, run.code(), run.err());
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals("seed-003", root.get("exercise").asText());
    JsonNode quantities = root.get("quantities");
    assertTrue(quantities.get("L").isNumber());
    assertEquals(3, quantities.get("h[2]").size());
    assertTrue(quantities.get("h[2]").get(0).isNumber());
    assertEquals(3, quantities.get("W_hh").size());
    assertEquals(3, quantities.get("W_hh").get(0).size());
    assertEquals(2, quantities.get("W_xh").get(0).size());
  }

  @Test
  void jsonIsByteIdenticalAcrossRuns() {
    assertEquals(run("solve", "exercises/seed-001-char-rnn-hello.yaml", "--format", "json").out(),
        run("solve", "exercises/seed-001-char-rnn-hello.yaml", "--format", "json").out());
  }

  @Test
  void badExerciseIsOneLineWithExitCodeTwo(@TempDir Path folder) throws Exception {
    Path bad = folder.resolve("bad.yaml");
    Files.writeString(bad, "id: x\nmodel: {input_size: one}\n");
    Run run = run("solve", bad.toString());
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("bad.yaml:2:21: model.input_size: expected a whole number, got 'one'"), run.err());
    assertFalse(run.err().contains("Exception"));
  }

  @Test
  void missingFileAndBadUsageExitTwo() {
    Run missing = run("solve", "exercises/no-such-file.yaml");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("exercises/no-such-file.yaml: no such file"), missing.err());
    Run usage = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "xml");
    assertEquals(2, usage.code());
    assertTrue(usage.err().startsWith("usage error:"), usage.err());
  }
}

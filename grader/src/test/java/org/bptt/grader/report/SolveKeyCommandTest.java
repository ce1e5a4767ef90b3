package org.bptt.grader.report;

import static org.bptt.grader.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bptt.grader.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve --format html|markdown} prints the answer key. */
class SolveKeyCommandTest {

  @Test
  void htmlKeyExitsZero() {
    Run run = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "html");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
    assertTrue(run.out().contains("<h2>Backward pass through time</h2>"));
    assertTrue(run.out().contains("-0.00911742"), "the error passed back from t = 3");
  }

  /** A key of the forward pass alone needs no total loss: it has none, and renders. */
  @Test
  void aKeyThatDoesNotNeedTheTotalLossRendersWithoutIt(@TempDir Path folder) throws Exception {
    Path exercise = folder.resolve("forward-only.yaml");
    String text = Files.readString(Path.of("exercises/seed-000-tanh-three-steps.yaml"));
    Files.writeString(exercise, text.substring(0, text.indexOf("\nask:")) + "\nask:\n  - \"h[t]\"\n");
    for (String format : new String[] {"html", "markdown"}) {
      Run run = run("solve", exercise.toString(), "--format", format);
      assertEquals(0, run.code(), format + ": " + run.err());
      assertTrue(run.out().contains("0.46211716") || run.out().contains("0.462117"), format + ": h[1] is shown");
      assertTrue(!run.out().contains("Total loss"), format + ": no total loss");
    }
  }

  @Test
  void markdownKeyExitsZeroAndHonoursDigits() {
    Run run = run("solve", "exercises/seed-002-forward-sensitivities.yaml", "--format", "markdown", "--digits", "3");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("## Answer key: "), run.out());
    assertTrue(run.out().contains("values to 3 significant digits"));
    assertTrue(run.out().contains("| `dL/dU` (`dL/dW_hh`) |"), "the document's notation");
  }

  @Test
  void ownTemplatesFolderIsUsedAndAMissingOneIsAnErrorNamingTheOption(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("key.md.ftl"), "KEY ${key.exerciseId} L=${key.totalLoss.value}\n");
    Run own = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "markdown", "--templates",
        folder.toString());
    assertEquals(0, own.code(), own.err());
    assertEquals("KEY seed-000 L=0.194036\n", own.out());
    Run builtIn = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "markdown");
    assertEquals(0, builtIn.code(), builtIn.err());
    assertTrue(builtIn.out().startsWith("## Answer key: "));
    Path typo = folder.resolve("no-such-folder");
    Run misspelled = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "markdown", "--templates",
        typo.toString());
    assertEquals(2, misspelled.code());
    assertEquals("error: " + typo + ": no such templates folder (set by --templates; without it the templates built "
        + "into the grader are used)\n", misspelled.err());
    Run missing = run("solve", "exercises/seed-000-tanh-three-steps.yaml", "--format", "html", "--templates",
        folder.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("template key.html.ftlh"), missing.err());
  }
}

package org.bptt.grader.variants;

import static org.bptt.grader.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bptt.grader.cli.CliRunner.Run;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.load.ExerciseTemplate;
import org.bptt.grader.present.Numbers;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.pipeline.GraderPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grade regenerates each submission's variant, and checks that it belongs to the student. */
class VariantGradingTest {

  /** A submission with every asked quantity of the student's own variant, to 8 significant digits. */
  static String answersFromTheKey(String student, String salt) throws Exception {
    ExerciseTemplate template = new ExerciseLoader().loadTemplate(RandomizedExerciseTest.VARIANTS, "x");
    String variant = ExerciseTemplate.variantId(template.id(), student, salt);
    Exercise exercise = GraderPipeline.variant(template, variant).exercise();
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    StringBuilder yaml = new StringBuilder("exercise: seed-000-variants\nstudent: " + student + "\nvariant: \""
        + variant + "\"\nanswers:\n");
    for (String name : AskedQuantities.expand(exercise.asked(), graph)) {
      yaml.append("  \"").append(name).append("\": ").append(Numbers.formatCompact(graph.value(name), 8)).append('\n');
    }
    return yaml.toString();
  }

  @Test
  void answersFromAStudentsOwnVariantGetFullMarks(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("alice.yaml");
    Files.writeString(submission, answersFromTheKey("alice", "fall-2026"));
    Run run = run("grade", submission.toString(), "--salt", "fall-2026", "--out", folder.resolve("out").toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().startsWith("seed-000-variants alice: 25 / 25 (correct 25,"), run.out());
  }

  @Test
  void anotherStudentsVariantIsRejected(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("copied.yaml");
    Files.writeString(submission, answersFromTheKey("alice", "fall-2026").replace("student: alice", "student: bob"));
    Run run = run("grade", submission.toString(), "--salt", "fall-2026", "--out", folder.resolve("out").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("error: " + submission + ":3:10: variant: '"), run.err());
    assertTrue(run.err().contains("does not belong to student bob"), run.err());
    assertTrue(Files.notExists(folder.resolve("out")), "no partial output");
  }

  @Test
  void aRandomizedExerciseNeedsTheSalt(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("alice.yaml");
    Files.writeString(submission, answersFromTheKey("alice", "fall-2026"));
    Run run = run("grade", submission.toString(), "--out", folder.resolve("out").toString());
    if (System.getenv("BPTT_COURSE_SALT") == null) {
      assertEquals(2, run.code());
      assertTrue(run.err().contains("is randomized: pass --salt"), run.err());
    }
  }

  @Test
  void theWrongSaltIsRejected(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("alice.yaml");
    Files.writeString(submission, answersFromTheKey("alice", "fall-2026"));
    Run run = run("grade", submission.toString(), "--salt", "spring", "--out", folder.resolve("out").toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("does not belong to student alice"), run.err());
  }
}

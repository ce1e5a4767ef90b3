package org.bptt.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.grading.SubmissionResult;
import org.bptt.grader.load.ExerciseDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of calling the grader from Java compiles, runs, and is the code below. */
class LibraryExampleTest {

  @Test
  void theReadmeExampleRunsAsWritten(@TempDir Path out) throws Exception {
    StringBuilder printed = new StringBuilder();
    // README example start
    GradingOptions options = new GradingOptions(Path.of("exercises"), out, null, null, false, true, null);
    GraderPipeline grader = new GraderPipeline(options);
    GraderPipeline.Run run = grader.grade(List.of(Path.of("exercises/samples/seed-002-author.yaml")));
    for (GraderPipeline.Graded graded : run.graded()) {
      SubmissionResult result = graded.result();
      printed.append(result.student() + ": " + result.score() + " / " + result.maxScore() + "\n");
    }
    ExerciseDefinition exercise = GraderPipeline.loadExercise(Path.of("exercises/seed-000-tanh-three-steps.yaml"), null, null);
    PreparedExercise prepared = grader.prepare(exercise); // solved once; prepared.grader() grades any number of submissions
    // README example end
    assertTrue(prepared.grader().asked().containsAll(List.of("h[1]", "dL/dW_hh", "updated.W_hh")));
    assertTrue(printed.toString().startsWith("seed-002-author: "), printed.toString());
    assertTrue(Files.exists(out.resolve("seed-002/seed-002-author.html")));
    assertEquals(false, run.allCorrect());

    String source = Files.readString(Path.of("grader/src/test/java/org/bptt/grader/pipeline/LibraryExampleTest.java"));
    String example = source.substring(source.indexOf("// README example start\n") + 24, source.indexOf("    // README example end"))
        .lines().map(line -> line.substring(4)).reduce("", (all, line) -> all + line + "\n");
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains("```java\n" + example + "```"), "README shows the example exactly:\n" + example);
  }
}

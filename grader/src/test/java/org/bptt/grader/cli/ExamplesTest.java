package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI examples under examples/ run as written: their shell steps (all but building the jar,
 * which the test's class path stands in for, through the examples' own GRADER variable) against a
 * temporary course folder, with the course salt as the secret. A class with wrong answers passes;
 * a class with a rejected answer file fails, after the summary and reports are written.
 */
class ExamplesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** The grader from the test's class path, in place of the jar the examples build. */
  private static final String GRADER = "java -cp " + System.getProperty("java.class.path")
      + " org.bptt.grader.cli.GraderCommand";

  /** A course repository: two exercises, one randomized, and a class's answer files; plus a broken one. */
  private static Path course(Path folder, boolean withBrokenFile) throws IOException {
    Path course = Files.createDirectories(folder.resolve(withBrokenFile ? "broken-course" : "course"));
    Path exercises = Files.createDirectories(course.resolve("exercises"));
    for (String exercise : List.of("seed-000-tanh-three-steps.yaml", "seed-002-forward-sensitivities.yaml",
        "seed-000-variants.yaml")) {
      Files.copy(Path.of("exercises", exercise), exercises.resolve(exercise));
    }
    Path submissions = Files.createDirectories(course.resolve("submissions"));
    Files.copy(Path.of("exercises/samples/seed-000-author.yaml"), submissions.resolve("a.yaml"));
    Files.copy(Path.of("exercises/samples/seed-002-author.yaml"), submissions.resolve("b.yaml"));
    Files.writeString(submissions.resolve("c.yaml"), CliRunner.template("exercises/seed-000-variants.yaml", "s3"));
    if (withBrokenFile) {
      Files.writeString(submissions.resolve("d.yaml"), "exercise: seed-000\nstudent: s4\nanswers:\n  \"h[7]\": 1\n");
    }
    return course;
  }

  private record Result(int code, String output) {}

  private static Result bash(String script, Path directory, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(directory.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the step ends");
    return new Result(process.exitValue(), output);
  }

  /** ${{ secrets.NAME }} as GitHub would fill it in. */
  private static String expand(String value, Map<String, String> secrets) {
    String expanded = value;
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      expanded = expanded.replace("${{ secrets." + secret.getKey() + " }}", secret.getValue());
    }
    assertFalse(expanded.contains("${{"), "an expression the test does not fill in: " + value);
    return expanded;
  }

  private static void putAll(Map<String, String> into, JsonNode env, Map<String, String> secrets) {
    if (env != null) {
      env.fields().forEachRemaining(entry -> into.put(entry.getKey(), expand(entry.getValue().asText(), secrets)));
    }
  }

  /** Runs the workflow's steps as GitHub does: after a failure only the steps marked if: always(). */
  private static Result gitHub(Path course, Path summary) throws Exception {
    JsonNode job = YAML.readTree(Path.of("examples/github-actions-grade.yml").toFile()).get("jobs").get("grade");
    Map<String, String> secrets = Map.of("BPTT_COURSE_SALT", CliRunner.SALT);
    boolean failed = false;
    StringBuilder log = new StringBuilder();
    int ran = 0;
    for (JsonNode step : job.get("steps")) {
      if (!step.has("run") || step.get("run").asText().contains("mvn ")) {
        continue; // actions (checkout, setup-java, upload-artifact) and the build
      }
      if (failed && !step.path("if").asText().equals("always()")) {
        continue;
      }
      Map<String, String> environment = new HashMap<>();
      putAll(environment, job.get("env"), secrets);
      putAll(environment, step.get("env"), secrets);
      environment.put("GRADER", GRADER);
      environment.put("GITHUB_STEP_SUMMARY", summary.toString());
      Result result = bash(step.get("run").asText(), course, environment);
      ran++;
      log.append(result.output());
      failed |= result.code() != 0;
    }
    assertEquals(3, ran, "the grade, summary and check steps: " + log);
    return new Result(failed ? 1 : 0, log.toString());
  }

  private static Result gitLab(Path course) throws Exception {
    JsonNode pipeline = YAML.readTree(Path.of("examples/gitlab-ci-grade.yml").toFile());
    Map<String, String> environment = new HashMap<>();
    putAll(environment, pipeline.get("variables"), Map.of());
    environment.put("GRADER", GRADER);
    environment.put("BPTT_COURSE_SALT", CliRunner.SALT); // a masked CI/CD variable
    List<String> lines = new ArrayList<>();
    pipeline.get("grade").get("script").forEach(line -> lines.add(line.asText()));
    assertTrue(pipeline.get("build-grader").get("script").get(0).asText().startsWith("mvn "));
    return bash(String.join("\n", lines), course, environment);
  }

  @Test
  void theGitHubWorkflowGradesTheClassWritesTheSummaryAndFailsOnlyOnRejectedFiles(@TempDir Path folder)
      throws Exception {
    Path course = course(folder, false);
    Path summary = folder.resolve("step-summary.md");
    Result clean = gitHub(course, summary);
    assertEquals(0, clean.code(), clean.output());
    assertTrue(clean.output().contains("grade exited 1"), "wrong answers do not fail the job: " + clean.output());
    String written = Files.readString(summary);
    assertTrue(written.contains("class results") && written.contains("seed-000") && written.contains("seed-002"),
        written);
    assertTrue(Files.exists(course.resolve("reports/seed-000/index.html")));
    assertTrue(Files.exists(course.resolve("reports/seed-000-variants/s3.html")), "the randomized exercise, with the salt");
    GradeResultSchemaTest.assertValid(Files.readString(course.resolve("grade-result.json")));

    Path broken = course(folder, true);
    Path brokenSummary = folder.resolve("broken-summary.md");
    Result rejected = gitHub(broken, brokenSummary);
    assertNotEquals(0, rejected.code(), rejected.output());
    assertTrue(rejected.output().contains("some answer files were rejected"), rejected.output());
    assertTrue(Files.readString(brokenSummary).contains("### Rejected answer files"));
    assertTrue(Files.readString(brokenSummary).contains("d.yaml:4:3: answers: unknown quantity 'h[7]'"));
    assertTrue(Files.exists(broken.resolve("reports/seed-002/seed-002-author.html")), "the rest is graded");
  }

  @Test
  void theGitLabJobGradesTheClassAndFailsOnlyOnRejectedFiles(@TempDir Path folder) throws Exception {
    Result clean = gitLab(course(folder, false));
    assertEquals(0, clean.code(), clean.output());
    assertTrue(clean.output().contains("class results"), clean.output());
    Path broken = course(folder, true);
    Result rejected = gitLab(broken);
    assertNotEquals(0, rejected.code(), rejected.output());
    assertTrue(rejected.output().contains("d.yaml:4:3: answers: unknown quantity"), rejected.output());
    assertTrue(Files.exists(broken.resolve("reports/seed-000/index.html")));
  }
}

package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shared helpers for the command-line tests: run the command in-process, list the files a run
 * wrote, and build submissions from the {@code template} and {@code solve} commands' output.
 * Tests run from the project root (see the surefire configuration), so exercises/ is relative.
 */
public final class CliRunner {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The course salt for randomized exercises (each student gets their own variant). Passed to
   * {@code template} and {@code grade} alike; exercises that are not randomized ignore it.
   */
  static final String SALT = "cli-test-salt";

  /** A blank answer line of {@code template}: {@code   "h[1]": ~}. */
  private static final Pattern BLANK_ANSWER = Pattern.compile("^(\\s+)\"([^\"]+)\": ~$");

  private CliRunner() {}

  public record Run(int code, String out, String err) {

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("stdout is not JSON: " + out, e);
      }
    }

    /** The one submission of a {@code grade --format json} run. */
    JsonNode submission() {
      JsonNode submissions = json().get("submissions");
      assertNotNull(submissions, "no submissions in " + out);
      assertEquals(1, submissions.size(), out);
      return submissions.get(0);
    }
  }

  public static Run run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GraderCommand.execute(arguments, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** Every regular file under {@code folder}, relative to it, sorted; empty when it does not exist. */
  static List<String> filesUnder(Path folder) {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The students' reports under {@code folder}: every file but the class files (class.csv, index.html, summary.md). */
  static List<String> reportsUnder(Path folder) {
    return filesUnder(folder).stream().filter(file -> !file.matches("[^/]+/(class\\.csv|index\\.html|summary\\.md)"))
        .toList();
  }

  /** The exercise files, exercises/*.yaml, sorted. */
  static List<String> exerciseFiles() {
    return yamlFilesIn(Path.of("exercises"));
  }

  /** The sample submissions, exercises/samples/*.yaml, sorted. */
  static List<String> sampleFiles() {
    return yamlFilesIn(Path.of("exercises", "samples"));
  }

  /** Whether a sample holds a seed document's own printed values (which have slips), not our hand work. */
  static boolean isDocumentSample(String sample) {
    return sample.endsWith("-author.yaml");
  }

  /** Whether a sample has slips of its document's: every document's but seed 001's (honest 4-decimal hand work). */
  static boolean hasSlips(String sample) {
    return isDocumentSample(sample) && !sample.contains("seed-001");
  }

  private static List<String> yamlFilesIn(Path folder) {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(path -> path.getFileName().toString().endsWith(".yaml"))
          .map(path -> path.toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blank submission {@code template} prints for an exercise (with {@link #SALT} if it is randomized). */
  static String template(String exerciseFile, String student) {
    Run template = run("template", exerciseFile, "--student", student, "--salt", SALT);
    assertEquals(0, template.code(), template.err());
    return template.out();
  }

  /** Whether the exercise gives every student their own variant (its template records one). */
  static boolean isRandomized(String exerciseFile) {
    return template(exerciseFile, "probe").lines().anyMatch(line -> line.startsWith("variant:"));
  }

  /** The exercises with one fixed set of numbers, which {@code solve} solves. */
  static List<String> fixedExerciseFiles() {
    return exerciseFiles().stream().filter(file -> !isRandomized(file)).toList();
  }

  /**
   * The {@code template} output with every blank filled in with the exact value {@code solve
   * --format json} prints: a submission with every asked quantity right.
   */
  static String perfectSubmission(String exerciseFile, String student) {
    if (isRandomized(exerciseFile)) {
      throw new AssertionError(exerciseFile + " is randomized: solve does not print a student's variant");
    }
    Run solve = run("solve", exerciseFile, "--format", "json");
    assertEquals(0, solve.code(), solve.err());
    JsonNode quantities = solve.json().get("quantities");
    List<String> lines = new ArrayList<>();
    int filled = 0;
    for (String line : template(exerciseFile, student).split("\n", -1)) {
      Matcher blank = BLANK_ANSWER.matcher(line);
      if (blank.matches()) {
        JsonNode value = quantities.get(blank.group(2));
        assertNotNull(value, "solve prints no value for " + blank.group(2));
        try {
          line = blank.group(1) + "\"" + blank.group(2) + "\": " + JSON.writeValueAsString(value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        filled++;
      }
      lines.add(line);
    }
    if (filled == 0) {
      throw new AssertionError("the template of " + exerciseFile + " has no blank answers");
    }
    return String.join("\n", lines);
  }

  static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

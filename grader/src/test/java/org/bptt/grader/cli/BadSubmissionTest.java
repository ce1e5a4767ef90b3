package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.filesUnder;
import static org.bptt.grader.cli.CliRunner.run;
import static org.bptt.grader.cli.CliRunner.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bptt.grader.cli.CliRunner.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad submission stops {@code grade} with exit code 2, one line on stderr of the
 * form {@code error: FILE:LINE:COLUMN: what was expected}, no stack trace, nothing on stdout and
 * no report files. Each case checks the exact message, so a change to one is a conscious one.
 *
 * <p>The submissions are graded against a private exercises folder holding copies of seeds 000,
 * 002 and 003, so the unknown-exercise message (which lists the known ids) does not change when
 * an exercise is added to the project.
 */
class BadSubmissionTest {

  @TempDir static Path exercises;

  @BeforeAll
  static void copyExercises() throws IOException {
    for (String file : List.of("seed-000-tanh-three-steps.yaml", "seed-002-forward-sensitivities.yaml",
        "seed-003-vector-bptt.yaml")) {
      Files.copy(Path.of("exercises", file), exercises.resolve(file));
    }
  }

  private static final String HEADER_000 = "exercise: seed-000\nstudent: s1\nanswers:\n";
  private static final String HEADER_002 = "exercise: seed-002\nstudent: s1\nanswers:\n";
  private static final String HEADER_003 = "exercise: seed-003\nstudent: s1\nanswers:\n";
  private static final String NOT_A_NUMBER = "expected a number such as 0.5 or -4.8e-3, got ";

  /**
   * name, submission text, the message after "error: FILE:", and whether --keep-going turns it
   * into an invalid answer (true) or it stays an error (false: the file itself is unusable).
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        // Malformed YAML: SnakeYAML's problem, where it is.
        Arguments.of("malformed-yaml", HEADER_000 + "  \"a[1]\": [0.5\n",
            "5:1: not valid YAML: expected ',' or ']', but got <stream end>", false),
        Arguments.of("malformed-indentation", HEADER_000 + "  \"a[1]\": 0.5\n   \"h[1]\": 0.46\n",
            "5:10: not valid YAML: mapping values are not allowed here", false),
        Arguments.of("empty-file", "", "1:1: the file is empty, expected a YAML mapping", false),
        Arguments.of("not-a-mapping", "- 1\n- 2\n",
            "1:1: submission: expected a mapping of keys to values, got a list of 2", false),

        Arguments.of("unknown-exercise", "exercise: seed-999\nstudent: s1\nanswers:\n  \"a[1]\": 0.5\n",
            "1:11: exercise: no exercise with id 'seed-999' in " + exercises
                + " (known: seed-000, seed-002, seed-003)", false),
        Arguments.of("unknown-quantity", HEADER_000 + "  \"a[1]\": 0.5\n  \"q[1]\": 0.5\n",
            "5:3: answers: unknown quantity 'q[1]' for exercise seed-000; did you mean 'L[1]', 'a[1]' or 'h[1]'? "
                + "(use the names that 'template' lists)",
            false),
        Arguments.of("quantity-of-another-notation", HEADER_000 + "  \"dL/dU\": 0.5\n",
            "4:3: answers: unknown quantity 'dL/dU' for exercise seed-000; did you mean 'dL/dh0'? (use the names that "
                + "'template' lists)",
            false),
        Arguments.of("step-out-of-range", HEADER_000 + "  \"h[4]\": 0.5\n",
            "4:3: answers: unknown quantity 'h[4]' for exercise seed-000; did you mean 'h[1]', 'h[2]' or 'h[3]'? "
                + "(use the names that 'template' lists)",
            false),

        Arguments.of("wrong-shape-list-for-number", HEADER_000 + "  \"a[1]\": [0.5, 0.6]\n",
            "4:11: a[1]: expected a single number, got a list of 2 numbers", true),
        Arguments.of("wrong-shape-short-vector", HEADER_003 + "  \"h[1]\": [0.1, 0.2]\n",
            "4:11: h[1]: expected a list of 3 numbers, got a list of 2 numbers", true),
        Arguments.of("wrong-shape-number-for-vector", HEADER_003 + "  \"h[1]\": 0.1\n",
            "4:11: h[1]: expected a list of 3 numbers, got a single number", true),
        Arguments.of("wrong-shape-matrix", HEADER_003 + "  \"dL/dW_hh\": [[1, 2, 3], [4, 5, 6]]\n",
            "4:15: dL/dW_hh: expected shape 3x3, got 2x3", true),
        Arguments.of("ragged-matrix", HEADER_003 + "  \"dL/dW_hh\": [[1, 2, 3], [4, 5], [7, 8, 9]]\n",
            "4:27: dL/dW_hh: row 2 has 2 numbers, row 1 has 3", true),
        Arguments.of("list-for-scalar", HEADER_003 + "  \"L\": [1, 2, 3]\n",
            "4:8: L: expected a single number, got a list of 3 numbers", true),
        Arguments.of("mapping-for-number", HEADER_000 + "  \"a[1]\": {value: 0.5}\n",
            "4:11: a[1]: expected a list, got a mapping", true),

        Arguments.of("non-numeric-string", HEADER_000 + "  \"a[1]\": \"half\"\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'half'", true),
        Arguments.of("non-numeric-plain", HEADER_000 + "  \"a[1]\": about 0.5\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'about 0.5'", true),
        Arguments.of("non-numeric-entry", HEADER_003 + "  \"h[1]\": [0.1, x, 0.3]\n",
            "4:17: h[1] entry 2: " + NOT_A_NUMBER + "'x'", true),
        Arguments.of("hexadecimal", HEADER_000 + "  \"a[1]\": 0x1F\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'0x1F'", true),
        Arguments.of("boolean", HEADER_000 + "  \"a[1]\": true\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'true'", true),

        Arguments.of("nan-yaml", HEADER_000 + "  \"a[1]\": .nan\n", "4:11: a[1]: " + NOT_A_NUMBER + "'.nan'", true),
        Arguments.of("nan-string", HEADER_000 + "  \"a[1]\": \"NaN\"\n", "4:11: a[1]: " + NOT_A_NUMBER + "'NaN'", true),
        Arguments.of("nan-entry", HEADER_003 + "  \"h[1]\": [0.1, .NaN, 0.3]\n",
            "4:17: h[1] entry 2: " + NOT_A_NUMBER + "'.NaN'", true),
        Arguments.of("nan-json", "{\"exercise\": \"seed-000\", \"student\": \"s1\", \"answers\": {\"a[1]\": NaN}}\n",
            "1:63: a[1]: " + NOT_A_NUMBER + "'NaN'", true),

        Arguments.of("infinity-yaml", HEADER_000 + "  \"a[1]\": .inf\n", "4:11: a[1]: " + NOT_A_NUMBER + "'.inf'", true),
        Arguments.of("negative-infinity-yaml", HEADER_000 + "  \"a[1]\": -.inf\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'-.inf'", true),
        Arguments.of("infinity-word", HEADER_000 + "  \"a[1]\": Infinity\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'Infinity'", true),
        Arguments.of("infinity-string", HEADER_000 + "  \"a[1]\": \"Infinity\"\n",
            "4:11: a[1]: " + NOT_A_NUMBER + "'Infinity'", true),
        Arguments.of("overflow-to-infinity", HEADER_000 + "  \"a[1]\": 1e999\n",
            "4:11: a[1]: expected a finite number, got '1e999'", true),

        Arguments.of("duplicate-answer", HEADER_000 + "  \"a[1]\": 0.5\n  \"h[1]\": 0.46\n  \"a[1]\": 0.6\n",
            "6:3: duplicate key 'a[1]' (first written at line 4)", false),
        Arguments.of("duplicate-top-level-key", "exercise: seed-000\nstudent: s1\nstudent: s2\nanswers:\n  \"a[1]\": 0.5\n",
            "3:1: duplicate key 'student' (first written at line 2)", false),
        Arguments.of("duplicate-answer-json",
            "{\"exercise\": \"seed-000\", \"student\": \"s1\", \"answers\": {\"a[1]\": 0.5, \"a[1]\": 0.6}}\n",
            "1:68: duplicate key 'a[1]' (first written at line 1)", false),

        Arguments.of("missing-answers", "exercise: seed-000\nstudent: s1\n",
            "1:1: submission: missing required key 'answers'", false),
        Arguments.of("missing-exercise", "student: s1\nanswers:\n  \"a[1]\": 0.5\n",
            "1:1: submission: missing required key 'exercise'", false),
        Arguments.of("answers-not-a-mapping", "exercise: seed-000\nstudent: s1\nanswers: [0.5]\n",
            "3:10: answers: expected a mapping of keys to values, got a list of 1", false),
        Arguments.of("unknown-top-level-key", "exercise: seed-000\nstudent: s1\ngrade: 100\nanswers:\n  \"a[1]\": 0.5\n",
            "3:1: submission: unknown key 'grade', expected one of exercise, student, variant, answers", false),
        Arguments.of("malformed-variant", "exercise: seed-000\nstudent: s1\nvariant: abc\nanswers:\n  \"a[1]\": 0.5\n",
            "3:10: variant: expected the 16 hex digits the answer file was generated with, got 'abc'", false),

        Arguments.of("two-names-for-one-quantity", HEADER_002 + "  \"dL/dU\": -0.27\n  \"dL/dW_hh\": -0.27\n",
            "5:3: answers: 'dL/dW_hh' and 'dL/dU' name the same quantity dL/dW_hh", false),
        Arguments.of("two-names-for-one-quantity-canonical-first",
            HEADER_002 + "  \"updated.W_xh\": 0.51\n  \"updated.w\": 0.51\n",
            "5:3: answers: 'updated.w' and 'updated.W_xh' name the same quantity updated.W_xh", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badSubmissionIsOneErrorLineWithFileAndLine(String name, String text, String message, boolean valueError,
      @TempDir Path folder) {
    Path submission = write(folder.resolve(name + ".yaml"), text);
    Path out = folder.resolve("out");
    Run run = run("grade", submission.toString(), "--exercises", exercises.toString(), "--out", out.toString());

    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out(), "nothing on stdout");
    assertEquals(1, run.err().lines().count(), "one line on stderr: " + run.err());
    assertTrue(run.err().endsWith("\n") || run.err().endsWith("\r\n"), run.err());
    assertTrue(Pattern.compile("error: " + Pattern.quote(submission.toString()) + ":\\d+:\\d+: \\S.*\\R")
        .matcher(run.err()).matches(), "error: FILE:LINE:COL: ...: " + run.err());
    assertFalse(run.err().contains("Exception"), "no exception names: " + run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertEquals("error: " + submission + ":" + message, run.err().strip());
    assertEquals(List.of(), filesUnder(out), "no report files");
  }

  /**
   * With --keep-going an unreadable value is graded as invalid and the rest is graded; a file that
   * cannot be read as a submission at all is still an error.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepGoingGradesAnUnreadableValueAsInvalid(String name, String text, String message, boolean valueError,
      @TempDir Path folder) {
    Path submission = write(folder.resolve(name + ".yaml"), text);
    Path out = folder.resolve("out");
    Run run = run("grade", submission.toString(), "--exercises", exercises.toString(), "--out", out.toString(),
        "--keep-going", "--format", "json");
    if (!valueError) {
      // rejected: its error on stderr and in the JSON, and nothing else to write
      assertEquals(2, run.code(), run.err());
      assertEquals("error: " + submission + ":" + message, run.err().strip());
      assertEquals(0, run.json().get("submissions").size(), run.out());
      JsonNode rejected = run.json().get("rejected");
      assertEquals(1, rejected.size(), run.out());
      assertEquals(submission.toString(), rejected.get(0).get("file").asText());
      assertEquals(submission + ":" + message, rejected.get(0).get("error").asText());
      assertEquals(2, run.json().get("summary").get("exit_code").asInt());
      assertEquals(List.of(), filesUnder(out));
      return;
    }
    assertEquals(1, run.code(), run.err());
    assertEquals("", run.err());
    long invalid = 0;
    for (JsonNode quantity : run.submission().get("quantities")) {
      if (quantity.get("verdict").asText().equals("invalid")) {
        invalid++;
        assertEquals(submission + ":" + message, quantity.get("feedback").asText());
        assertTrue(quantity.get("submitted").isNull());
        assertEquals(0.0, quantity.get("credit").asDouble());
      }
    }
    assertEquals(1, invalid, run.out());
    assertEquals(3, CliRunner.reportsUnder(out).size(), filesUnder(out).toString());
  }

  @Test
  void theSameBadSubmissionsFailTheDefaultExercisesFolderToo(@TempDir Path folder) {
    Path submission = write(folder.resolve("nan.yaml"), HEADER_000 + "  \"a[1]\": .nan\n");
    Run run = run("grade", submission.toString(), "--out", folder.resolve("out").toString());
    assertEquals(2, run.code());
    assertEquals("error: " + submission + ":4:11: a[1]: " + NOT_A_NUMBER + "'.nan'", run.err().strip());
  }

  // ---- malformed YAML: the problem and where it is ------------------------------------------------

  @Test
  void unclosedListSaysWhatIsMissing(@TempDir Path folder) {
    Path submission = write(folder.resolve("s.yaml"), HEADER_000 + "  \"a[1]\": [0.5\n");
    Run run = run("grade", submission.toString(), "--no-reports");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("expected ',' or ']'"), run.err());
  }

  @Test
  void tabIndentationIsReportedWhereTheTabIs(@TempDir Path folder) {
    Path submission = write(folder.resolve("s.yaml"), HEADER_000 + "\t\"a[1]\": 0.5\n");
    Run run = run("grade", submission.toString(), "--no-reports");
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("error: " + submission + ":4:1: "), run.err());
    assertTrue(run.err().contains("TAB") || run.err().contains("tab"), run.err());
  }
}

package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bptt.grader.present.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reveal} and {@code grading.reveal} on every output a student can see: the HTML, Markdown
 * and JUnit XML reports, the printed summary and the JSON (and Gradescope's results). At
 * {@code hints} no digit string of a reference value of an answer that is not correct appears in
 * any of them.
 */
class RevealLevelsTest {

  /** Samples with wrong, carried-forward and diagnosed answers. */
  static final List<String> SAMPLES = List.of("exercises/samples/seed-000-author.yaml",
      "exercises/samples/seed-002-author.yaml", "exercises/samples/seed-004-author.yaml");

  /** Everything a student can see from one run: each report file's text, the summary, by name. */
  static Map<String, String> studentOutputs(Path folder, String level, String format, List<String> samples) {
    Path out = folder.resolve(level + "-" + format);
    List<String> arguments = new ArrayList<>(List.of("grade", "--out", out.toString(), "--format", format));
    if (level != null) {
      arguments.addAll(List.of("--reveal", level));
    }
    arguments.addAll(samples);
    CliRunner.Run run = run(arguments.toArray(String[]::new));
    assertTrue(run.code() == 1 || run.code() == 0, run.err());
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("stdout " + format, run.out());
    for (String file : CliRunner.reportsUnder(out)) {
      try {
        outputs.put(file, Files.readString(out.resolve(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return outputs;
  }

  /** Every number of a JSON value (a number, a vector, a matrix). */
  private static void numbers(JsonNode value, List<Double> into) {
    if (value.isNumber()) {
      into.add(value.asDouble());
    } else if (value.isArray()) {
      value.forEach(entry -> numbers(entry, into));
    }
  }

  /**
   * The digit strings of the reference values of answers that are not correct, in the ways the
   * grader writes numbers (3 to 6 significant digits, 2 to 6 decimals), without those that a student
   * legitimately sees anyway: any that is in the submission files they wrote, or in what the
   * {@code verdicts} level shows.
   */
  static Set<String> referenceDigits(Path folder, List<String> samples) throws IOException {
    CliRunner.Run full = run(Stream.concat(Stream.of("grade", "--format", "json", "--no-reports", "--reveal", "full"),
        samples.stream()).toArray(String[]::new));
    Set<String> digits = new TreeSet<>();
    for (JsonNode submission : full.json().get("submissions")) {
      for (JsonNode quantity : submission.get("quantities")) {
        if (quantity.get("verdict").asText().equals("correct")) {
          continue;
        }
        List<Double> values = new ArrayList<>();
        numbers(quantity.get("expected"), values);
        for (double value : values) {
          for (int figures = 3; figures <= 6; figures++) {
            digits.add(Numbers.format(value, figures));
          }
          for (int decimals = 2; decimals <= 6; decimals++) {
            digits.add(String.format(Locale.ROOT, "%." + decimals + "f", value));
          }
        }
      }
    }
    digits.removeIf(text -> text.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() < 3);
    StringBuilder allowed = new StringBuilder();
    for (String sample : samples) {
      allowed.append(Files.readString(Path.of(sample)));
    }
    for (String format : List.of("text", "json")) {
      studentOutputs(folder, "verdicts", format, samples).values().forEach(allowed::append);
    }
    digits.removeIf(text -> allowed.toString().contains(text));
    return digits;
  }

  /** The reference digits found in the outputs: output name to the strings in it. */
  static Map<String, List<String>> leaks(Map<String, String> outputs, Set<String> digits) {
    Map<String, List<String>> leaks = new LinkedHashMap<>();
    outputs.forEach((name, text) -> {
      List<String> found = digits.stream().filter(text::contains).toList();
      if (!found.isEmpty()) {
        leaks.put(name, found);
      }
    });
    return leaks;
  }

  /** Seed 000 answered exactly but for dL/do[3], whose sign is flipped (target - y): a diagnosed misconception. */
  static String signFlipped(Path folder) {
    String perfect = CliRunner.perfectSubmission("exercises/seed-000-tanh-three-steps.yaml", "flipped");
    String flipped = perfect.replaceFirst("\"dL/do\\[3\\]\": \\[ ?-", "\"dL/do[3]\": [");
    assertFalse(flipped.equals(perfect), perfect);
    return CliRunner.write(folder.resolve("flipped.yaml"), flipped).toString();
  }

  @Test
  void atHintsNoReferenceDigitOfAnAnswerNotCorrectAppearsAnywhereAStudentSees(@TempDir Path folder)
      throws IOException {
    List<String> samples = new ArrayList<>(SAMPLES);
    samples.add(signFlipped(folder));
    Set<String> digits = referenceDigits(folder, samples);
    assertTrue(digits.size() > 50, "enough reference values to look for: " + digits.size());
    for (String format : List.of("text", "json")) {
      Map<String, String> full = studentOutputs(folder, "full", format, samples);
      assertFalse(leaks(full, digits).isEmpty(), "the check finds the reference values where they are shown");
      Map<String, String> hints = studentOutputs(folder, "hints", format, samples);
      assertEquals(13, hints.size(), hints.keySet().toString());
      assertEquals(Map.of(), leaks(hints, digits));
      String html = hints.get("seed-002/seed-002-author.html");
      assertTrue(html.contains("Not the reference value, but it follows correctly from your own "),
          "a carried-forward hint names the answer it follows from");
      assertFalse(html.contains("<th>expected</th>"));
    }
    boolean fullShowsThem = false;
    for (String sample : samples) {
      String gradescope = run("grade", sample, "--format", "gradescope", "--no-reports", "--reveal", "hints").out();
      assertEquals(Map.of(), leaks(Map.of("gradescope " + sample, gradescope), digits));
      String fullGradescope = run("grade", sample, "--format", "gradescope", "--no-reports").out();
      fullShowsThem |= !leaks(Map.of("gradescope", fullGradescope), digits).isEmpty();
    }
    assertTrue(fullShowsThem, "the check finds the reference values in Gradescope's output at full");
    JsonNode hints = CliRunner.JSON.readTree(studentOutputs(folder, "hints", "json", samples).get("stdout json"));
    JsonNode quantities = hints.get("submissions").get(0).get("quantities");
    assertTrue(quantities.size() > 0);
    quantities.forEach(quantity -> assertFalse(quantity.has("expected") || quantity.has("submitted"), quantity.toString()));
    assertTrue(hints.toString().contains("\"diagnosis\":\"sign-flipped\""), "the misconceptions are named at hints");
  }

  @Test
  void atScoreOnlyTheTotalAndAtVerdictsNoFeedbackOnTheAnswers(@TempDir Path folder) throws IOException {
    Map<String, String> score = studentOutputs(folder, "score", "json", SAMPLES.subList(0, 1));
    JsonNode submission = CliRunner.JSON.readTree(score.get("stdout json")).get("submissions").get(0);
    assertEquals("score", submission.get("reveal").asText());
    assertEquals(0, submission.get("quantities").size());
    assertFalse(submission.has("counts"));
    String markdown = score.get("seed-000/seed-000-author.md");
    assertFalse(markdown.contains("h[2]") || markdown.contains("| quantity |"), markdown);
    assertFalse(score.get("seed-000/seed-000-author.html").contains("<table>"));
    String junit = score.get("seed-000/seed-000-author.junit.xml");
    assertTrue(junit.contains("tests=\"1\" failures=\"1\"") && junit.contains("name=\"score\""), junit);
    String text = studentOutputs(folder, "score", "text", SAMPLES.subList(0, 1)).get("stdout text");
    assertEquals(2, text.lines().count(), text);

    Map<String, String> verdicts = studentOutputs(folder, "verdicts", "json", SAMPLES.subList(1, 2));
    for (JsonNode quantity : CliRunner.JSON.readTree(verdicts.get("stdout json")).get("submissions").get(0)
        .get("quantities")) {
      assertEquals(Set.of("name", "verdict", "credit", "feedback"), fieldNames(quantity));
      if (!Set.of("missing", "invalid", "not-gradable").contains(quantity.get("verdict").asText())) {
        assertEquals("", quantity.get("feedback").asText(), quantity.toString());
      }
    }
    assertFalse(verdicts.get("seed-002/seed-002-author.md").contains("Expected"));
    for (String level : List.of("score", "verdicts", "hints", "full")) {
      GradeResultSchemaTest.assertValid(studentOutputs(folder, level, "json", SAMPLES).get("stdout json"));
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anExerciseSetsItsDefaultLevelAndTheOptionOverridesIt(@TempDir Path folder) throws IOException {
    Path exercises = Files.createDirectories(folder.resolve("exercises"));
    String seed = Files.readString(Path.of("exercises/seed-000-tanh-three-steps.yaml"));
    Files.writeString(exercises.resolve("seed-000.yaml"), seed + "\ngrading:\n  reveal: verdicts\n");
    String sample = "exercises/samples/seed-000-author.yaml";
    CliRunner.Run byDefault = run("grade", sample, "--exercises", exercises.toString(), "--format", "json",
        "--no-reports");
    assertEquals("verdicts", byDefault.submission().get("reveal").asText(), byDefault.err());
    CliRunner.Run overridden = run("grade", sample, "--exercises", exercises.toString(), "--format", "json",
        "--no-reports", "--reveal", "full");
    assertEquals("full", overridden.submission().get("reveal").asText());
    Files.writeString(exercises.resolve("seed-000.yaml"), seed + "\ngrading:\n  reveal: some\n");
    CliRunner.Run bad = run("grade", sample, "--exercises", exercises.toString(), "--no-reports");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("grading.reveal: expected one of score, verdicts, hints, full, got 'some'"),
        bad.err());
    CliRunner.Run badOption = run("grade", sample, "--no-reports", "--reveal", "all");
    assertEquals(2, badOption.code());
    assertEquals("error: --reveal: expected score, verdicts, hints or full, got 'all'\n", badOption.err());
  }
}

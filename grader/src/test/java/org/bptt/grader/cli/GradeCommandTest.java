package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.filesUnder;
import static org.bptt.grader.cli.CliRunner.reportsUnder;
import static org.bptt.grader.cli.CliRunner.run;
import static org.bptt.grader.cli.CliRunner.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bptt.grader.cli.CliRunner.Run;
import org.bptt.grader.error.InputException;
import org.bptt.grader.report.ReportFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code grade} command end to end: exit codes, the JSON summary, where reports go, that a
 * run with any bad submission writes nothing, reproducible reports, carried-forward credit, and
 * that a student's text can neither escape into HTML nor steer a report outside {@code --out}.
 * The bad-input messages themselves are checked one by one in {@link BadSubmissionTest}.
 */
class GradeCommandTest {

  private static final String SEED_000_SAMPLE = "exercises/samples/seed-000-author.yaml";
  private static final String SEED_002_SAMPLE = "exercises/samples/seed-002-author.yaml";

  /** Every exercise; a randomized one is used through {@link CliRunner#SALT}. */
  static List<String> exercises() {
    return CliRunner.exerciseFiles();
  }

  /** The exercises with fixed numbers, whose exact values {@code solve} prints. */
  static List<String> fixedExercises() {
    return CliRunner.fixedExerciseFiles();
  }

  static List<String> samples() {
    return CliRunner.sampleFiles();
  }

  // ---- exit codes -------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("fixedExercises")
  void everyQuantityExactlyRightExitsZero(String exerciseFile, @TempDir Path folder) {
    Path submission = write(folder.resolve("perfect.yaml"), CliRunner.perfectSubmission(exerciseFile, "perfect"));
    Run run = run("grade", submission.toString(), "--out", folder.resolve("out").toString(), "--format", "json");
    assertEquals(0, run.code(), run.err() + run.out());
    assertEquals("", run.err());
    JsonNode result = run.submission();
    int correct = 0;
    for (JsonNode quantity : result.get("quantities")) {
      // A quantity no hand computation can decide (seed 001's chaotic L_after[1000]) is not graded.
      String verdict = quantity.get("verdict").asText();
      assertTrue(verdict.equals("correct") || verdict.equals("not-gradable"), quantity.toString());
      correct += verdict.equals("correct") ? 1 : 0;
    }
    assertTrue(correct > 0);
    assertEquals(correct, result.get("max_score").asInt());
    assertEquals(result.get("max_score").asDouble(), result.get("score").asDouble());
  }

  /** Every seed document but 001 has wrong or missing answers; 001's are honest 4-decimal hand work. */
  static List<String> samplesWithMistakes() {
    return samples().stream().filter(CliRunner::hasSlips).toList();
  }

  /** Our honest hand or calculator work on our own exercises (not a document's values): full credit. */
  static List<String> handWorkedSamples() {
    return samples().stream().filter(sample -> !CliRunner.isDocumentSample(sample)).toList();
  }

  @ParameterizedTest
  @MethodSource("handWorkedSamples")
  void handWorkedSamplesEarnFullCreditAndExitZero(String sample, @TempDir Path folder) {
    Run run = run("grade", sample, "--out", folder.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals("", run.err());
    assertEquals(3, reportsUnder(folder).size(), "three reports: " + reportsUnder(folder));
  }

  @ParameterizedTest
  @MethodSource("samplesWithMistakes")
  void seedSamplesWithSomeWrongOrMissingAnswersExitOne(String sample, @TempDir Path folder) {
    Run run = run("grade", sample, "--out", folder.toString());
    assertEquals(1, run.code(), run.err());
    assertEquals("", run.err());
    assertEquals(3, reportsUnder(folder).size(), "three reports: " + reportsUnder(folder));
  }

  /**
   * Seed 001 prints every value as honest 4-decimal hand work gives it (its total loss is the sum of
   * its rounded per-step losses): all correct, and the chaotic L_after[1000] not gradable.
   */
  @Test
  void seed001SampleIsHonestHandWorkAndExitsZero(@TempDir Path folder) {
    String sample = samples().stream().filter(name -> name.contains("seed-001")).findFirst().orElseThrow();
    Run run = run("grade", sample, "--out", folder.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(3, reportsUnder(folder).size(), "three reports: " + reportsUnder(folder));
  }

  @Test
  void allSamplesTogetherExitOne(@TempDir Path folder) {
    List<String> arguments = new ArrayList<>(List.of("grade", "--out", folder.toString()));
    arguments.addAll(samples());
    Run run = run(arguments.toArray(String[]::new));
    assertEquals(1, run.code(), run.err());
    assertEquals(3 * samples().size(), reportsUnder(folder).size(), reportsUnder(folder).toString());
  }

  @Test
  void oneIncompleteSubmissionAmongPerfectOnesExitsOne(@TempDir Path folder) {
    Path perfect = write(folder.resolve("perfect.yaml"),
        CliRunner.perfectSubmission("exercises/seed-000-tanh-three-steps.yaml", "perfect"));
    assertEquals(0, run("grade", perfect.toString(), "--no-reports").code());
    assertEquals(1, run("grade", perfect.toString(), SEED_000_SAMPLE, "--no-reports").code());
  }

  @Test
  void badUsageExitsTwo(@TempDir Path folder) {
    String out = folder.resolve("out").toString();
    for (String[] arguments : List.of(
        new String[] {"grade"},
        new String[] {"grade", SEED_000_SAMPLE, "--format", "xml", "--out", out},
        new String[] {"grade", SEED_000_SAMPLE, "--carried-forward-credit", "1.5", "--out", out},
        new String[] {"grade", SEED_000_SAMPLE, "--carried-forward-credit", "-0.1", "--out", out},
        new String[] {"grade", SEED_000_SAMPLE, "--carried-forward-credit", "NaN", "--out", out},
        new String[] {"grade", SEED_000_SAMPLE, "--carried-forward-credit", "half", "--out", out},
        new String[] {"grade", SEED_000_SAMPLE, "--exercises", folder.resolve("none").toString(), "--out", out},
        new String[] {"grade", "exercises/samples/no-such-submission.yaml", "--out", out})) {
      Run run = run(arguments);
      String what = String.join(" ", arguments);
      assertEquals(2, run.code(), what + ": " + run.err());
      assertEquals("", run.out(), what);
      assertTrue(run.err().startsWith("error: ") || run.err().startsWith("usage error: "), what + ": " + run.err());
      assertFalse(run.err().contains("Exception"), run.err());
    }
    assertEquals(List.of(), filesUnder(folder));
  }

  @Test
  void aMissingFolderIsNamedWithTheOptionThatSetsIt(@TempDir Path folder) {
    String out = folder.resolve("out").toString();
    Run exercises = run("grade", SEED_000_SAMPLE, "--exercises", folder.resolve("none").toString(), "--out", out);
    assertEquals(2, exercises.code());
    assertTrue(exercises.err().contains("no such exercises folder (set by --exercises"), exercises.err());
    Run templates = run("grade", SEED_000_SAMPLE, "--templates", folder.resolve("mine").toString(), "--out", out);
    assertEquals(2, templates.code());
    assertTrue(templates.err().contains("no such templates folder (set by --templates"), templates.err());
    assertEquals(List.of(), filesUnder(folder));
    // without --templates the built-in templates are used, whatever the working directory holds
    assertEquals(1, run("grade", SEED_000_SAMPLE, "--out", out).code());
  }

  @Test
  void carriedForwardCreditOutOfRangeSaysSo() {
    Run run = run("grade", SEED_000_SAMPLE, "--carried-forward-credit", "1.5", "--no-reports");
    assertEquals("error: --carried-forward-credit: expected 0 to 1, got 1.5", run.err().strip());
  }

  // ---- JSON summary -----------------------------------------------------------------------------

  @Test
  void jsonSummaryOfOneSubmissionIsAnObjectWithEveryQuantity() {
    Run run = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports");
    assertEquals(1, run.code(), run.err());
    JsonNode result = run.submission();
    assertTrue(result.isObject(), run.out());
    assertHasSubmissionShape(result);
    assertEquals("seed-002", result.get("exercise").asText());
    assertEquals("seed-002-author", result.get("student").asText());
    // numbers of one type: 25.0 and 25.0, never 25.0 and 25
    assertTrue(result.get("score").isDouble(), run.out());
    assertTrue(result.get("max_score").isDouble(), run.out());
    assertEquals(result.get("quantities").size(), result.get("max_score").asInt());

    Map<String, JsonNode> byName = byName(result);
    // Canonical names, in the JSON, although the sample writes the document's notation (dL/dU).
    assertTrue(byName.containsKey("dL/dW_hh"), byName.keySet().toString());
    assertFalse(byName.containsKey("dL/dU"));

    JsonNode h3 = byName.get("h[3]"); // written as its pre-activation 0.858
    assertEquals("wrong", h3.get("verdict").asText());
    assertEquals(0.858, h3.get("submitted").get(0).asDouble());
    assertEquals(0.6956, h3.get("expected").get(0).asDouble(), 5e-5);
    assertTrue(h3.get("feedback").asText().startsWith("Expected 0.696 "), h3.toString()); // at the 3 decimals written

    JsonNode y3 = byName.get("y[3]"); // right from the student's own h[3]
    assertEquals("carried-forward", y3.get("verdict").asText());
    assertTrue(y3.get("diagnosis").isNull());

    JsonNode missing = byName.get("dh[3]/dh[1]");
    assertEquals("missing", missing.get("verdict").asText());
    assertTrue(missing.get("submitted").isNull());
    assertTrue(missing.get("expected").isArray());

    double credits = 0;
    for (JsonNode quantity : result.get("quantities")) {
      credits += quantity.get("credit").asDouble();
    }
    assertEquals(credits, result.get("score").asDouble(), 1e-9);
  }

  @Test
  void jsonSummaryIsOneObjectWithTheSubmissionsInArgumentOrder() {
    Run run = run("grade", SEED_002_SAMPLE, SEED_000_SAMPLE, "--format", "json", "--no-reports");
    assertEquals(1, run.code(), run.err());
    JsonNode results = run.json().get("submissions");
    assertTrue(results.isArray(), run.out());
    assertEquals(0, run.json().get("rejected").size());
    assertEquals(2, run.json().get("summary").get("graded").asInt());
    assertEquals(SEED_002_SAMPLE, results.get(0).get("file").asText());
    assertEquals(2, results.size());
    assertEquals("seed-002", results.get(0).get("exercise").asText());
    assertEquals("seed-000", results.get(1).get("exercise").asText());
    for (JsonNode result : results) {
      assertHasSubmissionShape(result);
    }
  }

  private static void assertHasSubmissionShape(JsonNode result) {
    for (String key : List.of("exercise", "student", "score", "max_score", "quantities")) {
      assertTrue(result.has(key), "missing '" + key + "' in " + result);
    }
    assertTrue(result.get("exercise").isTextual());
    assertTrue(result.get("student").isTextual());
    assertTrue(result.get("quantities").isArray());
    Set<String> verdicts = Set.of("correct", "carried-forward", "wrong", "missing", "invalid", "not-gradable");
    for (JsonNode quantity : result.get("quantities")) {
      for (String key : List.of("name", "verdict", "submitted", "expected", "diagnosis", "feedback")) {
        assertTrue(quantity.has(key), "missing '" + key + "' in " + quantity);
      }
      assertTrue(quantity.get("name").isTextual());
      assertTrue(verdicts.contains(quantity.get("verdict").asText()), quantity.toString());
      assertTrue(quantity.get("expected").isNumber() || quantity.get("expected").isArray()
          || quantity.get("expected").isTextual(), quantity.toString());
      assertTrue(quantity.get("diagnosis").isNull() || quantity.get("diagnosis").isTextual(), quantity.toString());
      assertTrue(quantity.get("feedback").isTextual() && !quantity.get("feedback").asText().isBlank());
      String verdict = quantity.get("verdict").asText();
      if (!verdict.equals("not-gradable")) {
        boolean answered = !Set.of("missing", "invalid").contains(verdict);
        assertEquals(answered, !quantity.get("submitted").isNull(), quantity.toString());
      }
    }
  }

  private static Map<String, JsonNode> byName(JsonNode result) {
    Map<String, JsonNode> byName = new HashMap<>();
    result.get("quantities").forEach(quantity -> byName.put(quantity.get("name").asText(), quantity));
    return byName;
  }

  // ---- reports ----------------------------------------------------------------------------------

  @Test
  void reportsAreWrittenUnderOutByExerciseAndStudent(@TempDir Path folder) {
    Path out = folder.resolve("reports");
    Run run = run("grade", SEED_000_SAMPLE, SEED_002_SAMPLE, "--out", out.toString());
    assertEquals(1, run.code(), run.err());
    assertEquals(List.of(
        "seed-000/seed-000-author.html", "seed-000/seed-000-author.junit.xml", "seed-000/seed-000-author.md",
        "seed-002/seed-002-author.html", "seed-002/seed-002-author.junit.xml", "seed-002/seed-002-author.md"),
        reportsUnder(out));
    List<String> lines = run.out().lines().filter(line -> !line.startsWith(" ")).toList();
    assertEquals(3, lines.size(), run.out());
    assertEquals("graded 2 files, 0 with full credit", lines.get(2));
    assertTrue(lines.get(0).startsWith("seed-000 seed-000-author: "), lines.get(0));
    assertTrue(lines.get(0).endsWith(" -> " + out.toAbsolutePath().resolve("seed-000/seed-000-author.html")),
        lines.get(0));
  }

  @Test
  void noReportsWritesNothing(@TempDir Path folder) {
    Path out = folder.resolve("reports");
    Run run = run("grade", SEED_000_SAMPLE, "--out", out.toString(), "--no-reports");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().startsWith("seed-000 seed-000-author: "), run.out());
    assertFalse(run.out().contains(" -> "), run.out());
    assertFalse(Files.exists(out));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRunWithAnyBadSubmissionWritesNothing(boolean badFirst, @TempDir Path folder) {
    Path bad = write(folder.resolve("bad.yaml"), "exercise: seed-000\nstudent: bad\nanswers:\n  \"a[1]\": half\n");
    Path out = folder.resolve("out");
    List<String> arguments = new ArrayList<>(List.of("grade", "--out", out.toString()));
    if (badFirst) {
      arguments.addAll(List.of(bad.toString(), SEED_000_SAMPLE, SEED_002_SAMPLE));
    } else {
      arguments.addAll(List.of(SEED_000_SAMPLE, SEED_002_SAMPLE, bad.toString()));
    }
    Run run = run(arguments.toArray(String[]::new));
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    assertEquals("error: " + bad + ":4:11: a[1]: expected a number such as 0.5 or -4.8e-3, got 'half'",
        run.err().strip());
    assertEquals(List.of(), filesUnder(out));
  }

  @Test
  void keepGoingGradesEveryGoodFileAndListsEveryRejectedOneWithItsError(@TempDir Path folder) {
    Path notYaml = write(folder.resolve("not-yaml.yaml"), "exercise: [seed-000\n");
    Path unknownExercise = write(folder.resolve("unknown.yaml"), "exercise: seed-999\nstudent: u1\nanswers: {}\n");
    Path typo = write(folder.resolve("typo.yaml"), "exercise: seed-000\nstudent: t1\nanswers:\n  \"dL/dW_h\": 0.5\n");
    Path out = folder.resolve("out");
    Run run = run("grade", notYaml.toString(), SEED_000_SAMPLE, unknownExercise.toString(), SEED_002_SAMPLE,
        typo.toString(), SEED_000_SAMPLE, "--out", out.toString(), "--keep-going");
    assertEquals(2, run.code(), run.err());
    List<String> errors = run.err().lines().toList();
    assertEquals(4, errors.size(), run.err());
    assertTrue(errors.get(0).startsWith("error: " + notYaml + ":2:1: not valid YAML"), errors.get(0));
    assertTrue(errors.get(1).startsWith("error: " + unknownExercise + ":1:11: exercise: no exercise with id"),
        errors.get(1));
    assertTrue(errors.get(2).startsWith("error: " + typo + ":4:3: answers: unknown quantity 'dL/dW_h' for exercise "
        + "seed-000; did you mean 'dL/dW_hh'"), errors.get(2));
    assertTrue(errors.get(3).startsWith("error: " + SEED_000_SAMPLE + ":7:11: student seed-000-author already has a "
        + "submission"), errors.get(3));
    List<String> rejected = run.out().lines().filter(line -> line.startsWith("rejected: ")).toList();
    assertEquals(errors.stream().map(line -> "rejected: " + line.substring("error: ".length())).toList(), rejected);
    assertTrue(run.out().endsWith("graded 2 files, 0 with full credit; rejected 4 (fix and grade again)\n"), run.out());
    assertTrue(filesUnder(out).containsAll(List.of("seed-000/seed-000-author.html", "seed-002/seed-002-author.html")),
        filesUnder(out).toString());
  }

  @Test
  void progressPrintsAProgressLineOnStandardErrorOnlyWhenAsked(@TempDir Path folder) {
    Run quiet = run("grade", SEED_000_SAMPLE, SEED_002_SAMPLE, "--no-reports");
    assertEquals("", quiet.err());
    Run shown = run("grade", SEED_000_SAMPLE, SEED_002_SAMPLE, "--no-reports", "--progress");
    assertEquals(List.of("graded 1 of 2 files (50%)", "graded 2 of 2 files (100%)"), shown.err().lines().toList());
    assertEquals(quiet.out(), shown.out(), "the summary is the same");
  }

  @Test
  void gradescopeResultsHaveATestPerAskedQuantityAddingUpToTheScore(@TempDir Path folder) throws Exception {
    Run run = run("grade", SEED_002_SAMPLE, "--format", "gradescope", "--no-reports");
    assertEquals(1, run.code(), run.err());
    JsonNode results = run.json();
    JsonNode json = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports").submission();
    assertEquals(json.get("quantities").size(), results.get("tests").size());
    double sum = 0;
    double max = 0;
    for (JsonNode test : results.get("tests")) {
      sum += test.get("score").asDouble();
      max += test.get("max_score").asDouble();
      assertEquals(test.get("score").asDouble() >= test.get("max_score").asDouble() ? "passed" : "failed",
          test.get("status").asText(), test.toString());
      assertTrue(test.get("output").asText().length() > 0);
    }
    assertEquals(results.get("score").asDouble(), sum, 1e-9);
    assertEquals(json.get("max_score").asDouble(), max, 1e-9);
    assertTrue(results.get("tests").toString().contains("dL/dU (dL/dW_hh)"), "named in the document's notation");

    Run two = run("grade", SEED_002_SAMPLE, SEED_000_SAMPLE, "--format", "gradescope", "--no-reports");
    assertEquals(2, two.code());
    assertTrue(two.err().contains("--format gradescope grades one submission"), two.err());
    Path broken = write(folder.resolve("broken.yaml"), "exercise: seed-000\nstudent: b\nanswers:\n  \"h[9]\": 1\n");
    Run rejected = run("grade", broken.toString(), "--format", "gradescope", "--keep-going", "--no-reports");
    assertEquals(2, rejected.code());
    assertEquals(0.0, rejected.json().get("score").asDouble());
    assertTrue(rejected.json().get("output").asText().startsWith(broken + ":4:3: answers: unknown quantity"));
  }

  @Test
  void twoSubmissionsForTheSameReportAreRejectedAndNothingIsWritten(@TempDir Path folder) {
    Run run = run("grade", SEED_000_SAMPLE, SEED_000_SAMPLE, "--out", folder.toString());
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertEquals("error: " + SEED_000_SAMPLE + ":7:11: student seed-000-author already has a submission for exercise "
        + "seed-000 in this run (" + SEED_000_SAMPLE + "); grade one per student", run.err().strip());
    assertEquals(List.of(), filesUnder(folder));
  }

  @Test
  void reportsAreByteIdenticalAcrossRuns(@TempDir Path folder) throws Exception {
    Path first = folder.resolve("first");
    Path second = folder.resolve("second");
    List<String> arguments = new ArrayList<>(List.of("grade"));
    arguments.addAll(samples());
    List<String> firstArguments = new ArrayList<>(arguments);
    firstArguments.addAll(List.of("--out", first.toString()));
    List<String> secondArguments = new ArrayList<>(arguments);
    secondArguments.addAll(List.of("--out", second.toString()));
    Run one = run(firstArguments.toArray(String[]::new));
    Run two = run(secondArguments.toArray(String[]::new));
    assertEquals(1, one.code(), one.err());
    assertEquals(1, two.code(), two.err());
    List<String> files = filesUnder(first); // the class files too
    assertEquals(6 * samples().size(), files.size(), files.toString());
    assertEquals(files, filesUnder(second));
    for (String file : files) {
      assertTrue(Arrays.equals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file))),
          file + " differs between two runs");
    }
    Run json1 = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports");
    Run json2 = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports");
    assertEquals(json1.out(), json2.out());
  }

  /**
   * Reports must not depend on the JVM that renders them: grading seed 001's sample in separate
   * processes must print the same thing.
   */
  /** Under LANG=C Java cannot open a file named with é: the message says what to do, not which class failed. */
  @Test
  void aFileNameTheLocaleCannotHoldGetsAnExplanation(@TempDir Path folder) throws Exception {
    Path submission = Files.copy(Path.of("exercises/samples/seed-000-author.yaml"), folder.resolve("jos\u00e9.yaml"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), GraderCommand.class.getName(), "grade", submission.toString(),
        "--no-reports");
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("LANG", "C");
    Process process = builder.start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.waitFor(), err);
    assertTrue(err.startsWith("usage error: a file name cannot be read in this locale"), err);
    assertFalse(err.contains("Exception"), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void reportsAreIdenticalAcrossSeparateJvms() throws Exception {
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), GraderCommand.class.getName(),
          "grade", "exercises/samples/seed-001-author.yaml", "--format", "json", "--no-reports")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.waitFor(), output); // honest hand work; its training run sampled at random
      outputs.add(output);
    }
    assertEquals(1, outputs.stream().distinct().count(), "different output from separate JVMs");
  }

  // ---- carried-forward credit -------------------------------------------------------------------

  @Test
  void carriedForwardCreditLowersTheScoreOfSeed002(@TempDir Path folder) throws Exception {
    Run full = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports");
    Path out = folder.resolve("out");
    Run half = run("grade", SEED_002_SAMPLE, "--format", "json", "--out", out.toString(),
        "--carried-forward-credit", "0.5");
    assertEquals(1, full.code(), full.err());
    assertEquals(1, half.code(), half.err());
    double fullScore = full.submission().get("score").asDouble();
    double halfScore = half.submission().get("score").asDouble();
    assertTrue(halfScore < fullScore, halfScore + " < " + fullScore);

    int correct = 0;
    int carried = 0;
    for (JsonNode quantity : half.submission().get("quantities")) {
      switch (quantity.get("verdict").asText()) {
        case "correct" -> {
          correct++;
          assertEquals(1.0, quantity.get("credit").asDouble());
        }
        case "carried-forward" -> {
          carried++;
          assertEquals(0.5, quantity.get("credit").asDouble());
          assertTrue(quantity.get("feedback").asText().contains("credit 0.5 here"), quantity.toString());
        }
        default -> assertEquals(0.0, quantity.get("credit").asDouble(), quantity.toString());
      }
    }
    assertTrue(carried > 0, "seed 002's sample has carried-forward answers");
    assertEquals(correct + carried, fullScore, 1e-9);
    assertEquals(correct + 0.5 * carried, halfScore, 1e-9);

    // With partial credit a carried-forward answer is a JUnit failure too.
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(out.resolve("seed-002/seed-002-author.junit.xml").toFile());
    NodeList failures = junit.getElementsByTagName("failure");
    int carriedFailures = 0;
    for (int i = 0; i < failures.getLength(); i++) {
      if ("carried-forward".equals(((Element) failures.item(i)).getAttribute("type"))) {
        carriedFailures++;
      }
    }
    assertEquals(carried, carriedFailures);
    String html = Files.readString(out.resolve("seed-002/seed-002-author.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("Score " + formatScore(halfScore) + " / "), html);
  }

  private static String formatScore(double score) {
    return score == Math.rint(score) ? Long.toString((long) score) : Double.toString(score);
  }

  @Test
  void zeroCarriedForwardCreditGivesOnlyCorrectAnswersCredit() {
    Run run = run("grade", SEED_002_SAMPLE, "--format", "json", "--no-reports", "--carried-forward-credit", "0");
    assertEquals(1, run.code(), run.err());
    long correct = 0;
    for (JsonNode quantity : run.submission().get("quantities")) {
      correct += quantity.get("verdict").asText().equals("correct") ? 1 : 0;
    }
    assertEquals(correct, run.submission().get("score").asDouble(), 1e-9);
  }

  // ---- student text stays text ------------------------------------------------------------------

  @Test
  void studentIdWithMarkupIsRejected(@TempDir Path folder) {
    Path submission = write(folder.resolve("s.yaml"),
        "exercise: seed-000\nstudent: \"<script>\"\nanswers:\n  \"a[1]\": 0.5\n");
    Path out = folder.resolve("out");
    Run run = run("grade", submission.toString(), "--out", out.toString(), "--keep-going");
    assertEquals(2, run.code());
    assertTrue(run.out().startsWith("rejected: " + submission + ":2:10: student: "), run.out());
    assertEquals("error: " + submission + ":2:10: student: expected letters, digits, '.', '_' or '-' "
        + "(at most 64, not starting with '.'), got '<script>'", run.err().strip());
    assertEquals(List.of(), filesUnder(out));
  }

  @Test
  void scriptAnswerBecomesAnInvalidVerdictWhoseFeedbackIsEscapedInEveryReport(@TempDir Path folder)
      throws Exception {
    Path submission = write(folder.resolve("s.yaml"),
        "exercise: seed-000\nstudent: mallory\nanswers:\n  \"a[1]\": \"<script>alert(1)</script>\"\n"
            + "  \"h[1]\": 0.4621\n");
    Path out = folder.resolve("out");

    Run stopped = run("grade", submission.toString(), "--out", out.toString());
    assertEquals(2, stopped.code(), "without --keep-going an unreadable answer is an error");
    assertEquals(List.of(), filesUnder(out));

    Run run = run("grade", submission.toString(), "--out", out.toString(), "--keep-going", "--format", "json");
    assertEquals(1, run.code(), run.err());
    JsonNode a1 = byName(run.submission()).get("a[1]");
    assertEquals("invalid", a1.get("verdict").asText());
    assertTrue(a1.get("submitted").isNull());
    String feedback = submission + ":4:11: a[1]: expected a number such as 0.5 or -4.8e-3, got "
        + "'<script>alert(1)</script>'";
    assertEquals(feedback, a1.get("feedback").asText());
    assertEquals("correct", byName(run.submission()).get("h[1]").get("verdict").asText());

    String html = Files.readString(out.resolve("seed-000/mallory.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("got &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"), html);
    assertFalse(html.contains("<script"), "raw <script> in the HTML report");
    assertFalse(html.contains("alert(1)</"), html);
    String markdown = Files.readString(out.resolve("seed-000/mallory.md"), StandardCharsets.UTF_8);
    assertTrue(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), markdown);
    assertFalse(markdown.contains("<script"), "raw <script> in the Markdown report");
    String xml = Files.readString(out.resolve("seed-000/mallory.junit.xml"), StandardCharsets.UTF_8);
    assertFalse(xml.contains("<script"), "raw <script> in the JUnit report");
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(out.resolve("seed-000/mallory.junit.xml").toFile());
    Element failure = (Element) junit.getElementsByTagName("failure").item(0);
    assertEquals("invalid", failure.getAttribute("type"));
    assertEquals("invalid: " + feedback, failure.getAttribute("message"), "escaped, so it reads back exactly");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "../../x", "..", ".hidden", "a/b", "a\\\\b", "x y", ""})
  void reportCannotBeWrittenOutsideOut(String student, @TempDir Path folder) {
    Path submission = write(folder.resolve("s.yaml"),
        "exercise: seed-000\nstudent: \"" + student + "\"\nanswers:\n  \"a[1]\": 0.5\n");
    Path out = folder.resolve("deep/out");
    Run run = run("grade", submission.toString(), "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("error: " + submission + ":2:10: student: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertEquals(List.of("s.yaml"), filesUnder(folder), "nothing written anywhere");
  }

  @Test
  void dotDotStudentIdMessage(@TempDir Path folder) {
    Path submission = write(folder.resolve("s.yaml"), "exercise: seed-000\nstudent: ../x\nanswers: {}\n");
    Run run = run("grade", submission.toString(), "--out", folder.resolve("out").toString());
    assertEquals(2, run.code());
    assertEquals("error: " + submission + ":2:10: student: expected letters, digits, '.', '_' or '-' "
        + "(at most 64, not starting with '.'), got '../x'", run.err().strip());
  }

  /** Behind the student-id check, the report writer itself refuses a path that leaves the folder. */
  @Test
  void reportFilesRefuseAPathThatLeavesTheFolder(@TempDir Path folder) throws Exception {
    ReportFiles files = new ReportFiles(folder.resolve("out"));
    for (String path : List.of("seed-000/../../x.html", "../x.html", "/tmp/x.html", ".", "seed-000/..")) {
      InputException refused = assertThrows(InputException.class, () -> files.add(path, "x"), path);
      assertTrue(refused.getMessage().contains("would leave the report folder"), refused.getMessage());
    }
    files.add("seed-000/../seed-000/x.html", "x"); // stays inside: allowed
    files.writeAll();
    assertEquals(List.of("seed-000/x.html"), filesUnder(folder.resolve("out")));
  }

  // ---- template ---------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("exercises")
  void blankTemplateIsValidInputWithEveryQuantityMissing(String exerciseFile, @TempDir Path folder) {
    Path submission = write(folder.resolve("blank.yaml"), CliRunner.template(exerciseFile, "blank-student"));
    Path out = folder.resolve("out");
    Run run = run("grade", submission.toString(), "--out", out.toString(), "--format", "json",
        "--salt", CliRunner.SALT);
    assertEquals(1, run.code(), run.err());
    assertEquals("", run.err());
    JsonNode result = run.submission();
    assertEquals("blank-student", result.get("student").asText());
    assertEquals(0.0, result.get("score").asDouble());
    int missing = 0;
    for (JsonNode quantity : result.get("quantities")) {
      String verdict = quantity.get("verdict").asText();
      assertTrue(verdict.equals("missing") || verdict.equals("not-gradable"), quantity.toString());
      missing += verdict.equals("missing") ? 1 : 0;
    }
    assertTrue(missing > 0);
    assertEquals(missing, result.get("max_score").asInt());
    String exerciseId = result.get("exercise").asText();
    assertEquals(List.of(exerciseId + "/blank-student.html", exerciseId + "/blank-student.junit.xml",
        exerciseId + "/blank-student.md"), reportsUnder(out));
  }

  @Test
  void templateWithItsDefaultStudentIsValidInput(@TempDir Path folder) {
    Run template = run("template", "exercises/seed-000-tanh-three-steps.yaml");
    assertEquals(0, template.code(), template.err());
    Path submission = write(folder.resolve("blank.yaml"), template.out());
    Run run = run("grade", submission.toString(), "--no-reports");
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().startsWith("seed-000 YOUR-ID: 0 / "), run.out());
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void templateAsksExactlyTheQuantitiesGradeGrades(String exerciseFile, @TempDir Path folder) {
    Path submission = write(folder.resolve("blank.yaml"), CliRunner.template(exerciseFile, "p"));
    Run run = run("grade", submission.toString(), "--format", "json", "--no-reports", "--salt", CliRunner.SALT);
    assertEquals(1, run.code(), run.err());
    Set<String> graded = new TreeSet<>();
    run.submission().get("quantities").forEach(quantity -> graded.add(quantity.get("name").asText()));
    Set<String> templated = new TreeSet<>();
    try (Stream<String> lines = CliRunner.template(exerciseFile, "p").lines()) {
      lines.filter(line -> line.matches("\\s+\"[^\"]+\": ~")).forEach(line ->
          templated.add(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'))));
    }
    assertEquals(templated, graded);
    assertNotEquals(0, graded.size());
  }

  @Test
  void aJsonSubmissionIsGradedLikeYaml(@TempDir Path folder) throws Exception {
    Path json = folder.resolve("s.json");
    Files.writeString(json, "{\"exercise\": \"seed-000\", \"student\": \"j1\", \"answers\": "
        + "{\"a[1]\": 0.5, \"h[1]\": \"0.4621\", \"h[2]\": 0.7903}}\n");
    Run run = run("grade", json.toString(), "--format", "json", "--no-reports");
    assertEquals(1, run.code(), run.err());
    JsonNode quantities = run.submission().get("quantities");
    java.util.Map<String, String> verdicts = new java.util.HashMap<>();
    quantities.forEach(q -> verdicts.put(q.get("name").asText(), q.get("verdict").asText()));
    assertEquals("correct", verdicts.get("a[1]"));
    assertEquals("correct", verdicts.get("h[1]"));
    assertEquals("wrong", verdicts.get("h[2]"));
  }
}

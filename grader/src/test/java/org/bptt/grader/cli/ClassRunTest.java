package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.run;
import static org.bptt.grader.cli.CliRunner.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's whole flow on a class: 300 answer files and 4 broken ones graded in one call with
 * --keep-going (1), at reveal level hints (2), as one JSON result that the schema accepts (3), with
 * the class results per exercise (4).
 */
class ClassRunTest {

  @Test
  void aClassOf300WithFourBrokenFilesIsGradedReportedAndSummarized(@TempDir Path folder) throws Exception {
    List<String> files = new ArrayList<>(ClassResultsTest.classOf(folder.resolve("class"), 300));
    Path notYaml = write(folder.resolve("broken/not-yaml.yaml"), "exercise: seed-000\nstudent: [x\n");
    Path unknownExercise = write(folder.resolve("broken/unknown-exercise.yaml"),
        "exercise: seed-009\nstudent: x1\nanswers: {}\n");
    Path typo = write(folder.resolve("broken/typo.yaml"), "exercise: seed-000\nstudent: x2\nanswers:\n  \"dL/dW_h\": 1\n");
    Path twice = write(folder.resolve("broken/twice.yaml"), Files.readString(Path.of(files.get(0))));
    List<Path> broken = List.of(notYaml, unknownExercise, typo, twice);
    files.add(100, notYaml.toString());
    files.add(200, unknownExercise.toString());
    files.add(typo.toString());
    files.add(twice.toString());
    Path out = folder.resolve("reports");
    List<String> arguments = new ArrayList<>(List.of("grade", "--out", out.toString(), "--keep-going", "--reveal",
        "hints", "--format", "json"));
    arguments.addAll(files);
    CliRunner.Run run = run(arguments.toArray(String[]::new));

    // 1. every good file graded and written, every broken one rejected with its one-line error, exit 2
    assertEquals(2, run.code(), run.err());
    assertEquals(4, run.err().lines().count(), run.err());
    JsonNode result = run.json();
    JsonNode rejected = result.get("rejected");
    assertEquals(4, rejected.size(), rejected.toString());
    for (int i = 0; i < 4; i++) {
      String file = broken.get(i).toString();
      assertEquals(file, rejected.get(i).get("file").asText());
      assertTrue(rejected.get(i).get("error").asText().matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+"),
          rejected.get(i).toString());
      assertTrue(run.err().contains("error: " + rejected.get(i).get("error").asText()));
    }
    assertTrue(rejected.get(2).get("error").asText().contains("did you mean 'dL/dW_hh'"), rejected.toString());
    assertTrue(rejected.get(3).get("error").asText().contains("already has a submission"), rejected.toString());
    assertEquals(300, result.get("submissions").size());
    for (JsonNode submission : result.get("submissions")) {
      assertTrue(Files.isRegularFile(Path.of(submission.get("report").asText())), submission.get("report").asText());
    }
    assertEquals(3 * 300, CliRunner.reportsUnder(out).size());

    // 2. the students see hints: no reference value anywhere in the JSON
    for (JsonNode submission : result.get("submissions")) {
      assertEquals("hints", submission.get("reveal").asText());
      submission.get("quantities").forEach(quantity -> assertFalse(quantity.has("expected")));
    }

    // 3. one object, numbers of one type, valid against the schema
    GradeResultSchemaTest.assertValid(run.out());
    assertEquals(300, result.get("summary").get("graded").asInt());
    assertEquals(4, result.get("summary").get("rejected").asInt());
    assertEquals(2, result.get("summary").get("exit_code").asInt());

    // 4. the class results per exercise, which hold everything and collide with no report
    for (String exercise : List.of("seed-000", "seed-002")) {
      Path classFolder = out.resolve(exercise);
      assertEquals(150, ClassResultsTest.gradebook(classFolder.resolve("class.csv")).size());
      String index = Files.readString(classFolder.resolve("index.html"));
      assertEquals(150, index.split("<a href=\"s\\d{4}\\.html\">", -1).length - 1, "a link to every report");
      assertFalse(index.contains("<script"));
      long summaryBytes = Files.size(classFolder.resolve("summary.md"));
      assertTrue(summaryBytes < 64 * 1024, exercise + "/summary.md is " + summaryBytes + " bytes");
      assertEquals(150 * 3 + 3, Files.list(classFolder).count());
    }
  }
}

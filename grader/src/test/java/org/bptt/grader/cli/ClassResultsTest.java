package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.run;
import static org.bptt.grader.cli.CliRunner.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor's class files, per exercise: the gradebook (class.csv), the overview page
 * (index.html) and the step summary (summary.md), and that no student id can take their names.
 */
class ClassResultsTest {

  private static final String SEED_000 = "exercises/samples/seed-000-author.yaml";
  private static final String SEED_002 = "exercises/samples/seed-002-author.yaml";

  /** The seed 000 and 002 samples under {@code count} student ids, alternating. */
  static List<String> classOf(Path folder, int count) throws IOException {
    String[] samples = {Files.readString(Path.of(SEED_000)), Files.readString(Path.of(SEED_002))};
    List<String> files = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = String.format("s%04d", i);
      files.add(write(folder.resolve(id + ".yaml"), samples[i % 2].replaceFirst("(?m)^student: .*$", "student: " + id))
          .toString());
    }
    return files;
  }

  static List<CSVRecord> gradebook(Path file) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(Files.readString(file)),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  @Test
  void eachExerciseGetsAGradebookAnOverviewAndASummary(@TempDir Path folder) throws IOException {
    List<String> files = classOf(folder.resolve("in"), 6);
    Path roster = write(folder.resolve("roster.csv"), "student,name\ns0001,\"Ada, L.\"\ns0002,=HYPERLINK(\"x\")\n");
    Path out = folder.resolve("out");
    List<String> arguments = new ArrayList<>(List.of("grade", "--out", out.toString(), "--roster", roster.toString(),
        "--format", "json"));
    arguments.addAll(files);
    CliRunner.Run run = run(arguments.toArray(String[]::new));
    assertEquals(1, run.code(), run.err());
    Map<String, JsonNode> byStudent = new HashMap<>();
    run.json().get("submissions").forEach(submission -> byStudent.put(submission.get("student").asText(), submission));

    List<CSVRecord> seed000 = gradebook(out.resolve("seed-000/class.csv"));
    assertEquals(List.of("s0002", "s0004", "s0006"), seed000.stream().map(row -> row.get("student")).toList());
    assertEquals("=HYPERLINK(\"x\")", "=" + seed000.get(0).get("name").substring(2), "kept as text, not a formula");
    assertTrue(seed000.get(0).get("name").startsWith("'="));
    List<CSVRecord> seed002 = gradebook(out.resolve("seed-002/class.csv"));
    assertEquals("Ada, L.", seed002.get(0).get("name"));
    for (CSVRecord row : seed002) {
      JsonNode submission = byStudent.get(row.get("student"));
      assertEquals(submission.get("score").asDouble(), Double.parseDouble(row.get("score")), 1e-9);
      assertEquals(submission.get("max_score").asDouble(), Double.parseDouble(row.get("max_score")), 1e-9);
      double credits = 0;
      for (JsonNode quantity : submission.get("quantities")) {
        String credit = row.get(quantity.get("name").asText());
        assertEquals(quantity.get("credit").asDouble(), Double.parseDouble(credit), 1e-3, quantity.toString());
        credits += Double.parseDouble(credit);
      }
      assertEquals(Double.parseDouble(row.get("score")), credits, 1e-3);
    }

    String index = Files.readString(out.resolve("seed-002/index.html"));
    assertFalse(index.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no scripts");
    assertFalse(index.contains("http://") || index.contains("https://"), "nothing fetched");
    assertTrue(index.contains("<svg"), "inline SVG charts");
    for (String student : List.of("s0001", "s0003", "s0005")) {
      assertTrue(index.contains("<a href=\"" + student + ".html\">"), "a link to " + student + "'s report");
      assertTrue(Files.exists(out.resolve("seed-002/" + student + ".html")));
    }
    assertTrue(index.contains("Ada, L."));
    String summary = Files.readString(out.resolve("seed-002/summary.md"));
    assertTrue(summary.contains("**3 students**"), summary);
    assertTrue(summary.contains("| `h[2]` | 0% | 0% | 100% | 0% |"), summary);
  }

  @Test
  void aStudentIdCannotTakeTheNameOfAClassFile(@TempDir Path folder) {
    for (String id : List.of("index", "Summary", "CLASS")) {
      Path file = write(folder.resolve(id + ".yaml"), "exercise: seed-000\nstudent: " + id + "\nanswers: {}\n");
      CliRunner.Run run = run("grade", file.toString(), "--out", folder.resolve("out").toString());
      assertEquals(2, run.code(), run.err());
      assertEquals("error: " + file + ":2:10: student: '" + id + "' is reserved for the class results (index.html, "
          + "summary.md, class.csv); choose another id", run.err().strip());
      CliRunner.Run template = run("template", "exercises/seed-000-tanh-three-steps.yaml", "--student", id);
      assertEquals(2, template.code(), template.err());
    }
  }
}

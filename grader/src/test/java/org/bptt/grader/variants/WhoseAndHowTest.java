package org.bptt.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bptt.grader.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sheet, key and answer file names its student (id and roster name), the exercise and the
 * variant; the sheet and the answer file say the precision to work to and how to hand in; no page
 * a student gets shows the seed document's internal file name, which the instructor's key keeps.
 */
class WhoseAndHowTest {

  /** A seed document's file name, such as 000_7552a8fb8a97e71c.txt. */
  private static final Pattern SOURCE_FILE = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");

  @Test
  void generatedSheetsKeysAndAnswerFilesNameTheStudentAndVariant(@TempDir Path folder) throws Exception {
    Path roster = Files.writeString(folder.resolve("roster.csv"),
        "student,name\nalice,\"Liddell, Alice <Wonderland>\"\nbob,Bob\n");
    Path out = folder.resolve("out");
    CliRunner.Run run = CliRunner.run("generate", RandomizedExerciseTest.VARIANTS.toString(), "--roster",
        roster.toString(), "--out", out.toString(), "--salt", "fall-2026");
    assertEquals(0, run.code(), run.err());
    String variant = "aaaba47502916a94";
    String sheet = Files.readString(out.resolve("students/alice/sheet.html"));
    assertTrue(sheet.contains("Student <strong><code>alice</code></strong> · Liddell, Alice &lt;Wonderland&gt;"), sheet);
    assertTrue(sheet.contains("Exercise <code>seed-000-variants</code> · your own variant <code>" + variant + "</code>"));
    assertTrue(sheet.contains("data-exercise=\"seed-000-variants\"") && sheet.contains("data-student=\"alice\"")
        && sheet.contains("data-variant=\"" + variant + "\""), "the answer form fills them in");
    assertTrue(sheet.contains("Answers are judged to the decimals written, at least 4 decimals"), "the precision");
    assertTrue(sheet.contains("<strong>To submit</strong>") && sheet.contains("answers.yaml"), "how to hand in");
    String sheetMd = Files.readString(out.resolve("students/alice/sheet.md"));
    assertTrue(sheetMd.contains("**Student `alice`** · Liddell, Alice &lt;Wonderland&gt;"), sheetMd);
    assertTrue(sheetMd.contains("your own variant `" + variant + "`") && sheetMd.contains("**To submit**")
        && sheetMd.contains("at least 4 decimals"), sheetMd);
    String answers = Files.readString(out.resolve("students/alice/answers.yaml"));
    assertTrue(answers.contains("# Student alice: Liddell, Alice <Wonderland>\n"), answers);
    assertTrue(answers.contains("at least 4 decimals") && answers.contains("# To submit: hand in this file"), answers);
    String key = Files.readString(out.resolve("keys/alice.html"));
    assertTrue(key.contains("Student <strong><code>alice</code></strong> · Liddell, Alice &lt;Wonderland&gt; · variant <code>"
        + variant + "</code>"), key);
    assertTrue(SOURCE_FILE.matcher(key).find(), "the instructor's key keeps the source");
    assertTrue(Files.readString(out.resolve("keys/bob.md")).contains("**Student `bob`** · Bob · variant `"));
    for (String studentFile : List.of("students/alice/sheet.html", "students/alice/sheet.md",
        "students/alice/answers.yaml", "students/bob/sheet.html")) {
      assertFalse(SOURCE_FILE.matcher(Files.readString(out.resolve(studentFile))).find(),
          studentFile + " shows an internal file name");
    }
  }

  @Test
  void aRosterWithoutNamesNamesStudentsByIdOnly(@TempDir Path folder) throws Exception {
    Path roster = Files.writeString(folder.resolve("roster.csv"), "student\ncarol\n");
    Path out = folder.resolve("out");
    assertEquals(0, CliRunner.run("generate", "exercises/seed-003-vector-bptt.yaml", "--roster", roster.toString(),
        "--out", out.toString()).code());
    String sheet = Files.readString(out.resolve("students/carol/sheet.html"));
    assertTrue(sheet.contains("Student <strong><code>carol</code></strong></p>"), "no name repeated after the id");
    assertFalse(sheet.contains("your own variant"), "an exercise as written has no variant");
    assertFalse(Files.readString(out.resolve("students/carol/answers.yaml")).contains("# Student"));
  }

  @Test
  void reportsShownToStudentsNameNoSourceFile(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("reports");
    assertEquals(1, CliRunner.run("grade", "exercises/samples/seed-002-author.yaml", "--out", out.toString()).code());
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertFalse(SOURCE_FILE.matcher(Files.readString(file)).find(), file + " shows an internal file name");
      }
    }
  }

  @Test
  void aWrongMatrixAnswerHasItsOffEntriesMarkedInPlace(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("reports");
    // seed 001's own values are honest hand work; a slip in o[1]'s third entry (0.0803 for 0.0702)
    Path submission = folder.resolve("seed-001-slip.yaml");
    Files.writeString(submission, Files.readString(Path.of("exercises/samples/seed-001-author.yaml"))
        .replace("\"o[1]\": [-0.0322, -0.0437, 0.0703, 0.0396]", "\"o[1]\": [-0.0322, -0.0437, 0.0803, 0.0396]"));
    assertEquals(1, CliRunner.run("grade", submission.toString(), "--out", out.toString()).code());
    String html = Files.readString(out.resolve("seed-001/seed-001-author.html"));
    assertTrue(html.contains("<table class=mat><tr><td>-0.0322<tr><td>-0.0437<tr><td class=off>0.0803<tr><td>0.0396</table>"),
        "o[1] as a column, entry 3 marked");
  }
}

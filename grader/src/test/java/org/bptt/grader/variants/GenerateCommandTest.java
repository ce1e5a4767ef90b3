package org.bptt.grader.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate: a sheet, an answer file and a key per student, reproducibly, each gradable against its variant. */
class GenerateCommandTest {

  private static final Pattern NAMED_ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|.*");

  private static Path roster(Path folder) throws Exception {
    Path roster = folder.resolve("roster.csv");
    Files.writeString(roster, "student,name\nalice,Alice\nbob,\"Bob, B.\"\ncarol,Carol\n");
    return roster;
  }

  private static org.bptt.grader.cli.CliRunner.Run generate(Path roster, Path out, String... extra) {
    List<String> arguments = new java.util.ArrayList<>(List.of("generate", RandomizedExerciseTest.VARIANTS.toString(),
        "--roster", roster.toString(), "--out", out.toString()));
    arguments.addAll(List.of(extra));
    return org.bptt.grader.cli.CliRunner.run(arguments.toArray(String[]::new));
  }

  private static Map<String, String> files(Path folder) throws Exception {
    Map<String, String> contents = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        contents.put(folder.relativize(file).toString(), Files.readString(file));
      }
    }
    return contents;
  }

  @Test
  void theSameRosterAndSaltGiveByteIdenticalSheetsAndKeys(@TempDir Path folder) throws Exception {
    Path roster = roster(folder);
    assertEquals(0, generate(roster, folder.resolve("first"), "--salt", "fall-2026").code());
    assertEquals(0, generate(roster, folder.resolve("second"), "--salt", "fall-2026").code());
    Map<String, String> first = files(folder.resolve("first"));
    assertEquals(15, first.size(), "sheet.html, sheet.md, answers.yaml and two keys per student: " + first.keySet());
    assertEquals(first, files(folder.resolve("second")));
    assertTrue(first.containsKey("students/bob/sheet.html") && first.containsKey("keys/bob.md"));
  }

  @Test
  void differentStudentsGetDifferentVariants(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("out");
    assertEquals(0, generate(roster(folder), out, "--salt", "fall-2026").code());
    String alice = Files.readString(out.resolve("students/alice/sheet.md"));
    String bob = Files.readString(out.resolve("students/bob/sheet.md"));
    assertNotEquals(alice, bob);
    assertNotEquals(Files.readString(out.resolve("keys/alice.md")), Files.readString(out.resolve("keys/bob.md")));
    assertTrue(Files.readString(out.resolve("students/alice/answers.yaml")).contains("variant: \"aaaba47502916a94\""));
  }

  /** Every asked value, read back from the student's own key (its named rows and its forward table). */
  private static String submissionFromKey(String answersFile, String key) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> columns = List.of();
    for (String line : key.lines().toList()) {
      if (line.startsWith("| `t` |")) {
        columns = List.of(line.replace("`", "").split("\\s*\\|\\s*"));
        continue;
      }
      Matcher named = NAMED_ROW.matcher(line);
      if (!columns.isEmpty() && line.startsWith("| `") && !line.startsWith("| `t`")) {
        String[] cells = line.replace("`", "").split("\\s*\\|\\s*");
        if (cells.length == columns.size() && cells[1].matches("\\d+")) {
          for (int c = 2; c < cells.length; c++) {
            values.put(columns.get(c).replace("[t]", "[" + cells[1] + "]"), cells[c]);
          }
          continue;
        }
      }
      if (named.matches()) {
        values.put(named.group(1), named.group(2));
      }
    }
    values.put("L", key.replaceAll("(?s).*\\*\\*Total loss\\*\\* `L` = `([^`]+)`.*", "$1"));
    StringBuilder submission = new StringBuilder();
    for (String line : answersFile.lines().toList()) {
      Matcher blank = Pattern.compile("^  \"([^\"]+)\": ~$").matcher(line);
      if (blank.matches()) {
        String value = values.get(blank.group(1));
        assertTrue(value != null, "the key shows " + blank.group(1));
        submission.append("  \"").append(blank.group(1)).append("\": ").append(value).append('\n');
      } else {
        submission.append(line).append('\n');
      }
    }
    return submission.toString();
  }

  @Test
  void aSubmissionBuiltFromAStudentsKeyGetsFullMarks(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("out");
    assertEquals(0, generate(roster(folder), out, "--salt", "fall-2026").code());
    for (String student : List.of("alice", "bob", "carol")) {
      Path submission = folder.resolve(student + ".yaml");
      Files.writeString(submission, submissionFromKey(Files.readString(out.resolve("students/" + student + "/answers.yaml")),
          Files.readString(out.resolve("keys/" + student + ".md"))));
      org.bptt.grader.cli.CliRunner.Run run = org.bptt.grader.cli.CliRunner.run("grade", submission.toString(), "--salt", "fall-2026",
          "--out", folder.resolve("reports").toString());
      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().startsWith("seed-000-variants " + student + ": 25 / 25 (correct 25,"), run.out());
    }
  }

  /** A roster as a spreadsheet saves it where the decimal mark is a comma: BOM, ';', capitals, CRLF, quotes. */
  @Test
  void aSpreadsheetsRosterGivesTheSameFilesAsAPlainOne(@TempDir Path folder) throws Exception {
    Path spreadsheet = folder.resolve("spreadsheet.csv");
    Files.writeString(spreadsheet, "\uFEFFStudent ; NAME\r\nalice;Alice\r\nbob;\"Bob, B.\"\r\n\r\ncarol ; Carol\r\n");
    assertEquals(0, generate(roster(folder), folder.resolve("plain"), "--salt", "fall-2026").code());
    org.bptt.grader.cli.CliRunner.Run run = generate(spreadsheet, folder.resolve("from-spreadsheet"), "--salt", "fall-2026");
    assertEquals(0, run.code(), run.err());
    assertEquals(files(folder.resolve("plain")), files(folder.resolve("from-spreadsheet")));
    assertTrue(files(folder.resolve("plain")).containsKey("students/bob/answers.yaml".replace('/', java.io.File.separatorChar)));
  }

  @Test
  void aRandomizedExerciseNeedsASaltAndABadRosterWritesNothing(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("out");
    if (System.getenv("BPTT_COURSE_SALT") == null) {
      org.bptt.grader.cli.CliRunner.Run noSalt = generate(roster(folder), out);
      assertEquals(2, noSalt.code());
      assertTrue(noSalt.err().contains("is randomized: pass --salt"), noSalt.err());
    }
    Path badRoster = folder.resolve("bad.csv");
    Files.writeString(badRoster, "student\nalice\nalice\n");
    org.bptt.grader.cli.CliRunner.Run bad = generate(badRoster, out, "--salt", "x");
    assertEquals(2, bad.code());
    assertEquals("error: " + badRoster + ":3:1: student 'alice' is also on line 2", bad.err().strip());
    assertTrue(Files.notExists(out));
  }
}

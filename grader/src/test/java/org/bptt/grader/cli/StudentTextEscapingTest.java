package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.error.ErrorLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student writes (a file name, an answer quoted back) never acts on the terminal that shows
 * the summary, nor on one that shows the Markdown report raw (a CI log): an escape sequence, a bare
 * carriage return, a bidirectional override and a C1 control are printed as escapes, and every
 * Markdown table row keeps its cells.
 */
class StudentTextEscapingTest {

  private static final String TRAPS = "\u001b[31m\r\u202e\u009b";

  /** Whether a text holds a character that acts instead of showing, other than the line breaks between lines. */
  private static boolean actsOnATerminal(String text) {
    return text.replace("\n", "").codePoints().anyMatch(ErrorLine::isHidden);
  }

  @Test
  void theSummaryAndTheMarkdownReportShowStudentTextEscaped(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("e" + TRAPS + "vil.yaml");
    Files.writeString(submission, "exercise: seed-000\nstudent: s1\nanswers:\n"
        + "  \"a[1]\": \"0.5" + TRAPS.replace("\u001b", "\\e").replace("\r", "\\r").replace("\u202e", "\\u202e")
            .replace("\u009b", "\\x9b") + "\"\n"
        + "  \"h[1]\": 0.4621\n");
    Path out = folder.resolve("out");

    CliRunner.Run run = CliRunner.run("grade", submission.toString(), "--keep-going", "--out", out.toString());

    assertEquals(1, run.code(), run.err());
    assertFalse(actsOnATerminal(run.out()), run.out());
    String escaped = "\\u001b[31m\\r\\u202e\\u009b";
    assertTrue(run.out().contains("e" + escaped + "vil.yaml"), "the file name, escaped: " + run.out());
    // a value quoted back has its whitespace, the carriage return too, shown as one space
    assertTrue(run.out().contains("got '0.5\\u001b[31m \\u202e\\u009b'"), "the answer, escaped: " + run.out());

    String markdown = Files.readString(out.resolve("seed-000/s1.md"));
    assertFalse(actsOnATerminal(markdown), markdown);
    // Markdown's own escaping first ('[' and the carriage return, a space in a cell), then the escapes
    assertTrue(markdown.contains("e\\u001b\\[31m \\u202e\\u009bvil.yaml"), markdown);
    List<String> rows = markdown.lines().filter(line -> line.startsWith("| ")).toList();
    assertFalse(rows.isEmpty());
    for (String row : rows) {
      assertEquals(7, row.split("(?<!\\\\)\\|", -1).length, "five cells: " + row);
    }
  }

  /** The JSON and Gradescope results escape what would act on a terminal, and still read back the same. */
  @Test
  void theJsonResultsShowStudentTextEscaped(@TempDir Path folder) throws Exception {
    Path submission = folder.resolve("e" + TRAPS + "vil.yaml");
    Files.writeString(submission, "exercise: seed-000\nstudent: s1\nanswers:\n  \"h[1]\": 0.4621\n");
    for (String format : new String[] {"json", "gradescope"}) {
      CliRunner.Run run = CliRunner.run("grade", submission.toString(), "--no-reports", "--format", format);
      assertEquals(1, run.code(), run.err());
      assertFalse(actsOnATerminal(run.out()), format + ": " + run.out());
      if (format.equals("json")) {
        assertTrue(run.out().contains("\\u202e"), "U+202E written as its escape: " + run.out());
        String file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("submissions").get(0)
            .get("file").asText();
        assertEquals(submission.toString(), file, "the escapes read back as the file name");
      }
    }
  }

  /** A carriage return or a pipe in an exercise's title or a file name does not break the Markdown report. */
  @Test
  void aCarriageReturnOrAPipeInATitleOrFileNameKeepsTheMarkdownWhole(@TempDir Path folder) throws Exception {
    Path exercises = Files.createDirectories(folder.resolve("exercises"));
    Files.writeString(exercises.resolve("seed-000.yaml"), Files.readString(Path.of(
        "exercises/seed-000-tanh-three-steps.yaml")).replaceFirst("(?m)^title: .*$", "title: \"Tiny\\\\r| RNN\\\\r\\\\n# not a heading\""));
    Path submission = Files.copy(Path.of("exercises/samples/seed-000-author.yaml"), folder.resolve("a\r|b.yaml"));
    Path out = folder.resolve("out");

    CliRunner.Run run = CliRunner.run("grade", submission.toString(), "--exercises", exercises.toString(), "--out",
        out.toString());

    assertEquals(1, run.code(), run.err());
    assertFalse(actsOnATerminal(run.out()), run.out());
    String markdown = Files.readString(out.resolve("seed-000/seed-000-author.md"));
    assertFalse(actsOnATerminal(markdown), markdown);
    assertTrue(markdown.startsWith("## Tiny \\| RNN # not a heading\n"), markdown);
    assertFalse(markdown.contains("\r"), markdown);
    for (String row : markdown.lines().filter(line -> line.startsWith("| ")).toList()) {
      assertEquals(7, row.split("(?<!\\\\)\\|", -1).length, "five cells: " + row);
    }
  }
}

package org.bptt.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bptt.grader.cli.GraderCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands and its example report stay true. */
class ReadmeExampleTest {

  private static List<String> block(String readme, String language) {
    int start = readme.indexOf("```" + language + "\n");
    assertTrue(start >= 0, "README has a ```" + language + " block");
    int end = readme.indexOf("```", start + 3 + language.length());
    return readme.substring(start + 4 + language.length(), end).lines().toList();
  }

  @Test
  void mainJobGradesTheSampleAndWritesItsReportMatchingTheExcerpt(@TempDir Path out) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<String> commands = block(readme, "bash");
    String mainJob = commands.get(0);
    String run = mainJob.substring(mainJob.indexOf("java -jar grader/target/grader.jar ") + 35);
    List<String> arguments = new ArrayList<>(Arrays.asList(run.trim().split("\\s+")));
    arguments.add("--out");
    arguments.add(out.toString());
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = GraderCommand.execute(arguments.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
    assertEquals(1, code, "the sample has wrong answers: " + stderr);
    Path markdown = out.resolve("seed-002/seed-002-author.md");
    assertTrue(Files.exists(out.resolve("seed-002/seed-002-author.html")));
    String report = Files.readString(markdown);
    for (String line : block(readme, "markdown")) {
      assertTrue(report.contains(line), "README excerpt line not in the report: " + line);
    }
  }

  @Test
  void ciRunsTheReadmesTwoCommands() throws Exception {
    List<String> commands = block(Files.readString(Path.of("README.md")), "bash");
    String ci = Files.readString(Path.of(".ci/run"));
    assertTrue(ci.contains(commands.get(0)), ".ci/run runs the main job as written");
    assertTrue(ci.contains(commands.get(1)), ".ci/run runs the test command as written");
  }
}

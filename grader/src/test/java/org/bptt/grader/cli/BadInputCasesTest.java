package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.bptt.grader.error.ErrorLine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one folder per case under {@code grader/src/test/resources/bad-input/}: add a folder
 * to add a case. A folder holds the input files, {@code command} (the arguments on one line;
 * {@code {case}} is the case's folder, {@code {out}} a report folder that does not exist yet),
 * {@code expected} (the exit code, then the one line on standard error: exact, or a regular
 * expression after {@code ~}) and optionally {@code setup} (lines {@code fifo NAME}, {@code
 * symlink NAME TARGET} or {@code mkdir NAME}, for inputs git cannot hold). Every case must print
 * exactly one line, nothing on standard output, and leave no report folder behind.
 */
class BadInputCasesTest {

  private static final Path CASES = Path.of("grader/src/test/resources/bad-input");

  static List<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(CASES)) {
      return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGetsOneLineExitTwoAndNoOutput(String name, @TempDir Path temporary) throws Exception {
    Path folder = temporary.resolve(name);
    copy(CASES.resolve(name), folder);
    Path setup = folder.resolve("setup");
    if (Files.exists(setup)) {
      for (String line : Files.readAllLines(setup)) {
        prepare(folder, line.trim().split("\\s+"));
      }
    }
    Path out = temporary.resolve("out");
    String command = Files.readString(folder.resolve("command")).strip()
        .replace("{case}", folder.toString()).replace("{out}", out.toString());
    List<String> expected = Files.readAllLines(folder.resolve("expected"));

    CliRunner.Run run = CliRunner.run(command.split(" "));

    assertEquals(Integer.parseInt(expected.get(0).strip()), run.code(), run.err());
    String error = run.err().strip();
    assertFalse(error.contains("\n"), "one line: " + run.err());
    assertTrue(error.length() <= ErrorLine.MAX_LENGTH + "... (cut)".length(), "a short line: " + error.length());
    String line = expected.get(1).replace("{case}", folder.toString());
    if (line.startsWith("~")) {
      assertTrue(error.matches(line.substring(1)), error + " matches " + line);
    } else {
      assertEquals(line, error);
    }
    assertEquals("", run.out(), "nothing on standard output");
    assertFalse(Files.exists(out), "no report folder is left behind");
  }

  private static void prepare(Path folder, String[] step) throws IOException, InterruptedException {
    Path target = folder.resolve(step[1]);
    switch (step[0]) {
      case "fifo" -> {
        Process mkfifo = new ProcessBuilder("mkfifo", target.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + target);
      }
      case "symlink" -> Files.createSymbolicLink(target, Path.of(step[2]));
      case "mkdir" -> Files.createDirectories(target);
      default -> throw new IllegalArgumentException("unknown setup step " + step[0]);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}

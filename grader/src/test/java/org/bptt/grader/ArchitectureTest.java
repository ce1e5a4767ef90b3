package org.bptt.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The solver and the values it works on stay pure: no files, no parsing, no templates. The check
 * reads the sources' imports and fully qualified references, so it also catches java.io use
 * without an import. Grading stays free of presentation: it returns data, the report layer words it.
 */
class ArchitectureTest {

  private static final List<String> FORBIDDEN = List.of("java.io", "java.nio", "java.net", "com.fasterxml",
      "freemarker", "picocli", "org.bptt.grader.load", "org.bptt.grader.yaml", "org.bptt.grader.cli",
      "org.bptt.grader.present", "org.bptt.grader.report", "org.bptt.grader.grading", "System.out", "System.err");

  @ParameterizedTest
  @ValueSource(strings = {"solver", "exercise", "value"})
  void pureCorePackagesDoNotDependOnInputOutput(String packageName) throws IOException {
    assertEquals(List.of(), violations(packageName, FORBIDDEN));
  }

  /** Grading returns findings as data; their wording and number formatting belong to the report layer. */
  @Test
  void gradingDoesNotDependOnPresentationOrReports() throws IOException {
    assertEquals(List.of(), violations("grading", List.of("org.bptt.grader.present", "org.bptt.grader.report",
        "org.bptt.grader.cli", "freemarker", "System.out", "System.err")));
  }

  private static List<String> violations(String packageName, List<String> forbiddenNames) throws IOException {
    Path folder = Path.of("grader/src/main/java/org/bptt/grader", packageName);
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.trim().startsWith("//") || line.trim().startsWith("*")) {
            continue;
          }
          for (String forbidden : forbiddenNames) {
            if (line.contains(forbidden)) {
              violations.add(file.getFileName() + ":" + (i + 1) + " uses " + forbidden);
            }
          }
        }
      }
    }
    return violations;
  }
}

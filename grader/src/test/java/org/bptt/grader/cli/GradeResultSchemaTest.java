package org.bptt.grader.cli;

import static org.bptt.grader.cli.CliRunner.run;
import static org.bptt.grader.cli.CliRunner.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade --format json} against the JSON Schema in the repository, on real output. */
class GradeResultSchemaTest {

  static final Path SCHEMA_FILE = Path.of("grader/src/main/resources/schemas/grade-result.schema.json");
  private static final Schema SCHEMA = load();

  private static Schema load() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(SCHEMA_FILE), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about a JSON text; empty when it is valid. */
  static List<String> problems(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  static void assertValid(String json) {
    assertEquals(List.of(), problems(json), json.length() > 2000 ? json.substring(0, 2000) : json);
  }

  @Test
  void everySampleAndARejectedFileGiveAResultTheSchemaAccepts(@TempDir Path folder) {
    Path broken = write(folder.resolve("broken.yaml"), "exercise: seed-000\nstudent: b1\nanswers:\n  \"h[9]\": 1\n");
    List<String> arguments = new ArrayList<>(List.of("grade", "--format", "json", "--keep-going", "--out",
        folder.resolve("out").toString()));
    arguments.addAll(CliRunner.sampleFiles());
    arguments.add(broken.toString());
    CliRunner.Run run = run(arguments.toArray(String[]::new));
    assertEquals(2, run.code(), run.err());
    assertValid(run.out());
    assertEquals(CliRunner.sampleFiles().size(), run.json().get("submissions").size());
    assertEquals(1, run.json().get("rejected").size());

    CliRunner.Run clean = run("grade", CliRunner.sampleFiles().get(0), "--format", "json", "--no-reports");
    assertValid(clean.out());
  }

  /** The schema is strict enough to fail: the old shape (a bare submission) and a missing summary are refused. */
  @Test
  void theSchemaRefusesOtherShapes() {
    CliRunner.Run run = run("grade", CliRunner.sampleFiles().get(0), "--format", "json", "--no-reports");
    String submission = run.submission().toString();
    assertFalse(problems(submission).isEmpty());
    String withoutSummary = run.out().substring(0, run.out().lastIndexOf("\"summary\"")).strip();
    withoutSummary = withoutSummary.substring(0, withoutSummary.length() - 1) + "}";
    assertTrue(problems(withoutSummary).stream().anyMatch(problem -> problem.contains("summary")), withoutSummary);
  }
}

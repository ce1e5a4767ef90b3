package org.bptt.grader.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated sample submissions through the whole command line, in one JVM: whatever a file holds,
 * the grader exits 0, 1 or 2, prints at most one line of error, never an exception, and leaves no
 * report folder behind when it refuses the input. A fixed seed makes every run the same.
 */
class SubmissionFuzzTest {

  /** Enough mutations to reach the odd corners, few enough for the test suite's time. */
  private static final int CASES = 10_000;

  private static final List<String> SAMPLES = List.of("exercises/samples/seed-000-author.yaml",
      "exercises/samples/seed-002-author.yaml", "exercises/samples/seed-004-author.yaml");

  private static final String[] INSERTS = {"\u0000", "\n", "\r", "\t", "\u001b[2J", "\uFEFF", "\uFFFE", "{", "}", "[",
      "]", ":", "\"", "'", "#", "&a", "*a", "!!str ", "!!java.lang.Object ", "- ", "? ", "|", ">", "~", "null",
      "1e309", "-0", "NaN", ".inf", "0x1F", "1_000", "\u00e9", "\uD83D\uDE00", "\\u0000", "../", "CON", "%"};

  @Test
  void noMutatedSubmissionBreaksTheGrader(@TempDir Path temporary) throws Exception {
    Random random = new Random(20261201);
    // only the samples' exercises: every run reads the folder to find ids, and the others would
    // cost each of the 10,000 runs their parsing without adding a case
    Path exercises = Files.createDirectory(temporary.resolve("exercises"));
    for (String seed : List.of("seed-000-tanh-three-steps.yaml", "seed-002-forward-sensitivities.yaml",
        "seed-004-batch-many-to-one.yaml")) {
      Files.copy(Path.of("exercises", seed), exercises.resolve(seed));
    }
    for (int i = 0; i < CASES; i++) {
      String sample = Files.readString(Path.of(SAMPLES.get(i % SAMPLES.size())));
      String mutated = mutate(sample, random);
      Path file = temporary.resolve("case-" + i + ".yaml");
      Files.write(file, random.nextInt(10) == 0 ? corruptBytes(mutated, random) : mutated.getBytes(StandardCharsets.UTF_8));
      Path out = temporary.resolve("out-" + i);
      boolean keepGoing = random.nextBoolean();
      CliRunner.Run run = keepGoing
          ? CliRunner.run("grade", file.toString(), "--out", out.toString(), "--keep-going", "--exercises",
              exercises.toString())
          : CliRunner.run("grade", file.toString(), "--out", out.toString(), "--exercises", exercises.toString());
      String context = "case " + i + " (" + file + "): exit " + run.code() + ", " + run.err();
      assertTrue(run.code() >= 0 && run.code() <= 2, context);
      assertFalse(run.err().strip().contains("\n"), "one line: " + context);
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no trace: " + context);
      if (run.code() == 2) {
        assertFalse(Files.exists(out), "no report folder after a refusal: " + context);
        // with --keep-going the summary lists the rejected file; without, nothing is printed
        assertTrue(keepGoing ? run.out().startsWith("rejected: " + file) : run.out().isEmpty(),
            "standard output after a refusal: " + context + "\n" + run.out());
      }
      Files.delete(file);
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && out.length() > 0; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 2 -> out.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 3 -> out.delete(at, Math.min(out.length(), at + random.nextInt(40)));
        default -> out.insert(at, "9".repeat(1 + random.nextInt(400)));
      }
    }
    return out.toString();
  }

  private static byte[] corruptBytes(String text, Random random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    return bytes;
  }
}

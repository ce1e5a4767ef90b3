package org.bptt.grader.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.IntStream;
import org.bptt.grader.error.InputException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.yaml.TextFiles;
import org.bptt.grader.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented limit at its boundary: the limit itself is accepted, one past it is refused with
 * one line. Nothing here is timed; grader/bench/limits.sh measures what each limit costs.
 */
class LimitsTest {

  @TempDir Path folder;

  /** An exercise with I = H = O = {@code size} and sequences of the given lengths, plus {@code extra} lines. */
  private static String exercise(int size, int[] lengths, String extra) {
    String vector = "[" + String.join(", ", Collections.nCopies(size, "0.1")) + "]";
    String matrix = "[" + String.join(", ", Collections.nCopies(size, vector)) + "]";
    StringBuilder yaml = new StringBuilder("id: limits\n")
        .append("model: {input_size: ").append(size).append(", hidden_size: ").append(size).append(", output_size: ")
        .append(size).append(", hidden_bias: false, output_bias: false}\n")
        .append("loss: {kind: squared_error, scale: 0.5}\n")
        .append("data:\n  sequences:\n");
    for (int length : lengths) {
      String steps = "[" + String.join(", ", Collections.nCopies(length, vector)) + "]";
      yaml.append("    - {inputs: ").append(steps).append(", targets: ").append(steps).append("}\n");
    }
    return yaml.append("parameters: {W_xh: ").append(matrix).append(", W_hh: ").append(matrix).append(", W_hy: ")
        .append(matrix).append("}\n").append(extra).append("ask: [\"h[t]\"]\n").toString();
  }

  private static int[] lengths(int count, int length) {
    return IntStream.generate(() -> length).limit(count).toArray();
  }

  private static Exercise load(String yaml) throws InputException {
    return new ExerciseLoader().parse(yaml, "limits.yaml");
  }

  private static String refused(String yaml) {
    String message = assertThrows(InputException.class, () -> load(yaml)).getMessage();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @Test
  void unitsPerLayer() throws Exception {
    assertEquals(ExerciseLoader.MAX_SIZE, load(exercise(ExerciseLoader.MAX_SIZE, lengths(1, 1), "")).model().hiddenSize());
    assertEquals("limits.yaml:2:21: model.input_size: expected 1 to 16, got 17",
        refused(exercise(ExerciseLoader.MAX_SIZE + 1, lengths(1, 1), "")));
  }

  @Test
  void stepsPerSequence() throws Exception {
    assertEquals(ExerciseLoader.MAX_STEPS, load(exercise(1, lengths(1, ExerciseLoader.MAX_STEPS), "")).sequences().get(0)
        .length());
    assertEquals("limits.yaml:6:16: data.sequences[1].inputs: expected 1 to 50 steps, got 51",
        refused(exercise(1, lengths(1, ExerciseLoader.MAX_STEPS + 1), "")));
  }

  @Test
  void sequences() throws Exception {
    assertEquals(ExerciseLoader.MAX_SEQUENCES, load(exercise(1, lengths(ExerciseLoader.MAX_SEQUENCES, 1), ""))
        .sequences().size());
    assertEquals("limits.yaml:6:5: data.sequences: expected 1 to 20 sequences, got 21",
        refused(exercise(1, lengths(ExerciseLoader.MAX_SEQUENCES + 1, 1), "")));
  }

  @Test
  void stepsInAll() throws Exception {
    int[] atTheLimit = lengths(ExerciseLoader.MAX_TOTAL_STEPS / ExerciseLoader.MAX_STEPS, ExerciseLoader.MAX_STEPS);
    assertEquals(ExerciseLoader.MAX_TOTAL_STEPS, ExerciseLoader.totalSteps(load(exercise(1, atTheLimit, "")).sequences()));
    int[] onePast = IntStream.concat(IntStream.of(atTheLimit), IntStream.of(1)).toArray();
    assertEquals("limits.yaml:6:5: data.sequences: expected at most 100 steps in all, got 101; use fewer or shorter "
        + "sequences", refused(exercise(1, onePast, "")));
  }

  @Test
  void epochs() throws Exception {
    assertEquals(ExerciseLoader.MAX_EPOCHS, load(exercise(1, lengths(1, 1), "training: {epochs: 100000}\n"))
        .training().epochs());
    assertEquals("limits.yaml:8:20: training.epochs: expected 1 to 100000 and at least every loss_after count, got "
        + "100001", refused(exercise(1, lengths(1, 1), "training: {epochs: 100001}\n")));
  }

  @Test
  void trainingRun() throws Exception {
    int steps = 2;
    int most = ExerciseLoader.MAX_TRAINING_STEPS / steps;
    assertEquals(most, load(exercise(1, lengths(1, steps), "training: {loss_after: [" + most + "]}\n"))
        .training().reportLossAfter().get(0));
    assertEquals("limits.yaml:8:1: training.loss_after: 2501 updates of 2 steps are more than the 5000 update steps a "
        + "training run may take (at most 2500 updates here); ask for fewer updates",
        refused(exercise(1, lengths(1, steps), "training: {loss_after: [" + (most + 1) + "]}\n")));
  }

  private ExerciseTemplate template(String yaml) throws Exception {
    Path file = Files.writeString(folder.resolve("limits.yaml"), yaml);
    return new ExerciseLoader().loadTemplate(file, "limits.yaml");
  }

  private static final VariantCheck ANY_DRAW = (candidate, constraints) -> null;

  /** A randomized exercise of {@code length} steps whose variants block asks for {@code tries} draws. */
  private static String randomized(int length, int tries) {
    return exercise(1, lengths(1, length), "variants: {max_tries: " + tries + "}\n")
        .replace("W_hh: [[0.1]]", "W_hh: {random: {range: [-0.5, 0.5], decimals: 1}}");
  }

  @Test
  void draws() throws Exception {
    assertEquals(1, template(randomized(1, ExerciseTemplate.MAX_TRIES)).variant("0123456789abcdef", ANY_DRAW)
        .exercise().sequences().size());
    String message = assertThrows(InputException.class, () -> template(randomized(1, ExerciseTemplate.MAX_TRIES + 1))
        .variant("0123456789abcdef", ANY_DRAW)).getMessage();
    assertEquals("limits.yaml:8:23: variants.max_tries: expected 1 to 300, got 301", message);
  }

  @Test
  void drawsOfALargerExercise() throws Exception {
    int length = ExerciseLoader.MAX_STEPS;
    long affordable = ExerciseTemplate.MAX_DRAW_WORK / ExerciseTemplate.drawCost(load(exercise(1, lengths(1, length), "")));
    assertEquals(20, affordable, "50 steps of the smallest network: 150,000 / (50 x 150)");
    assertEquals(1, template(randomized(length, (int) affordable)).variant("0123456789abcdef", ANY_DRAW)
        .exercise().sequences().size());
    String message = assertThrows(InputException.class, () -> template(randomized(length, (int) affordable + 1))
        .variant("0123456789abcdef", ANY_DRAW)).getMessage();
    assertEquals("limits.yaml:8:23: variants.max_tries: at most 20 draws of an exercise this size (each is solved and "
        + "checked), got 21", message);
  }

  @Test
  void fileSize() throws Exception {
    Path atTheLimit = Files.write(folder.resolve("a.yaml"), "#".repeat((int) YamlReader.MAX_BYTES).getBytes(StandardCharsets.UTF_8));
    assertEquals(YamlReader.MAX_BYTES, TextFiles.read(atTheLimit, "a.yaml", YamlReader.MAX_BYTES).length());
    Path onePast = Files.write(folder.resolve("b.yaml"), "#".repeat((int) YamlReader.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8));
    assertEquals("b.yaml: file is larger than 1048576 bytes",
        assertThrows(InputException.class, () -> TextFiles.read(onePast, "b.yaml", YamlReader.MAX_BYTES)).getMessage());
  }

  @Test
  void nesting() throws Exception {
    // the document's mapping is the first level, each list one more
    int lists = YamlReader.MAX_DEPTH - 1;
    new YamlReader().parse("x: " + "[".repeat(lists) + "1" + "]".repeat(lists), "deep.yaml");
    String message = assertThrows(InputException.class, () -> new YamlReader().parse("x: " + "[".repeat(lists + 1) + "1"
        + "]".repeat(lists + 1), "deep.yaml")).getMessage();
    assertEquals("deep.yaml:1:" + (lists + 5) + ": nesting deeper than 20 levels", message); // at the innermost value
  }
}

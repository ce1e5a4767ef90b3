package org.bptt.grader.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bptt.grader.error.InputException;
import org.bptt.grader.pipeline.PreparedExercise;
import org.junit.jupiter.api.Test;

/** Each class of bad exercise input gets one line naming the file, line and column, and what was expected. */
class ExerciseLoaderErrorsTest {

  private static final String VALID = """
      id: tiny
      model:
        input_size: 1
        hidden_size: 1
        output_size: 1
        hidden_bias: false
        output_bias: false
      loss:
        kind: squared_error
        scale: 0.5
      data:
        sequences:
          - inputs: [1, 2]
            targets: [0.5, 1.0]
      parameters:
        W_xh: 0.5
        W_hh: 0.1
        W_hy: 1.0
      ask: ["h[t]", "dL/dW_hh"]
      """;

  private static final String TEXT = """
      id: text
      model: {input_size: 3, hidden_size: 1, output_size: 3, output: softmax}
      loss: {kind: cross_entropy}
      data:
        vocabulary: [a, b, c]
        sequences:
          - {text: abc, target_text: bcx}
      parameters:
        W_xh: [0.1, 0.2, 0.3]
        W_hh: 0.5
        b_h: 0
        W_hy: [0.1, 0.2, 0.3]
        b_y: [0, 0, 0]
      """;

  private static String message(String yaml) {
    // Loading, then solving: an ask that names no quantity is found when the exercise is solved.
    InputException error = assertThrows(InputException.class, () -> PreparedExercise.solve(
        new ExerciseLoader().parseDefinition(yaml, "bad.yaml")));
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
    return error.getMessage();
  }

  @Test
  void validExampleLoads() throws InputException {
    assertEquals("tiny", new ExerciseLoader().parse(VALID, "good.yaml").id());
  }

  @Test
  void wrongShape() {
    String yaml = VALID.replace("W_hy: 1.0", "W_hy: [1.0, 2.0]");
    assertEquals("bad.yaml:18:9: W_hy: expected a single number, got a list of 2 numbers", message(yaml));
  }

  @Test
  void wrongMatrixShapeNamesBothShapes() {
    String yaml = VALID.replace("input_size: 1", "input_size: 2").replace("inputs: [1, 2]", "inputs: [[1, 0], [2, 0]]")
        .replace("W_xh: 0.5", "W_xh: [[0.5], [0.2]]");
    assertEquals("bad.yaml:16:9: W_xh: expected shape 1x2, got 2x1", message(yaml));
  }

  @Test
  void unknownKey() {
    String yaml = VALID.replace("  hidden_size: 1", "  hiden_size: 1");
    assertEquals("bad.yaml:4:3: model: unknown key 'hiden_size', expected one of kind, input_size, hidden_size, "
        + "output_size, hidden_activation, output, hidden_bias, output_bias", message(yaml));
  }

  @Test
  void missingParameter() {
    String yaml = VALID.replace("  W_hh: 0.1\n", "");
    assertEquals("bad.yaml:16:3: parameters: missing W_hh (shape 1x1)", message(yaml));
  }

  @Test
  void parameterTheModelDoesNotHave() {
    String yaml = VALID.replace("  W_hy: 1.0", "  W_hy: 1.0\n  b_h: 0.1");
    assertEquals("bad.yaml:19:3: parameters: the model has no b_h (check its biases and output), "
        + "expected W_xh, W_hh, W_hy, h0", message(yaml));
  }

  @Test
  void nonNumber() {
    String yaml = VALID.replace("W_hh: 0.1", "W_hh: zero point one");
    assertEquals("bad.yaml:17:9: W_hh: expected a number such as 0.5 or -4.8e-3, got 'zero point one'", message(yaml));
  }

  @Test
  void notANumberAndInfinityAreRejected() {
    assertEquals("bad.yaml:17:9: W_hh: expected a number such as 0.5 or -4.8e-3, got '.nan'",
        message(VALID.replace("W_hh: 0.1", "W_hh: .nan")));
    assertEquals("bad.yaml:17:9: W_hh: expected a number such as 0.5 or -4.8e-3, got 'Infinity'",
        message(VALID.replace("W_hh: 0.1", "W_hh: Infinity")));
  }

  @Test
  void quotedScientificNumbersAreAccepted() throws InputException {
    new ExerciseLoader().parse(VALID.replace("W_hh: 0.1", "W_hh: \"1e-1\""), "good.yaml");
  }

  @Test
  void characterOutsideTheVocabulary() {
    assertEquals("bad.yaml:7:32: data.sequences[1].target_text: character 'x' at position 3 is not in the "
        + "vocabulary [a, b, c]", message(TEXT));
  }

  @Test
  void duplicateKey() {
    String yaml = VALID.replace("  W_hy: 1.0", "  W_hy: 1.0\n  W_hh: 0.2");
    assertEquals("bad.yaml:19:3: duplicate key 'W_hh' (first written at line 17)", message(yaml));
  }

  @Test
  void wrongNumberOfTargets() {
    String yaml = VALID.replace("targets: [0.5, 1.0]", "targets: [0.5]");
    assertEquals("bad.yaml:14:16: data.sequences[1].targets: expected 2 targets, one per step, got 1", message(yaml));
  }

  @Test
  void unknownChoice() {
    String yaml = VALID.replace("  hidden_size: 1", "  hidden_size: 1\n  hidden_activation: softsign");
    assertEquals("bad.yaml:5:22: model.hidden_activation: expected one of tanh, sigmoid, relu, linear, got 'softsign'",
        message(yaml));
  }

  @Test
  void askedQuantityThatDoesNotExist() {
    String yaml = VALID.replace("ask: [\"h[t]\", \"dL/dW_hh\"]", "ask: [\"h[t]\", \"dL/dW_hx\"]");
    assertEquals("bad.yaml:19:15: ask: 'dL/dW_hx' names no quantity of this exercise "
        + "(see the canonical names in exercises/README.md)", message(yaml));
  }

  @Test
  void malformedYaml() {
    String yaml = VALID.replace("  W_hh: 0.1", "  W_hh: [0.1");
    String error = message(yaml);
    assertEquals(true, error.startsWith("bad.yaml:"), error);
    assertEquals(true, error.contains("not valid YAML"), error);
  }

  @Test
  void nestingTooDeep() {
    String deep = "[".repeat(40) + "1" + "]".repeat(40);
    String error = message(VALID.replace("W_hh: 0.1", "W_hh: " + deep));
    assertEquals(true, error.startsWith("bad.yaml"), error);
    assertEquals(true, error.contains("nesting") || error.contains("depth"), error);
  }

  @Test
  void documentTooLarge() {
    String error = message(VALID + "# " + "x".repeat(1 << 20) + "\n");
    assertEquals(true, error.startsWith("bad.yaml"), error);
    assertEquals(true, error.contains("larger than"), error);
  }

  @Test
  void emptyFile() {
    assertEquals("bad.yaml:1:1: the file is empty, expected a YAML mapping", message(""));
  }

  @Test
  void notAMapping() {
    assertEquals("bad.yaml:1:1: exercise: expected a mapping of keys to values, got a list of 2", message("[1, 2]"));
  }
}

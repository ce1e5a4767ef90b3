package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bptt.grader.error.InputException;
import org.bptt.grader.load.ExerciseLoader;
import org.junit.jupiter.api.Test;

/** Asked patterns expand per sequence of a batch, with each sequence's own last step for [T]. */
class AskedQuantitiesTest {

  private static final String BATCH = """
      id: batch-check
      model: {input_size: 1, hidden_size: 1, output_size: 1, output: linear, hidden_bias: false, output_bias: false}
      loss: {kind: squared_error, scale: 0.5}
      data:
        sequences:
          - {inputs: [1.0, 0.5], targets: [0.2, 0.4]}
          - {inputs: [0.3, 0.1, 0.2], targets: [0.1, 0.2, 0.3]}
      parameters: {W_xh: 0.5, W_hh: 0.1, W_hy: 1.0}
      training: {learning_rate: 0.1}
      """;

  private static List<String> expand(String pattern) throws InputException {
    QuantityGraph graph = ReferenceSolver.solve(new ExerciseLoader().parse(BATCH, "batch.yaml"));
    return AskedQuantities.expand(List.of(pattern), graph);
  }

  @Test
  void aNormOfAJacobianExpandsInsideEachSequence() throws InputException {
    assertEquals(List.of("norm(s1.dh[2]/dh[1])", "norm(s1.dh[2]/dh[0])", "norm(s2.dh[3]/dh[2])",
        "norm(s2.dh[3]/dh[1])", "norm(s2.dh[3]/dh[0])"), expand("norm(dh[T]/dh[k])"));
  }

  @Test
  void lastStepIsEachSequencesOwn() throws InputException {
    assertEquals(List.of("s1.h[2]"), expand("s1.h[T]"));
    assertEquals(List.of("s1.h[2]", "s2.h[3]"), expand("h[T]"));
  }

  @Test
  void quantitiesAfterTheUpdateExpandPerSequence() throws InputException {
    assertEquals(List.of("updated.s1.y[1]", "updated.s1.y[2]", "updated.s2.y[1]", "updated.s2.y[2]",
        "updated.s2.y[3]"), expand("updated.y[t]"));
    assertEquals(5, expand("updated.L[t]").size());
  }

  @Test
  void aPatternThatIsNotANameExpandsToNothing() throws InputException {
    assertEquals(List.of(), expand("h[q]"));
    assertEquals(List.of(), expand("dL/dW_hx"));
  }
}

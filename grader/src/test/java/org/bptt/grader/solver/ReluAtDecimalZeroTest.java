package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.bptt.grader.error.InputException;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.value.Tensor;
import org.junit.jupiter.api.Test;

/** A pre-activation that is 0 at the data's precision is 0 for relu, whatever binary residue it leaves. */
class ReluAtDecimalZeroTest {

  @Test
  void aBinaryResidueOfADecimalZeroIsZero() {
    double residue = -0.9 * 0.1 + 0.9 * 0.2 - 0.3 * 0.3;
    assertNotEquals(0.0, residue, "the data leave a residue in binary");
    assertEquals(0.0, Activation.RELU.derivative(residue, Activation.RELU.apply(residue)));
    assertEquals(0.0, Activation.RELU.apply(residue));
    assertEquals(1.0, Activation.RELU.derivative(1e-6, 1e-6));
  }

  @Test
  void theSolverTakesReluPrimeOfADecimalZeroAsZero() throws InputException {
    String yaml = """
        id: relu-zero
        model: {input_size: 2, hidden_size: 1, output_size: 1, hidden_activation: relu, output: linear,
                hidden_bias: false, output_bias: false}
        loss: {kind: squared_error, scale: 0.5}
        data:
          sequences:
            - {inputs: [[0.1, 0.2]], targets: [0.5]}
        parameters: {W_xh: [[-0.9, 0.9]], W_hh: 0.3, W_hy: 1.0, h0: -0.3}
        training: {learning_rate: 0.1}
        """;
    QuantityGraph graph = ReferenceSolver.solve(new ExerciseLoader().parse(yaml, "relu.yaml"));
    double preactivation = ((Tensor) graph.value("a[1]")).scalarValue();
    assertEquals(0.0, preactivation, 1e-15, "a[1] = -0.09 + 0.18 + 0.3 * -0.3 is 0 at the data's precision");
    assertEquals(0.0, ((Tensor) graph.value("dL/da[1]")).scalarValue(), 0.0, "relu'(0) = 0, so no error passes a[1]");
  }
}

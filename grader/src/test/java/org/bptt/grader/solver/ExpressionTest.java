package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;

/** A formula written once: it evaluates like the textbook functions, lists its inputs, rewrites and prints. */
class ExpressionTest {

  private static final Map<String, Value> VALUES = Map.of(
      "W_xh", Tensor.matrix(new double[] {0.5, -0.2}, new double[] {0.1, 0.3}),
      "W_hh", Tensor.matrix(new double[] {0.4, 0.1}, new double[] {-0.3, 0.2}),
      "b_h", Tensor.vector(0.05, -0.05),
      "x[2]", Tensor.vector(1, 2),
      "h[1]", Tensor.vector(0.3, -0.6),
      "a[2]", Tensor.vector(0.7, -0.4),
      "h[2]", Tensor.vector(Math.tanh(0.7), Math.tanh(-0.4)),
      "dL/dh[2]", Tensor.vector(0.2, -0.1));

  private static final Function<String, Value> LOOKUP = VALUES::get;

  private static Expression.Ref ref(String name) {
    return new Expression.Ref(name);
  }

  private static final Expression PREACTIVATION = new Expression.Sum(List.of(
      new Expression.MatrixTimesVector(ref("W_xh"), ref("x[2]"), false),
      new Expression.MatrixTimesVector(ref("W_hh"), ref("h[1]"), false), ref("b_h")), 0);

  private static final Expression PREACTIVATION_ERROR = new Expression.Hadamard(ref("dL/dh[2]"),
      new Expression.Derivative(Activation.TANH, ref("a[2]"), ref("h[2]")));

  @Test
  void evaluatesLikeTheTextbookFunctions() {
    // by hand: W_xh x + W_hh h[1] + b_h, and dL/dh ⊙ (1 - h²)
    double[] expected = {0.5 * 1 - 0.2 * 2 + 0.4 * 0.3 + 0.1 * -0.6 + 0.05,
        0.1 * 1 + 0.3 * 2 - 0.3 * 0.3 + 0.2 * -0.6 - 0.05};
    assertArrayEquals(expected, PREACTIVATION.evaluate(LOOKUP).toArray(), 1e-15);
    double h0 = Math.tanh(0.7);
    double h1 = Math.tanh(-0.4);
    assertArrayEquals(new double[] {0.2 * (1 - h0 * h0), -0.1 * (1 - h1 * h1)},
        PREACTIVATION_ERROR.evaluate(LOOKUP).toArray(), 1e-15);
  }

  @Test
  void listsWhatItReadsInOrder() {
    assertEquals(List.of("W_xh", "x[2]", "W_hh", "h[1]", "b_h"), PREACTIVATION.references());
    assertEquals(List.of("dL/dh[2]", "a[2]", "h[2]"), PREACTIVATION_ERROR.references());
  }

  @Test
  void rewritesBottomUpAndSubstitutes() {
    Expression swapped = PREACTIVATION.substitute("W_xh", ref("W_hh"));
    assertEquals("W_hh x[2] + W_hh h[1] + b_h", swapped.text());
    Expression fromPreactivation = PREACTIVATION_ERROR.rewrite(node -> node instanceof Expression.Derivative derivative
        ? new Expression.OneMinusSquare(derivative.preactivation()) : node);
    double[] dh = ((Tensor) VALUES.get("dL/dh[2]")).toArray();
    assertArrayEquals(new double[] {dh[0] * (1 - 0.49), dh[1] * (1 - 0.16)},
        fromPreactivation.evaluate(LOOKUP).toArray(), 1e-15);
    Expression.Sum withoutRecurrence = ((Expression.Sum) PREACTIVATION).without("h[1]");
    assertEquals(List.of("W_xh", "x[2]", "b_h"), withoutRecurrence.references());
  }

  @Test
  void printsWithTheNamesItIsGiven() {
    assertEquals("W_xh x[2] + W_hh h[1] + b_h", PREACTIVATION.text());
    assertEquals("w x[t] + U h[t-1] + b", PREACTIVATION.text(name -> switch (name) {
      case "W_xh" -> "w";
      case "W_hh" -> "U";
      case "b_h" -> "b";
      case "x[2]" -> "x[t]";
      default -> "h[t-1]";
    }));
    assertEquals("(dL/dh[2]) * (tanh'(a[2]))", PREACTIVATION_ERROR.text());
  }

  @Test
  void anEmptyAccumulatedSumIsZero() {
    assertArrayEquals(new double[] {0, 0, 0}, new Expression.Sum(List.of(), 3).evaluate(LOOKUP).toArray(), 0);
  }
}

package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * What the gated cells share: a gate's pre-activation W_x x[t] + W_h h[t-1] (+ b), its weights'
 * contributions to the gradient from the error at that pre-activation, and the local terms of
 * forward-in-time sensitivities.
 */
final class Gates {

  private Gates() {}

  /** A gate's three parameters: input weights, recurrent weights, bias. */
  record Gate(Parameter input, Parameter recurrent, Parameter bias) {}

  static Expression.Ref ref(String name) {
    return new Expression.Ref(name);
  }

  /** W_x x[t] + W_h h[t-1] (+ b when the model has gate biases). */
  static Expression preactivation(CellContext graph, CellStep step, Gate gate) {
    List<Expression> terms = new ArrayList<>(List.of(
        new Expression.MatrixTimesVector(ref(step.parameter(gate.input())), ref(step.input()), false),
        new Expression.MatrixTimesVector(ref(step.parameter(gate.recurrent())), ref(step.previousHidden()), false)));
    if (graph.has(gate.bias())) {
      terms.add(ref(step.parameter(gate.bias())));
    }
    return new Expression.Sum(terms, 0);
  }

  /** "W_xi x[t] + W_hi h[t-1] + b_i". */
  static String describe(CellContext graph, Gate gate) {
    return gate.input().canonicalName() + " x[t] + " + gate.recurrent().canonicalName() + " h[t-1]"
        + (graph.has(gate.bias()) ? " + " + gate.bias().canonicalName() : "");
  }

  /** σ'(a) written from the gate's value s as s ⊙ (1 − s), the way it is worked by hand. */
  static List<Expression> sigmoidDerivative(String gate) {
    return List.of(ref(gate), new Expression.OneMinus(ref(gate)));
  }

  /** A step's contribution to a parameter's gradient: "s2.dL/dW_xi[3]". */
  static String contribution(CellStep step, Parameter parameter) {
    return step.prefix() + Names.gradientAt(parameter.canonicalName(), step.step());
  }

  /** Step t's contributions to a gate's parameters, from the error at its pre-activation. */
  static void addContributions(CellContext graph, CellStep step, Gate gate, String error) {
    String symbol = QuantityId.parse(error).map(id -> "dL/d" + id.parameter() + "[t]").orElse(error);
    graph.add(contribution(step, gate.input()), Stage.GRADIENT, "step t's contribution " + symbol + " x[t]^T",
        new Expression.Outer(ref(error), ref(step.input())));
    graph.add(contribution(step, gate.recurrent()), Stage.GRADIENT, "step t's contribution " + symbol + " h[t-1]^T",
        new Expression.Outer(ref(error), ref(step.previousHidden())));
    if (graph.has(gate.bias())) {
      graph.add(contribution(step, gate.bias()), Stage.GRADIENT, "step t's contribution " + symbol,
          new Expression.AsVector(ref(error)));
    }
  }

  /**
   * The local sensitivity of the state to a parameter through one pre-activation: with D = ∂state/∂a
   * (state rows × H), entry (r, i·n + j) is D[r][i] · source[j] for a weight matrix whose column j
   * multiplies source (x[t] or h[t-1]); for a bias (null source) it is D itself.
   */
  static Tensor localSensitivity(Tensor derivative, Tensor source) {
    if (source == null) {
      return derivative;
    }
    int rows = derivative.rows();
    int hidden = derivative.columns();
    int width = source.size();
    double[] values = new double[rows * hidden * width];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < hidden; i++) {
        for (int j = 0; j < width; j++) {
          values[r * hidden * width + i * width + j] = derivative.get(r, i) * source.at(j);
        }
      }
    }
    return Tensor.of(Shape.matrix(rows, hidden * width), values);
  }

  /** diag(v) stacked on diag(w): ∂(h, c)/∂a for one gate's pre-activation a. */
  static Tensor stacked(Tensor top, Tensor bottom) {
    int size = top.size();
    double[] values = new double[2 * size * size];
    for (int i = 0; i < size; i++) {
      values[i * size + i] = top.at(i);
      values[(size + i) * size + i] = bottom.at(i);
    }
    return Tensor.of(Shape.matrix(2 * size, size), values);
  }

  /** The source a weight matrix multiplies: x[t] for input weights, h[t-1] for recurrent ones, none for a bias. */
  static String source(CellStep step, Parameter parameter) {
    return switch (parameter.role()) {
      case INPUT_WEIGHTS -> step.input();
      case RECURRENT_WEIGHTS -> step.previousHidden();
      default -> null;
    };
  }
}

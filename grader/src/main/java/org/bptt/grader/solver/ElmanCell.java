package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;

/**
 * The Elman cell, h[t] = f(W_xh x[t] + W_hh h[t-1] + b_h): its forward step, the error at its
 * pre-activation dL/da[t] = dL/dh[t] ⊙ f'(a[t]), the contributions dL/da[t] x[t]^T, dL/da[t]
 * h[t-1]^T and dL/da[t], and the error W_hh^T dL/da[t] it passes back to h[t-1].
 */
final class ElmanCell implements Cell {

  private final Activation activation;

  ElmanCell(ModelSpec model) {
    this.activation = model.hiddenActivation();
  }

  @Override
  public ModelKind kind() {
    return ModelKind.ELMAN;
  }

  @Override
  public List<Parameter> recurrentParameters(ModelSpec model) {
    List<Parameter> list = new ArrayList<>(List.of(Parameter.W_XH, Parameter.W_HH));
    if (model.hiddenBias()) {
      list.add(Parameter.B_H);
    }
    return list;
  }

  private static Expression.Ref ref(String name) {
    return new Expression.Ref(name);
  }

  @Override
  public void addForward(CellContext graph, CellStep step) {
    boolean bias = graph.has(Parameter.B_H);
    List<Expression> terms = new ArrayList<>(List.of(
        new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_XH)), ref(step.input()), false),
        new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_HH)), ref(step.previousHidden()), false)));
    if (bias) {
      terms.add(ref(step.parameter(Parameter.B_H)));
    }
    graph.add(step.at("a"), Stage.FORWARD, "pre-activation W_xh x[t] + W_hh h[t-1]" + (bias ? " + b_h" : ""),
        new Expression.Sum(terms, 0));
    graph.add(step.hidden(), Stage.FORWARD, "hidden state " + activation.yamlName() + "(a[t])",
        new Expression.Activate(activation, ref(step.at("a"))));
  }

  @Override
  public Expression errorToPreviousState(CellStep step) {
    return new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_HH)), ref(step.errorAt("a")), true);
  }

  @Override
  public String describeErrorToPreviousState(String step) {
    return "W_hh^T dL/da[" + step + "]";
  }

  @Override
  public void addBackward(CellContext graph, CellStep step) {
    String preactivationError = step.errorAt("a");
    graph.add(preactivationError, Stage.BACKWARD, "error at the pre-activation dL/dh[t] * f'(a[t])",
        new Expression.Hadamard(ref(step.hiddenError()), derivative(step)));
    graph.add(contribution(step, Parameter.W_XH), Stage.GRADIENT, "step t's contribution dL/da[t] x[t]^T",
        new Expression.Outer(ref(preactivationError), ref(step.input())));
    graph.add(contribution(step, Parameter.W_HH), Stage.GRADIENT, "step t's contribution dL/da[t] h[t-1]^T",
        new Expression.Outer(ref(preactivationError), ref(step.previousHidden())));
    if (graph.has(Parameter.B_H)) {
      graph.add(contribution(step, Parameter.B_H), Stage.GRADIENT, "step t's contribution dL/da[t]",
          new Expression.AsVector(ref(preactivationError)));
    }
  }

  private static String contribution(CellStep step, Parameter parameter) {
    return step.prefix() + Names.gradientAt(parameter.canonicalName(), step.step());
  }

  private Expression derivative(CellStep step) {
    return new Expression.Derivative(activation, ref(step.at("a")), ref(step.hidden()));
  }

  @Override
  public void addLocalJacobian(CellContext graph, CellStep step, String name) {
    graph.add(name, Stage.SENSITIVITY, "local Jacobian diag(f'(a[t])) W_hh",
        new Expression.MatrixProduct(new Expression.Diagonal(derivative(step)), ref(step.parameter(Parameter.W_HH))));
  }

  @Override
  public void addLocalSensitivity(CellContext graph, CellStep step, Parameter parameter, String name) {
    String preactivation = step.at("a");
    String hidden = step.hidden();
    String source = switch (parameter.role()) {
      case INPUT_WEIGHTS -> step.input();
      case RECURRENT_WEIGHTS -> step.previousHidden();
      default -> null;
    };
    List<String> inputs = new ArrayList<>(List.of(preactivation, hidden));
    if (source != null) {
      inputs.add(source);
    }
    graph.add(name, Stage.SENSITIVITY, "local term of dh[t]/d" + parameter.canonicalName() + " with h[t-1] held fixed",
        inputs, in -> Formulas.localSensitivity(activation, in.tensor(preactivation), in.tensor(hidden),
            source == null ? null : in.tensor(source)));
  }
}

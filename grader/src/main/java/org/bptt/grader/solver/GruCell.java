package org.bptt.grader.solver;

import static org.bptt.grader.solver.Gates.ref;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Tensor;

/**
 * The GRU cell as PyTorch defines it:
 *
 * <pre>
 *   a_r[t] = W_xr x[t] + W_hr h[t-1] + b_r       r[t] = σ(a_r[t])     (and likewise z)
 *   a_hn[t] = W_hn h[t-1] + b_hn
 *   a_n[t] = W_xn x[t] + b_xn + r[t] ⊙ a_hn[t]   n[t] = tanh(a_n[t])
 *   h[t] = (1 − z[t]) ⊙ n[t] + z[t] ⊙ h[t-1]
 * </pre>
 *
 * The reset gate multiplies W_hn h[t-1] + b_hn, after the weights (the original paper's variant
 * applies it to h[t-1] before them). Backward, from dL/dh[t]: dL/dn[t] = dL/dh[t] ⊙ (1 − z[t]),
 * dL/dz[t] = dL/dh[t] ⊙ (h[t-1] − n[t]), dL/da_n[t] = dL/dn[t] ⊙ (1 − n[t]²), dL/da_hn[t] =
 * dL/da_n[t] ⊙ r[t], dL/dr[t] = dL/da_n[t] ⊙ a_hn[t], and the sigmoid's s(1 − s) at a_r and a_z;
 * h[t-1] receives dL/dh[t] ⊙ z[t] directly besides the three recurrent weights' shares.
 */
final class GruCell implements Cell {

  private static final Gates.Gate RESET = new Gates.Gate(Parameter.W_XR, Parameter.W_HR, Parameter.B_R);
  private static final Gates.Gate UPDATE = new Gates.Gate(Parameter.W_XZ, Parameter.W_HZ, Parameter.B_Z);

  GruCell(ModelSpec model) {}

  @Override
  public ModelKind kind() {
    return ModelKind.GRU;
  }

  @Override
  public List<Parameter> recurrentParameters(ModelSpec model) {
    List<Parameter> list = new ArrayList<>();
    for (Gates.Gate gate : List.of(RESET, UPDATE)) {
      list.add(gate.input());
      list.add(gate.recurrent());
      if (model.hiddenBias()) {
        list.add(gate.bias());
      }
    }
    list.add(Parameter.W_XN);
    list.add(Parameter.W_HN);
    if (model.hiddenBias()) {
      list.add(Parameter.B_XN);
      list.add(Parameter.B_HN);
    }
    return list;
  }

  @Override
  public void addForward(CellContext graph, CellStep step) {
    boolean bias = graph.has(Parameter.B_XN);
    graph.add(step.at("a_r"), Stage.FORWARD, "reset gate pre-activation " + Gates.describe(graph, RESET),
        Gates.preactivation(graph, step, RESET));
    graph.add(step.at("a_z"), Stage.FORWARD, "update gate pre-activation " + Gates.describe(graph, UPDATE),
        Gates.preactivation(graph, step, UPDATE));
    graph.add(step.at("r"), Stage.FORWARD, "reset gate sigmoid(a_r[t])",
        new Expression.Activate(Activation.SIGMOID, ref(step.at("a_r"))));
    graph.add(step.at("z"), Stage.FORWARD, "update gate sigmoid(a_z[t])",
        new Expression.Activate(Activation.SIGMOID, ref(step.at("a_z"))));
    List<Expression> recurrent = new ArrayList<>(List.of(new Expression.MatrixTimesVector(
        ref(step.parameter(Parameter.W_HN)), ref(step.previousHidden()), false)));
    if (bias) {
      recurrent.add(ref(step.parameter(Parameter.B_HN)));
    }
    graph.add(step.at("a_hn"), Stage.FORWARD, "the candidate's recurrent part W_hn h[t-1]" + (bias ? " + b_hn" : ""),
        new Expression.Sum(recurrent, 0));
    List<Expression> candidate = new ArrayList<>(List.of(new Expression.MatrixTimesVector(
        ref(step.parameter(Parameter.W_XN)), ref(step.input()), false)));
    if (bias) {
      candidate.add(ref(step.parameter(Parameter.B_XN)));
    }
    candidate.add(new Expression.Hadamard(ref(step.at("r")), ref(step.at("a_hn"))));
    graph.add(step.at("a_n"), Stage.FORWARD, "candidate pre-activation W_xn x[t]" + (bias ? " + b_xn" : "")
        + " + r[t] * a_hn[t]", new Expression.Sum(candidate, 0));
    graph.add(step.at("n"), Stage.FORWARD, "candidate tanh(a_n[t])",
        new Expression.Activate(Activation.TANH, ref(step.at("a_n"))));
    graph.add(step.hidden(), Stage.FORWARD, "hidden state (1 - z[t]) * n[t] + z[t] * h[t-1]",
        new Expression.Sum(List.of(
            new Expression.Hadamard(new Expression.OneMinus(ref(step.at("z"))), ref(step.at("n"))),
            new Expression.Hadamard(ref(step.at("z")), ref(step.previousHidden()))), 0));
  }

  @Override
  public Expression errorToPreviousState(CellStep step) {
    return new Expression.Sum(List.of(
        new Expression.Product(List.of(ref(step.hiddenError()), ref(step.at("z")))),
        new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_HR)), ref(step.errorAt("a_r")), true),
        new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_HZ)), ref(step.errorAt("a_z")), true),
        new Expression.MatrixTimesVector(ref(step.parameter(Parameter.W_HN)), ref(step.errorAt("a_hn")), true)), 0);
  }

  @Override
  public String describeErrorToPreviousState(String step) {
    return "dL/dh[" + step + "] * z[" + step + "] + W_hr^T dL/da_r[" + step + "] + W_hz^T dL/da_z[" + step
        + "] + W_hn^T dL/da_hn[" + step + "]";
  }

  @Override
  public void addBackward(CellContext graph, CellStep step) {
    String hiddenError = step.hiddenError();
    graph.add(step.errorAt("n"), Stage.BACKWARD, "error at the candidate dL/dh[t] * (1 - z[t])",
        new Expression.Product(List.of(ref(hiddenError), new Expression.OneMinus(ref(step.at("z"))))));
    graph.add(step.errorAt("z"), Stage.BACKWARD, "error at the update gate dL/dh[t] * (h[t-1] - n[t])",
        new Expression.Product(List.of(ref(hiddenError),
            new Expression.Difference(ref(step.previousHidden()), ref(step.at("n"))))));
    graph.add(step.errorAt("a_n"), Stage.BACKWARD, "error at the candidate's pre-activation dL/dn[t] * (1 - n[t]^2)",
        new Expression.Product(List.of(ref(step.errorAt("n")), new Expression.OneMinusSquare(ref(step.at("n"))))));
    graph.add(step.errorAt("a_hn"), Stage.BACKWARD, "error at the candidate's recurrent part dL/da_n[t] * r[t]",
        new Expression.Product(List.of(ref(step.errorAt("a_n")), ref(step.at("r")))));
    graph.add(step.errorAt("r"), Stage.BACKWARD, "error at the reset gate dL/da_n[t] * a_hn[t]",
        new Expression.Product(List.of(ref(step.errorAt("a_n")), ref(step.at("a_hn")))));
    List<Expression> reset = new ArrayList<>(List.of(ref(step.errorAt("r"))));
    reset.addAll(Gates.sigmoidDerivative(step.at("r")));
    graph.add(step.errorAt("a_r"), Stage.BACKWARD, "error at the reset gate's pre-activation dL/dr[t] * r[t] (1 - r[t])",
        new Expression.Product(reset));
    List<Expression> update = new ArrayList<>(List.of(ref(step.errorAt("z"))));
    update.addAll(Gates.sigmoidDerivative(step.at("z")));
    graph.add(step.errorAt("a_z"), Stage.BACKWARD,
        "error at the update gate's pre-activation dL/dz[t] * z[t] (1 - z[t])", new Expression.Product(update));
    Gates.addContributions(graph, step, RESET, step.errorAt("a_r"));
    Gates.addContributions(graph, step, UPDATE, step.errorAt("a_z"));
    String candidate = step.errorAt("a_n");
    String recurrent = step.errorAt("a_hn");
    graph.add(Gates.contribution(step, Parameter.W_XN), Stage.GRADIENT, "step t's contribution dL/da_n[t] x[t]^T",
        new Expression.Outer(ref(candidate), ref(step.input())));
    graph.add(Gates.contribution(step, Parameter.W_HN), Stage.GRADIENT, "step t's contribution dL/da_hn[t] h[t-1]^T",
        new Expression.Outer(ref(recurrent), ref(step.previousHidden())));
    if (graph.has(Parameter.B_XN)) {
      graph.add(Gates.contribution(step, Parameter.B_XN), Stage.GRADIENT, "step t's contribution dL/da_n[t]",
          new Expression.AsVector(ref(candidate)));
      graph.add(Gates.contribution(step, Parameter.B_HN), Stage.GRADIENT, "step t's contribution dL/da_hn[t]",
          new Expression.AsVector(ref(recurrent)));
    }
  }

  /** A step's values, read from the declared inputs: r, z, a_hn, n, h[t-1]. */
  private record Values(Tensor r, Tensor z, Tensor recurrentPart, Tensor n, Tensor previous) {

    static List<String> names(CellStep step) {
      return List.of(step.at("r"), step.at("z"), step.at("a_hn"), step.at("n"), step.previousHidden());
    }

    static Values read(Inputs in, CellStep step) {
      List<String> names = names(step);
      return new Values(vector(in, names.get(0)), vector(in, names.get(1)), vector(in, names.get(2)),
          vector(in, names.get(3)), vector(in, names.get(4)));
    }

    private static Tensor vector(Inputs in, String name) {
      return Formulas.asVector(in.tensor(name));
    }

    /** ∂h[t]/∂a_n[t] on the diagonal: (1 − z) ⊙ (1 − n²). */
    Tensor candidate() {
      return z.map(value -> 1 - value).hadamard(n.map(value -> 1 - value * value));
    }

    /** ∂h[t]/∂a_hn[t]: through r ⊙ a_hn. */
    Tensor recurrent() {
      return candidate().hadamard(r);
    }

    /** ∂h[t]/∂a_r[t]. */
    Tensor reset() {
      return candidate().hadamard(recurrentPart).hadamard(r.map(value -> value * (1 - value)));
    }

    /** ∂h[t]/∂a_z[t]. */
    Tensor update() {
      return previous.minus(n).hadamard(z.map(value -> value * (1 - value)));
    }

    /** The diagonal of ∂h[t]/∂(the pre-activation a parameter acts through). */
    Tensor through(Parameter parameter) {
      if (parameter == Parameter.W_XR || parameter == Parameter.W_HR || parameter == Parameter.B_R) {
        return reset();
      }
      if (parameter == Parameter.W_XZ || parameter == Parameter.W_HZ || parameter == Parameter.B_Z) {
        return update();
      }
      if (parameter == Parameter.W_HN || parameter == Parameter.B_HN) {
        return recurrent();
      }
      return candidate();
    }
  }

  @Override
  public void addLocalJacobian(CellContext graph, CellStep step, String name) {
    List<String> inputs = new ArrayList<>(Values.names(step));
    inputs.addAll(List.of(step.parameter(Parameter.W_HR), step.parameter(Parameter.W_HZ),
        step.parameter(Parameter.W_HN)));
    graph.add(name, Stage.SENSITIVITY, "local Jacobian diag(z[t]) + dh[t]/da_r[t] W_hr + dh[t]/da_z[t] W_hz "
        + "+ dh[t]/da_hn[t] W_hn", inputs, in -> {
          Values values = Values.read(in, step);
          return values.z().diagonal()
              .plus(values.reset().diagonal().times(in.tensor(step.parameter(Parameter.W_HR))))
              .plus(values.update().diagonal().times(in.tensor(step.parameter(Parameter.W_HZ))))
              .plus(values.recurrent().diagonal().times(in.tensor(step.parameter(Parameter.W_HN))));
        });
  }

  @Override
  public void addLocalSensitivity(CellContext graph, CellStep step, Parameter parameter, String name) {
    String source = Gates.source(step, parameter);
    List<String> inputs = new ArrayList<>(Values.names(step));
    if (source != null && !inputs.contains(source)) {
      inputs.add(source);
    }
    graph.add(name, Stage.SENSITIVITY, "local term of dh[t]/d" + parameter.canonicalName()
            + " with h[t-1] held fixed", inputs,
        in -> Gates.localSensitivity(Values.read(in, step).through(parameter).diagonal(),
            source == null ? null : Formulas.asVector(in.tensor(source))));
  }
}

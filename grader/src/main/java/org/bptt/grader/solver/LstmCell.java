package org.bptt.grader.solver;

import static org.bptt.grader.solver.Gates.ref;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.Activation;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.exercise.ModelSpec;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Shape;
import org.bptt.grader.value.Tensor;

/**
 * The LSTM cell as PyTorch defines it, gates in its order i, f, g, o:
 *
 * <pre>
 *   a_i[t] = W_xi x[t] + W_hi h[t-1] + b_i     i[t]  = σ(a_i[t])     (and likewise f, o)
 *   a_g[t] = W_xg x[t] + W_hg h[t-1] + b_g     g[t]  = tanh(a_g[t])
 *   c[t] = f[t] ⊙ c[t-1] + i[t] ⊙ g[t]         h[t]  = og[t] ⊙ tanh(c[t])
 * </pre>
 *
 * The output gate is og[t] (o[t] is the output layer's pre-activation). Backward, from dL/dh[t]:
 * dL/dog[t] = dL/dh[t] ⊙ tanh(c[t]); the total error at the cell state dL/dc[t] = dL/dh[t] ⊙ og[t] ⊙
 * (1 − tanh(c[t])²) + dL/dc[t+1] ⊙ f[t+1]; dL/di[t] = dL/dc[t] ⊙ g[t], dL/df[t] = dL/dc[t] ⊙ c[t-1],
 * dL/dg[t] = dL/dc[t] ⊙ i[t]; at the pre-activations the sigmoid's s(1 − s) and tanh's 1 − g². The
 * state passed between steps is the pair (h, c).
 */
final class LstmCell implements Cell {

  private static final Gates.Gate INPUT = new Gates.Gate(Parameter.W_XI, Parameter.W_HI, Parameter.B_I);
  private static final Gates.Gate FORGET = new Gates.Gate(Parameter.W_XF, Parameter.W_HF, Parameter.B_F);
  private static final Gates.Gate CANDIDATE = new Gates.Gate(Parameter.W_XG, Parameter.W_HG, Parameter.B_G);
  private static final Gates.Gate OUTPUT = new Gates.Gate(Parameter.W_XO, Parameter.W_HO, Parameter.B_O);
  private static final List<Gates.Gate> GATES = List.of(INPUT, FORGET, CANDIDATE, OUTPUT);
  /** Each gate's symbol and its pre-activation's, in the order of GATES. */
  private static final List<String> SYMBOLS = List.of("i", "f", "g", "og");
  private static final List<String> PREACTIVATIONS = List.of("a_i", "a_f", "a_g", "a_o");

  LstmCell(ModelSpec model) {}

  @Override
  public ModelKind kind() {
    return ModelKind.LSTM;
  }

  @Override
  public boolean pairedState() {
    return true;
  }

  @Override
  public List<Parameter> recurrentParameters(ModelSpec model) {
    List<Parameter> list = new ArrayList<>();
    for (Gates.Gate gate : GATES) {
      list.add(gate.input());
      list.add(gate.recurrent());
      if (model.hiddenBias()) {
        list.add(gate.bias());
      }
    }
    return list;
  }

  private static String previousCell(CellStep step) {
    return step.previous("c", Parameter.C0);
  }

  @Override
  public void addForward(CellContext graph, CellStep step) {
    String[] meanings = {"input gate", "forget gate", "candidate", "output gate"};
    for (int k = 0; k < GATES.size(); k++) {
      graph.add(step.at(PREACTIVATIONS.get(k)), Stage.FORWARD,
          meanings[k] + " pre-activation " + Gates.describe(graph, GATES.get(k)),
          Gates.preactivation(graph, step, GATES.get(k)));
    }
    for (int k = 0; k < GATES.size(); k++) {
      Activation activation = k == 2 ? Activation.TANH : Activation.SIGMOID;
      graph.add(step.at(SYMBOLS.get(k)), Stage.FORWARD,
          meanings[k] + " " + (k == 2 ? "tanh" : "sigmoid") + "(" + PREACTIVATIONS.get(k) + "[t])",
          new Expression.Activate(activation, ref(step.at(PREACTIVATIONS.get(k)))));
    }
    graph.add(step.at("c"), Stage.FORWARD, "cell state f[t] * c[t-1] + i[t] * g[t]", new Expression.Sum(List.of(
        new Expression.Hadamard(ref(step.at("f")), ref(previousCell(step))),
        new Expression.Hadamard(ref(step.at("i")), ref(step.at("g")))), 0));
    graph.add(step.hidden(), Stage.FORWARD, "hidden state og[t] * tanh(c[t])",
        new Expression.Hadamard(ref(step.at("og")), tanhOfCell(step)));
  }

  private static Expression tanhOfCell(CellStep step) {
    return new Expression.Activate(Activation.TANH, ref(step.at("c")));
  }

  @Override
  public Expression errorToPreviousState(CellStep step) {
    List<Expression> terms = new ArrayList<>();
    for (int k = 0; k < GATES.size(); k++) {
      terms.add(new Expression.MatrixTimesVector(ref(step.parameter(GATES.get(k).recurrent())),
          ref(step.errorAt(PREACTIVATIONS.get(k))), true));
    }
    return new Expression.Sum(terms, 0);
  }

  @Override
  public String describeErrorToPreviousState(String step) {
    List<String> terms = new ArrayList<>();
    for (int k = 0; k < GATES.size(); k++) {
      terms.add(GATES.get(k).recurrent().canonicalName() + "^T dL/d" + PREACTIVATIONS.get(k) + "[" + step + "]");
    }
    return String.join(" + ", terms);
  }

  @Override
  public void addBackward(CellContext graph, CellStep step) {
    String hiddenError = step.hiddenError();
    graph.add(step.errorAt("og"), Stage.BACKWARD, "error at the output gate dL/dh[t] * tanh(c[t])",
        new Expression.Product(List.of(ref(hiddenError), tanhOfCell(step))));
    List<Expression> cellTerms = new ArrayList<>();
    cellTerms.add(new Expression.Product(List.of(ref(hiddenError), ref(step.at("og")),
        new Expression.OneMinusSquare(tanhOfCell(step)))));
    if (step.hasNext()) {
      CellStep next = step.at(step.step() + 1);
      cellTerms.add(new Expression.Product(List.of(ref(next.errorAt("c")), ref(next.at("f")))));
    }
    graph.add(step.errorAt("c"), Stage.BACKWARD, step.hasNext()
            ? "total error at the cell state: from h[t], dL/dh[t] * og[t] * (1 - tanh(c[t])^2), plus from c[t+1] "
                + "through the next forget gate, dL/dc[t+1] * f[t+1]"
            : "error at the cell state from h[t], dL/dh[t] * og[t] * (1 - tanh(c[t])^2) (no step after it)",
        new Expression.Sum(cellTerms, 0));
    String cellError = step.errorAt("c");
    graph.add(step.errorAt("i"), Stage.BACKWARD, "error at the input gate dL/dc[t] * g[t]",
        new Expression.Product(List.of(ref(cellError), ref(step.at("g")))));
    graph.add(step.errorAt("f"), Stage.BACKWARD, "error at the forget gate dL/dc[t] * c[t-1]",
        new Expression.Product(List.of(ref(cellError), ref(previousCell(step)))));
    graph.add(step.errorAt("g"), Stage.BACKWARD, "error at the candidate dL/dc[t] * i[t]",
        new Expression.Product(List.of(ref(cellError), ref(step.at("i")))));
    for (int k = 0; k < GATES.size(); k++) {
      String gate = step.at(SYMBOLS.get(k));
      List<Expression> factors = new ArrayList<>(List.of(ref(step.errorAt(SYMBOLS.get(k)))));
      String derivative;
      if (k == 2) {
        factors.add(new Expression.OneMinusSquare(ref(gate)));
        derivative = "(1 - g[t]^2)";
      } else {
        factors.addAll(Gates.sigmoidDerivative(gate));
        derivative = SYMBOLS.get(k) + "[t] (1 - " + SYMBOLS.get(k) + "[t])";
      }
      graph.add(step.errorAt(PREACTIVATIONS.get(k)), Stage.BACKWARD, "error at the pre-activation dL/d"
          + SYMBOLS.get(k) + "[t] * " + derivative, new Expression.Product(factors));
    }
    for (int k = 0; k < GATES.size(); k++) {
      Gates.addContributions(graph, step, GATES.get(k), step.errorAt(PREACTIVATIONS.get(k)));
    }
  }

  @Override
  public void addInitialStateErrors(CellContext graph, CellStep first) {
    graph.add(first.prefix() + Names.gradient(Parameter.C0.canonicalName()), Stage.BACKWARD,
        "error reaching the initial cell state dL/dc[1] * f[1]",
        new Expression.Product(List.of(ref(first.errorAt("c")), ref(first.at("f")))));
  }

  /** The gate values of a step, read from the declared inputs: i, f, g, og, c, c[t-1]. */
  private record Values(Tensor i, Tensor f, Tensor g, Tensor o, Tensor c, Tensor previousCell) {

    static List<String> names(CellStep step) {
      return List.of(step.at("i"), step.at("f"), step.at("g"), step.at("og"), step.at("c"), step.previous("c", Parameter.C0));
    }

    static Values read(Inputs in, CellStep step) {
      List<String> names = names(step);
      return new Values(vector(in, names.get(0)), vector(in, names.get(1)), vector(in, names.get(2)),
          vector(in, names.get(3)), vector(in, names.get(4)), vector(in, names.get(5)));
    }

    private static Tensor vector(Inputs in, String name) {
      return Formulas.asVector(in.tensor(name));
    }

    /** og ⊙ (1 − tanh(c)²): how c[t] moves h[t]. */
    Tensor cellToHidden() {
      return o.hadamard(c.map(value -> 1 - Math.tanh(value) * Math.tanh(value)));
    }

    /** ∂c[t]/∂a for gate k (i, f, g): the diagonal of the derivative. */
    Tensor cellDerivative(int k) {
      return switch (k) {
        case 0 -> g.hadamard(i.map(value -> value * (1 - value)));
        case 1 -> previousCell.hadamard(f.map(value -> value * (1 - value)));
        default -> i.hadamard(g.map(value -> 1 - value * value));
      };
    }

    /** ∂(h[t], c[t])/∂a for gate k, a 2H x H matrix: h's rows first. */
    Tensor stateDerivative(int k) {
      if (k == 3) {
        Tensor top = c.map(Math::tanh).hadamard(o.map(value -> value * (1 - value)));
        return Gates.stacked(top, Tensor.zeros(Shape.vector(top.size())));
      }
      Tensor dc = cellDerivative(k);
      return Gates.stacked(cellToHidden().hadamard(dc), dc);
    }
  }

  @Override
  public void addLocalJacobian(CellContext graph, CellStep step, String name) {
    List<String> inputs = new ArrayList<>(Values.names(step));
    for (Gates.Gate gate : GATES) {
      inputs.add(step.parameter(gate.recurrent()));
    }
    graph.add(name, Stage.SENSITIVITY, "local Jacobian d(h,c)[t]/d(h,c)[t-1]: h[t-1]'s columns sum over the gates "
        + "d(h,c)[t]/da[t] W_h, c[t-1]'s are (og[t] * (1 - tanh(c[t])^2) * f[t], f[t]) on the diagonal", inputs, in -> {
          Values values = Values.read(in, step);
          int size = values.c().size();
          double[] jacobian = new double[4 * size * size];
          for (int k = 0; k < GATES.size(); k++) {
            Tensor throughGate = values.stateDerivative(k).times(in.tensor(step.parameter(GATES.get(k).recurrent())));
            for (int r = 0; r < 2 * size; r++) {
              for (int j = 0; j < size; j++) {
                jacobian[r * 2 * size + j] += throughGate.get(r, j);
              }
            }
          }
          Tensor hiddenFromCell = values.cellToHidden().hadamard(values.f());
          for (int i = 0; i < size; i++) {
            jacobian[i * 2 * size + size + i] = hiddenFromCell.at(i);
            jacobian[(size + i) * 2 * size + size + i] = values.f().at(i);
          }
          return Tensor.of(Shape.matrix(2 * size, 2 * size), jacobian);
        });
  }

  @Override
  public void addLocalSensitivity(CellContext graph, CellStep step, Parameter parameter, String name) {
    int gate = -1;
    for (int k = 0; k < GATES.size(); k++) {
      Gates.Gate candidate = GATES.get(k);
      if (candidate.input() == parameter || candidate.recurrent() == parameter || candidate.bias() == parameter) {
        gate = k;
      }
    }
    int k = gate;
    String source = Gates.source(step, parameter);
    List<String> inputs = new ArrayList<>(Values.names(step));
    if (source != null) {
      inputs.add(source);
    }
    graph.add(name, Stage.SENSITIVITY, "local term of d(h,c)[t]/d" + parameter.canonicalName()
            + " with h[t-1] and c[t-1] held fixed", inputs,
        in -> Gates.localSensitivity(Values.read(in, step).stateDerivative(k),
            source == null ? null : Formulas.asVector(in.tensor(source))));
  }
}

package org.bptt.grader.solver;

import static org.bptt.grader.solver.Names.at;

import java.util.List;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Tensor;

/**
 * Gradients computed forward in time, as seed 002 does: the sensitivity dh[t]/dθ = (local term
 * with h[t-1] held fixed) + dh[t]/dh[t-1] dh[t-1]/dθ, then each step's loss gradient dL[t]/dθ.
 * A weight matrix θ is flattened row-major, so dh[t]/dW_xh is an H x (H*I) matrix.
 */
final class SensitivityBuilder {

  private final RecurrentGraphBuilder base;

  SensitivityBuilder(RecurrentGraphBuilder base) {
    this.base = base;
  }

  void addAll() {
    for (int s = 0; s < base.exercise.sequences().size(); s++) {
      addSequence(s);
    }
  }

  private void addSequence(int s) {
    String p = base.prefix(s);
    for (int t = 1; t <= base.sequence(s).length(); t++) {
      CellStep step = base.step(s, t);
      String localJacobian = p + jacobian(t, t - 1);
      base.cell.addLocalJacobian(base, step, localJacobian);
      for (Parameter parameter : base.hiddenParameters()) {
        addSensitivity(step, parameter, localJacobian);
      }
      if (base.hasLossAt(s, t)) {
        for (Parameter parameter : base.trainedParameters()) {
          addStepLossGradient(p, t, parameter, s);
        }
      }
    }
  }

  /** dh[t]/dh[k], or d(h,c)[t]/d(h,c)[k] for a cell whose state is a pair. */
  private String jacobian(int t, int k) {
    return base.cell.pairedState() ? Names.stateJacobian(t, k) : Names.jacobian(t, k);
  }

  /** dh[t]/dθ, or d(h,c)[t]/dθ for a cell whose state is a pair. */
  private String sensitivity(int t, String symbol) {
    return base.cell.pairedState() ? Names.stateSensitivity(t, symbol) : Names.sensitivity(t, symbol);
  }

  private void addSensitivity(CellStep step, Parameter parameter, String localJacobian) {
    String p = step.prefix();
    int t = step.step();
    String symbol = parameter.canonicalName();
    String local = p + Names.LOCAL + sensitivity(t, symbol);
    base.cell.addLocalSensitivity(base, step, parameter, local);
    String total = p + sensitivity(t, symbol);
    String state = base.cell.pairedState() ? "d(h,c)" : "dh";
    if (t == 1) {
      // The initial state is given, so it does not depend on θ: the sensitivity is the local term alone.
      base.add(total, Stage.SENSITIVITY, state + "[1]/d" + symbol + " (the initial state does not depend on it)",
          RecurrentGraphBuilder.inputs(local), in -> in.tensor(local));
      return;
    }
    String previous = p + sensitivity(t - 1, symbol);
    base.add(total, Stage.SENSITIVITY, "local term + " + state + "[t]/" + state + "[t-1] " + state + "[t-1]/d" + symbol,
        RecurrentGraphBuilder.inputs(local, localJacobian, previous),
        in -> in.tensor(local).plus(in.tensor(localJacobian).times(in.tensor(previous))));
  }

  /**
   * dL[t]/dθ, the gradient of step t's own loss. Its main derivation starts from y[t] and the
   * target; a second starts from the output error dL/do[t] (undoing the loss's mean weight), as a
   * document that computes dL_t/dy_t first and multiplies through does (seed 002).
   */
  private void addStepLossGradient(String p, int t, Parameter parameter, int s) {
    String symbol = parameter.canonicalName();
    String prediction = p + at("y", t);
    String target = p + at("target", t);
    String hidden = p + at("h", t);
    String name = p + Names.stepLossGradient(t, symbol);
    boolean softmax = base.model.output() == OutputFunction.SOFTMAX;
    boolean outputLayer = base.model.output().hasOutputLayer();
    String outputErrorName = p + Names.gradientAt(outputLayer ? "o" : "y", t);
    double weight = base.lossWeight(s);
    Tensor zero = Tensor.zeros(base.exercise.parameter(parameter).shape());
    String meaning;
    Derivation fromPrediction;
    Derivation fromOutputError;
    switch (parameter.role()) {
      case OUTPUT_WEIGHTS -> {
        meaning = "gradient of L[t]: dL[t]/do[t] h[t]^T";
        fromPrediction = new Derivation(meaning, RecurrentGraphBuilder.inputs(prediction, target, hidden),
            in -> outputError(softmax, in, prediction, target).outer(in.tensor(hidden)));
        fromOutputError = new Derivation("from the output error", List.of(outputErrorName, hidden),
            in -> Formulas.asVector(in.tensor(outputErrorName)).scale(1 / weight).outer(in.tensor(hidden)));
      }
      case OUTPUT_BIAS -> {
        meaning = "gradient of L[t]: dL[t]/do[t]";
        fromPrediction = new Derivation(meaning, RecurrentGraphBuilder.inputs(prediction, target),
            in -> outputError(softmax, in, prediction, target));
        fromOutputError = new Derivation("from the output error", List.of(outputErrorName),
            in -> Formulas.asVector(in.tensor(outputErrorName)).scale(1 / weight));
      }
      default -> {
        String sensitivity = p + sensitivity(t, symbol);
        String outputWeights = outputLayer ? Parameter.W_HY.canonicalName() : null;
        meaning = base.cell.pairedState()
            ? "gradient of L[t]: (dL[t]/dh[t], 0)^T d(h,c)[t]/d" + symbol
            : "gradient of L[t]: (dL[t]/dh[t])^T dh[t]/d" + symbol;
        fromPrediction = new Derivation(meaning,
            RecurrentGraphBuilder.inputs(prediction, target, outputWeights, sensitivity),
            in -> {
              Tensor error = outputLayer
                  ? in.tensor(outputWeights).transpose().times(outputError(softmax, in, prediction, target))
                  : Formulas.squaredErrorGradient(base.loss, in.tensor(prediction), in.tensor(target));
              return in.tensor(sensitivity).transpose().times(padded(error, in.tensor(sensitivity)))
                  .reshape(zero.shape());
            });
        fromOutputError = new Derivation("from the output error",
            RecurrentGraphBuilder.inputs(outputWeights, outputErrorName, sensitivity),
            in -> {
              Tensor error = Formulas.asVector(in.tensor(outputErrorName)).scale(1 / weight);
              Tensor atHidden = outputLayer ? in.tensor(outputWeights).transpose().times(error) : error;
              return in.tensor(sensitivity).transpose().times(padded(atHidden, in.tensor(sensitivity)))
                  .reshape(zero.shape());
            });
      }
    }
    base.graph.add(new Quantity(name, Stage.SENSITIVITY, meaning, List.of(fromPrediction, fromOutputError)));
  }

  /** The error at h[t] as an error at the state: (e, 0) when the state is the pair (h, c), h first. */
  private static Tensor padded(Tensor error, Tensor sensitivity) {
    int rows = sensitivity.shape().rows();
    if (rows == error.size()) {
      return error;
    }
    double[] values = new double[rows];
    System.arraycopy(Formulas.asVector(error).toArray(), 0, values, 0, error.size());
    return Tensor.vector(values);
  }

  private Tensor outputError(boolean softmax, Inputs in, String prediction, String target) {
    return Formulas.outputError(base.loss, softmax, in.tensor(prediction), in.tensor(target));
  }

  /** The alternative, forward-in-time derivation of a sequence's gradient: sum of weight * dL[t]/dθ. */
  Derivation forwardDerivation(int s, Parameter parameter) {
    String p = base.prefix(s);
    List<String> names = new java.util.ArrayList<>();
    for (int t : base.lossSteps(s)) {
      names.add(p + Names.stepLossGradient(t, parameter.canonicalName()));
    }
    double weight = base.lossWeight(s);
    Expression total = new Expression.Total(names.stream().<Expression>map(RecurrentGraphBuilder::ref).toList(),
        base.exercise.parameter(parameter).shape());
    return new Derivation("sum over t of the per-step losses' gradients dL[t]/d" + parameter.canonicalName(),
        total.references(), in -> total.evaluate(in::value).scale(weight));
  }
}

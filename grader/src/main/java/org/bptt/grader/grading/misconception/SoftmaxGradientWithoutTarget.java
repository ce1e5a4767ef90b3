package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.exercise.OutputFunction;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Formulas;
import org.bptt.grader.solver.QuantityId.Role;

/** The softmax output alone where y[t] − target belongs. */
final class SoftmaxGradientWithoutTarget extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "softmax-gradient-without-target", "target not subtracted",
      "This matches the softmax output alone: for softmax with cross-entropy the output error is y[t] - target, "
          + "so subtract the one-hot target.");

  SoftmaxGradientWithoutTarget() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    Role role = quantity.id().role();
    if (!quantity.plain() || (role != Role.OUTPUT_ERROR && role != Role.PREDICTION_ERROR)
        || quantity.exercise().model().output() != OutputFunction.SOFTMAX) {
      return List.of();
    }
    String prediction = quantity.at("y", quantity.id().step());
    double weight = quantity.lossWeight();
    return quantity.variant(MISCONCEPTION.title(), List.of(prediction),
        values -> Formulas.asVector(values.tensor(prediction)).scale(weight));
  }
}

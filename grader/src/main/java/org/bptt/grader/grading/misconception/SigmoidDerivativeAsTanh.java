package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** A gate's σ'(a) taken as 1 − σ², tanh's derivative, where σ (1 − σ) belongs. */
final class SigmoidDerivativeAsTanh extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "sigmoid-derivative-as-tanh", "sigmoid' taken as 1 - s^2",
      "This matches 1 - s^2 for the gate's derivative, which is tanh's: a sigmoid gate s = sigmoid(a) has "
          + "derivative s (1 - s), so the error at its pre-activation is the error at the gate times s (1 - s).");

  SigmoidDerivativeAsTanh() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.isCellError(null)) {
      return List.of();
    }
    return quantity.rewrittenExpression(MISCONCEPTION.title(), ExpressionRewrites::sigmoidDerivativeAsTanh);
  }
}

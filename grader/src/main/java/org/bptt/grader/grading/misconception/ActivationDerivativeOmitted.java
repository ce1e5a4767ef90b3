package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** dL/dh[t] ⊙ f'(a[t]) written as dL/dh[t]: wherever a formula multiplies by the activation's derivative. */
final class ActivationDerivativeOmitted extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "activation-derivative-omitted", "f'(a[t]) left out",
      "This matches dL/dh[t] itself: the error at the pre-activation needs the activation's derivative, "
          + "dL/da[t] = dL/dh[t] * f'(a[t]).");

  ActivationDerivativeOmitted() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    return quantity.rewrittenExpression(MISCONCEPTION.title(), ExpressionRewrites::derivativeOmitted);
  }
}

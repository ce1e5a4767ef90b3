package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** tanh' taken as 1 − a[t]² wherever the formula has tanh's derivative (dL/da[t], dh[t]/dh[t-1]). */
final class TanhDerivativeFromPreactivation extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "tanh-derivative-from-preactivation", "tanh' evaluated at the pre-activation",
      "This matches 1 - a[t]^2: the derivative of tanh is 1 - tanh(a)^2 = 1 - h[t]^2, so square the hidden "
          + "state h[t], not the pre-activation a[t].");

  TanhDerivativeFromPreactivation() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    return quantity.rewrittenExpression(MISCONCEPTION.title(), ExpressionRewrites::derivativeFromPreactivation);
  }
}

package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId.Role;

/** The error from t+1 added to dL/da[t] after multiplying by f'(a[t]) instead of before. */
final class DerivativeOutsideRecursion extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "derivative-outside-recursion", "error from t+1 added after f'(a[t])",
      "This matches multiplying only the output's error by f'(a[t]) and adding W_hh^T dL/da[t+1] afterwards: "
          + "add the error from t+1 to dL/dh[t] first, then multiply the total by f'(a[t]).");

  DerivativeOutsideRecursion() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || quantity.id().role() != Role.PREACTIVATION_ERROR) {
      return List.of();
    }
    int t = quantity.id().step();
    return quantity.expression().map(expression -> quantity.rewritten(MISCONCEPTION.title(),
        ExpressionRewrites.termAddedOutsideProduct(
            ExpressionRewrites.inline(expression, quantity.errorAt("h", t), quantity.graph()),
            quantity.errorAt("a", t + 1)))).orElse(List.of());
  }
}

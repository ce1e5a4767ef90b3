package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityId.Role;

/** The error from t+1 left out of dL/dh[t], and so of dL/da[t]. */
final class MissingFutureError extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "missing-future-error", "error from t+1 left out",
      "This matches the error from step t's own output alone: h[t] also feeds h[t+1], so dL/dh[t] must add "
          + "W_hh^T dL/da[t+1], the error coming back from the next step.");

  MissingFutureError() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    Role role = quantity.id().role();
    if (!quantity.plain() || (role != Role.HIDDEN_ERROR && role != Role.PREACTIVATION_ERROR)) {
      return List.of();
    }
    int t = quantity.id().step();
    String next = quantity.errorAt("a", t + 1);
    return quantity.expression().map(expression -> {
      Expression written = role == Role.HIDDEN_ERROR ? expression
          : ExpressionRewrites.inline(expression, quantity.errorAt("h", t), quantity.graph());
      return quantity.rewritten(MISCONCEPTION.title(), ExpressionRewrites.dropTermsReading(written, next));
    }).orElse(List.of());
  }
}

package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** The LSTM's dL/dc[t] without dL/dc[t+1] ⊙ f[t+1]: the error along the cell state through the next forget gate forgotten. */
final class CellStateErrorWithoutForgetPath extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "cell-state-error-without-forget-path", "error from c[t+1] left out of dL/dc[t]",
      "This matches the error at the cell state from h[t] alone: c[t] also feeds c[t+1] = f[t+1] * c[t] + ..., "
          + "so dL/dc[t] must add dL/dc[t+1] * f[t+1], the error coming back through the next forget gate.");

  CellStateErrorWithoutForgetPath() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || !quantity.isCellError("c")) {
      return List.of();
    }
    String next = quantity.errorAt("c", quantity.id().step() + 1);
    return quantity.rewrittenExpression(MISCONCEPTION.title(),
        expression -> ExpressionRewrites.dropTermsReading(expression, next));
  }
}

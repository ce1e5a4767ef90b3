package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.Expression;
import org.bptt.grader.solver.QuantityId.Role;

/** The GRU's candidate with the reset gate applied to h[t-1] before W_hn (the original paper's variant). */
final class ResetBeforeRecurrentWeights extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "reset-before-recurrent-weights", "reset gate applied to h[t-1] before W_hn",
      "This matches W_hn (r[t] * h[t-1]) + b_hn, the original GRU paper's candidate: as PyTorch defines it the reset "
          + "gate multiplies after the weights, a_n[t] = W_xn x[t] + b_xn + r[t] * (W_hn h[t-1] + b_hn).");

  ResetBeforeRecurrentWeights() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || quantity.exercise().model().kind() != ModelKind.GRU || quantity.id().role() != Role.CELL
        || !("a_n".equals(quantity.id().parameter()) || "n".equals(quantity.id().parameter()))) {
      return List.of();
    }
    int t = quantity.id().step();
    return quantity.expression().map(expression -> {
      Expression written = expression;
      if ("n".equals(quantity.id().parameter())) {
        written = ExpressionRewrites.inline(written, quantity.at("a_n", t), quantity.graph());
      }
      written = ExpressionRewrites.inline(written, quantity.at("a_hn", t), quantity.graph());
      return quantity.rewritten(MISCONCEPTION.title(), ExpressionRewrites.resetBeforeWeights(written, "W_hn"));
    }).orElse(List.of());
  }
}

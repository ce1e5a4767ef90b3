package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.exercise.ModelKind;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId.Role;

/** The GRU's z[t] and 1 − z[t] exchanged: h[t] = z n + (1 − z) h[t-1], and the errors that follow from it. */
final class UpdateGateSwapped extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "update-gate-swapped", "z[t] and 1 - z[t] exchanged",
      "This matches h[t] = z[t] * n[t] + (1 - z[t]) * h[t-1], the update gate's two weights exchanged: as PyTorch "
          + "defines the GRU, h[t] = (1 - z[t]) * n[t] + z[t] * h[t-1], so z[t] keeps the previous state.");

  UpdateGateSwapped() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    if (!quantity.plain() || quantity.exercise().model().kind() != ModelKind.GRU) {
      return List.of();
    }
    Role role = quantity.id().role();
    List<Derivation> variants = new ArrayList<>();
    if (role == Role.HIDDEN || role == Role.HIDDEN_ERROR || quantity.isCellError("n")) {
      variants.addAll(quantity.rewrittenExpression(MISCONCEPTION.title(), ExpressionRewrites::swapUpdateGate));
    }
    if (quantity.isCellError("z")) {
      variants.addAll(quantity.rewrittenExpression(MISCONCEPTION.title(), ExpressionRewrites::swapDifferences));
    }
    return variants;
  }
}

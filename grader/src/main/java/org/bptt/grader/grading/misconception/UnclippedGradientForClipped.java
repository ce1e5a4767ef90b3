package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId;

/** The gradient before clipping where the clipped one is asked. */
final class UnclippedGradientForClipped extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "unclipped-gradient-for-clipped", "clipping not applied",
      "This matches the gradient before clipping: when the clipping rule applies (the joint norm above the "
          + "threshold, or an entry beyond it), the clipped gradient is scaled or clamped.");

  UnclippedGradientForClipped() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    QuantityId id = quantity.id();
    if (id.scope() != QuantityId.Scope.CLIPPED || id.role() != QuantityId.Role.GRADIENT) {
      return List.of();
    }
    // clipping starts from the truncated gradient when truncation is on, else from the full one
    String truncated = id.inScope(QuantityId.Scope.TRUNCATED).toString();
    String source = quantity.graph().contains(truncated) ? truncated : id.inScope(QuantityId.Scope.PLAIN).toString();
    return quantity.variant(MISCONCEPTION.title(), List.of(source), values -> values.tensor(source));
  }
}

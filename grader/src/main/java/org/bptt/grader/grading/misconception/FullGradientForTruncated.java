package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId;

/** The full BPTT gradient where the one truncated to the last k steps is asked. */
final class FullGradientForTruncated extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "full-gradient-for-truncated", "every step summed where only the last k count",
      "This matches the full gradient, summed over every step: truncated BPTT sums only the contributions of "
          + "the last k steps of each sequence.");

  FullGradientForTruncated() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    QuantityId id = quantity.id();
    if (id.scope() != QuantityId.Scope.TRUNCATED || id.role() != QuantityId.Role.GRADIENT) {
      return List.of();
    }
    String full = id.inScope(QuantityId.Scope.PLAIN).toString();
    return quantity.variant(MISCONCEPTION.title(), List.of(full), values -> values.tensor(full));
  }
}

package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId;

/** target − y for y − target: the opposite sign, in every derivative of the loss. */
final class SignFlipped extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "sign-flipped", "sign flipped",
      "This matches the right value with the opposite sign: the loss gradient at the output is y - target "
          + "(prediction minus target), not target - y.");

  SignFlipped() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    QuantityId.Scope scope = quantity.id().scope();
    boolean applies = scope != QuantityId.Scope.UPDATED && scope != QuantityId.Scope.LOCAL && switch (quantity.id().role()) {
      case OUTPUT_ERROR, PREDICTION_ERROR, HIDDEN_ERROR, PREACTIVATION_ERROR, GRADIENT, CONTRIBUTION,
          STEP_LOSS_GRADIENT -> true;
      default -> false;
    };
    return applies ? List.of(quantity.scaled(MISCONCEPTION.title(), -1)) : List.of();
  }
}

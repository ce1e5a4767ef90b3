package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId.Role;

/** The squared error's factor 2 or 1/2 dropped or doubled: in the output error and each step's loss. */
final class SquaredErrorFactor extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "squared-error-factor", "factor 2 or 1/2 of the squared error",
      "This is off by a factor of 2: with L = 1/2 (y - target)^2 the derivative is (y - target), with "
          + "L = (y - target)^2 it is 2 (y - target). Check which scale the exercise's loss uses.");

  SquaredErrorFactor() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    Role role = quantity.id().role();
    boolean applies = role == Role.OUTPUT_ERROR || role == Role.PREDICTION_ERROR || role == Role.STEP_LOSS;
    if (!quantity.plain() || !applies || !quantity.squaredError()) {
      return List.of();
    }
    return List.of(quantity.scaled(MISCONCEPTION.title(), 2), quantity.scaled(MISCONCEPTION.title(), 0.5));
  }
}

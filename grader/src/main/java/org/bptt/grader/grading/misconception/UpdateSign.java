package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** θ + η g: a step up the gradient. */
final class UpdateSign extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "update-sign", "moved up the gradient",
      "This matches θ + η g: gradient descent steps against the gradient, θ - η dL/dθ.");

  UpdateSign() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    return MisconceptionLibrary.updateWithRate(quantity, MISCONCEPTION, -quantity.exercise().training().learningRate());
  }
}

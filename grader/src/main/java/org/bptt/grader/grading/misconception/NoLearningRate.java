package org.bptt.grader.grading.misconception;

import java.util.List;
import org.bptt.grader.solver.Derivation;

/** θ − g: the learning rate left out. */
final class NoLearningRate extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "no-learning-rate", "learning rate left out",
      "This matches θ - g: the step is the gradient scaled by the learning rate, θ - η dL/dθ.");

  NoLearningRate() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    return MisconceptionLibrary.updateWithRate(quantity, MISCONCEPTION, 1);
  }
}

package org.bptt.grader.grading.misconception;

import java.util.ArrayList;
import java.util.List;
import org.bptt.grader.solver.Derivation;
import org.bptt.grader.solver.QuantityId.Role;

/** A mean taken for a sum, or a sum for a mean: in the output error, the summed gradients and the losses. */
final class MeanVersusSum extends MisconceptionRule {

  static final Misconception MISCONCEPTION = new Misconception(
      "mean-vs-sum", "mean and sum confused",
      "This is off by the number of terms averaged: the exercise's loss is a sum where you took a mean, or a "
          + "mean where you took a sum (over time steps or over sequences); the 1/n carries into every gradient.");

  MeanVersusSum() {
    super(MISCONCEPTION);
  }

  @Override
  public List<Derivation> variants(VariantContext quantity) {
    Role role = quantity.id().role();
    if (!quantity.plain()) {
      return List.of();
    }
    List<Double> factors;
    if (role == Role.OUTPUT_ERROR || role == Role.PREDICTION_ERROR) {
      factors = quantity.meanSumFactors(true);
    } else if (role == Role.GRADIENT && MisconceptionLibrary.GRADIENT_SUMS.contains(quantity.id().parameter())) {
      factors = quantity.meanSumFactors(true);
    } else if (role == Role.LOSS) {
      factors = quantity.meanSumFactors(quantity.id().sequence() == 0);
    } else {
      return List.of();
    }
    List<Derivation> variants = new ArrayList<>();
    for (double factor : factors) {
      variants.add(quantity.scaled(MISCONCEPTION.title(), factor));
    }
    return variants;
  }
}

package org.bptt.grader.exercise;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Plain gradient descent on the whole batch: every epoch is one update with the gradient of the
 * total loss. The optional variants change the gradient used for the update: truncation to the
 * last k steps first, then clipping.
 */
public record TrainingSpec(
    double learningRate,
    int epochs,
    List<Integer> reportLossAfter,
    Optional<Clipping> clipping,
    OptionalInt truncationSteps) {

  public TrainingSpec {
    reportLossAfter = List.copyOf(reportLossAfter);
    if (!Double.isFinite(learningRate) || learningRate <= 0) {
      throw new IllegalArgumentException("training: learning rate must be a positive number, got " + learningRate);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("training: epochs must be at least 1, got " + epochs);
    }
    for (int after : reportLossAfter) {
      if (after < 1 || after > epochs) {
        throw new IllegalArgumentException(
            "training: loss reported after " + after + " updates, expected 1 to epochs (" + epochs + ")");
      }
    }
    if (truncationSteps.isPresent() && truncationSteps.getAsInt() < 1) {
      throw new IllegalArgumentException("training: truncation must keep at least 1 step, got " + truncationSteps.getAsInt());
    }
  }
}

package org.bptt.grader.exercise;

import java.util.List;
import org.bptt.grader.value.Tensor;

/**
 * One training sequence: an input vector per step and a target per loss step (one per step, or
 * only the last step's when the loss is many-to-one). Text data arrives here already one-hot encoded.
 */
public record SequenceData(List<Tensor> inputs, List<Tensor> targets) {

  public SequenceData {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("sequence: expected at least one input step, got 0");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("sequence: expected at least one target, got 0");
    }
  }

  public int length() {
    return inputs.size();
  }
}

package org.bptt.grader.exercise;

/** The loss: its kind, the scale of squared error, how it is reduced, and at which steps it is taken. */
public record LossSpec(Kind kind, double scale, Reduction timeReduction, Reduction sequenceReduction, Steps steps) {

  /** Squared error scale * sum_k (y_k - target_k)^2, or cross-entropy -sum_k target_k ln y_k. */
  public enum Kind {
    SQUARED_ERROR,
    CROSS_ENTROPY
  }

  /** How per-step (or per-sequence) losses are combined. */
  public enum Reduction {
    SUM,
    MEAN
  }

  /** Every step has a target (many-to-many), or only the last one (many-to-one). */
  public enum Steps {
    ALL,
    LAST
  }

  public LossSpec {
    if (kind == null || timeReduction == null || sequenceReduction == null || steps == null) {
      throw new IllegalArgumentException("loss: kind, reductions and steps are required");
    }
    if (kind == Kind.SQUARED_ERROR && scale != 0.5 && scale != 1.0) {
      throw new IllegalArgumentException("loss: squared error scale must be 0.5 or 1, got " + scale);
    }
  }
}

package org.bptt.grader.exercise;

/** Gradient clipping applied before the update. */
public record Clipping(Mode mode, double threshold) {

  /**
   * BY_NORM rescales all parameter gradients together when their joint Euclidean norm exceeds the
   * threshold (as torch.nn.utils.clip_grad_norm_ does); BY_VALUE clamps every entry to
   * [-threshold, threshold].
   */
  public enum Mode {
    BY_NORM,
    BY_VALUE
  }

  public Clipping {
    if (mode == null) {
      throw new IllegalArgumentException("clipping: mode is required");
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("clipping: threshold must be a positive number, got " + threshold);
    }
  }
}

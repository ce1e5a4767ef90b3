package org.bptt.grader.grading;

import java.util.List;

/**
 * How an exercise is graded: the default tolerance, per-quantity overrides (patterns as in the
 * exercise's ask list, first match wins), and the credit an answer carried forward earns.
 */
public record GradingSpec(Tolerance defaultTolerance, List<Override> overrides, double carriedForwardCredit) {

  /** A tolerance for the quantities a pattern names. */
  public record Override(String pattern, Tolerance tolerance) {}

  /**
   * The decimals the student wrote, at least four (what seeds 000 and 001 work to): a correctly
   * rounded value is accepted at the precision it claims, and a slip in any written digit is not.
   */
  public static final Tolerance DEFAULT_TOLERANCE = new Tolerance.AsWritten(4);

  public GradingSpec {
    overrides = List.copyOf(overrides);
    if (!(carriedForwardCredit >= 0 && carriedForwardCredit <= 1)) {
      throw new IllegalArgumentException("grading: carried-forward credit must be 0 to 1, got " + carriedForwardCredit);
    }
  }

  public static GradingSpec defaults() {
    return new GradingSpec(DEFAULT_TOLERANCE, List.of(), 1.0);
  }

  public GradingSpec withCarriedForwardCredit(double credit) {
    return new GradingSpec(defaultTolerance, overrides, credit);
  }
}

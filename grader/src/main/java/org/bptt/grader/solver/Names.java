package org.bptt.grader.solver;

/**
 * Canonical quantity names, the contract between the solver, submissions and reports. Time steps
 * count from 1; h[0] is the initial state h0. Per-sequence names of a batch carry "s1.", "s2.".
 */
public final class Names {

  private Names() {}

  public static final String TOTAL_LOSS = "L";
  public static final String GRADIENT_NORM = "gradient_norm";
  public static final String UPDATED = "updated.";
  public static final String TRUNCATED = "truncated.";
  public static final String CLIPPED = "clipped.";
  public static final String LOCAL = "local.";

  /** "h[3]". */
  public static String at(String symbol, int step) {
    return symbol + "[" + step + "]";
  }

  /** "dL/dW_hh": the gradient of the total loss. */
  public static String gradient(String of) {
    return "dL/d" + of;
  }

  /** "dL/dW_hh[2]": step 2's contribution to the gradient. */
  public static String gradientAt(String of, int step) {
    return "dL/d" + of + "[" + step + "]";
  }

  /** "dL[2]/dW_hh": the gradient of the per-step loss L[2]. */
  public static String stepLossGradient(int step, String of) {
    return "dL[" + step + "]/d" + of;
  }

  /** "dh[3]/dW_hh": the sensitivity of h[3] to a parameter. */
  public static String sensitivity(int step, String of) {
    return "dh[" + step + "]/d" + of;
  }

  /** "dh[3]/dh[1]". */
  public static String jacobian(int step, int earlier) {
    return "dh[" + step + "]/dh[" + earlier + "]";
  }

  /** "d(h,c)[3]/d(h,c)[1]": the Jacobian of the LSTM's state pair. */
  public static String stateJacobian(int step, int earlier) {
    return "d" + QuantityId.STATE_PAIR + "[" + step + "]/d" + QuantityId.STATE_PAIR + "[" + earlier + "]";
  }

  /** "d(h,c)[3]/dW_hf": the sensitivity of the LSTM's state pair to a parameter. */
  public static String stateSensitivity(int step, String of) {
    return "d" + QuantityId.STATE_PAIR + "[" + step + "]/d" + of;
  }

  /** "L_after[100]": the total loss after 100 updates. */
  public static String lossAfter(int updates) {
    return "L_after[" + updates + "]";
  }

  /** "s2." for the second sequence of a batch; "" when there is one sequence. */
  public static String sequencePrefix(int sequenceIndex, boolean batch) {
    return batch ? "s" + (sequenceIndex + 1) + "." : "";
  }
}

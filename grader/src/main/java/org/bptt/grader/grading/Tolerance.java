package org.bptt.grader.grading;


/**
 * When a submitted number counts as the reference value. Hand work rounds, so every mode accepts a
 * value correctly rounded at its precision; a tiny factor absorbs binary floating-point noise at
 * exact rounding ties.
 */
public sealed interface Tolerance {

  double FUZZ = 1 + 1e-9;

  boolean accepts(double submitted, double reference);

  /** As {@link #accepts(double, double)}, knowing how many decimals the student wrote (-1: unknown). */
  default boolean accepts(double submitted, int writtenDecimals, double reference) {
    return accepts(submitted, reference);
  }

  /** How far from {@code reference} a value may be when nothing else is known of it. */
  double halfWidth(double reference);

  /**
   * A tolerance widened by {@code extra}, for a quantity that moves by about that much when the
   * given data move within their printed precision.
   */
  record Widened(Tolerance base, double extra) implements Tolerance {
    @Override
    public boolean accepts(double submitted, double reference) {
      return accepts(submitted, -1, reference);
    }

    @Override
    public boolean accepts(double submitted, int writtenDecimals, double reference) {
      return base.accepts(submitted, writtenDecimals, reference)
          || Math.abs(submitted - reference) <= (base.halfWidth(reference) + extra) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return base.halfWidth(reference) + extra;
    }
  }

  /** |s - r| <= absolute + relative * |r|, the usual numerical tolerance. */
  record Relative(double relative, double absolute) implements Tolerance {
    public Relative {
      if (!(relative >= 0) || !(absolute >= 0) || relative + absolute == 0) {
        throw new IllegalArgumentException("tolerance: relative and absolute must be >= 0 and not both 0, got "
            + relative + " and " + absolute);
      }
    }

    @Override
    public boolean accepts(double submitted, double reference) {
      return Math.abs(submitted - reference) <= (absolute + relative * Math.abs(reference)) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return absolute + relative * Math.abs(reference);
    }
  }

  /**
   * The value correctly rounded to {@code places} decimals, or closer: |s - r| <= 0.5 * 10^-places.
   * A value wrong in a digit at or above that place is rejected.
   */
  record DecimalPlaces(int places) implements Tolerance {
    public DecimalPlaces {
      if (places < 0 || places > 15) {
        throw new IllegalArgumentException("tolerance: decimals must be 0 to 15, got " + places);
      }
    }

    @Override
    public boolean accepts(double submitted, double reference) {
      return Math.abs(submitted - reference) <= 0.5 * Math.pow(10, -places) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return 0.5 * Math.pow(10, -places);
    }
  }

  /**
   * The value correctly rounded to as many decimals as the student wrote, but never fewer than
   * {@code minimumDecimals}: 0.716 claims three decimals and is judged at three, 0.72 at two. A
   * document that mixes precisions (seed 002 writes 0.604, -0.04 and 4.8e-3) is judged at each
   * value's own precision, and a slip in a last written digit is found.
   */
  record AsWritten(int minimumDecimals) implements Tolerance {
    public AsWritten {
      if (minimumDecimals < 0 || minimumDecimals > 15) {
        throw new IllegalArgumentException("tolerance: minimum decimals must be 0 to 15, got " + minimumDecimals);
      }
    }

    @Override
    public boolean accepts(double submitted, double reference) {
      return accepts(submitted, -1, reference);
    }

    @Override
    public boolean accepts(double submitted, int writtenDecimals, double reference) {
      int places = Math.min(15, Math.max(minimumDecimals, writtenDecimals));
      return Math.abs(submitted - reference) <= 0.5 * Math.pow(10, -places) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return 0.5 * Math.pow(10, -minimumDecimals);
    }
  }

  /**
   * The value correctly rounded to {@code figures} significant figures, or closer. Scales with the
   * value, so it also judges quantities far smaller than the document's decimals.
   */
  record SignificantFigures(int figures) implements Tolerance {
    public SignificantFigures {
      if (figures < 1 || figures > 15) {
        throw new IllegalArgumentException("tolerance: significant figures must be 1 to 15, got " + figures);
      }
    }

    @Override
    public boolean accepts(double submitted, double reference) {
      if (reference == 0) {
        return submitted == 0;
      }
      double exponent = Math.floor(Math.log10(Math.abs(reference)));
      return Math.abs(submitted - reference) <= 0.5 * Math.pow(10, exponent - figures + 1) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return reference == 0 ? 0 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(reference))) - figures + 1);
    }
  }
}

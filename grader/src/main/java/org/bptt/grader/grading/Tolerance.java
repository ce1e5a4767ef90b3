package org.bptt.grader.grading;

import java.util.List;
import java.util.Objects;
import org.bptt.grader.solver.RoundingBudget;
import org.bptt.grader.value.Tensor;


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
   * Whether entry {@code entry} of an answer is accepted: as {@link #accepts(double, int, double)}
   * for a tolerance that is the same for every entry.
   */
  default boolean accepts(double submitted, int writtenDecimals, double reference, int entry) {
    return accepts(submitted, writtenDecimals, reference);
  }

  /** How far from {@code reference} a value written with {@code writtenDecimals} decimals may be (-1: unknown). */
  default double halfWidth(double reference, int writtenDecimals) {
    return halfWidth(reference);
  }

  /**
   * A quantity's drift per entry (row-major) for work at a tolerance's own precision plus {@code
   * k} decimals, k from 0 to {@code count() - 1}; the grader estimates the finer ones on first use.
   */
  interface Drifts {
    int count();

    Tensor at(int precision);

    /** Drifts known up front, one per precision. */
    static Drifts of(List<Tensor> drifts) {
      return new Listed(drifts);
    }

    record Listed(List<Tensor> drifts) implements Drifts {
      public Listed {
        drifts = List.copyOf(drifts);
        if (drifts.isEmpty()) {
          throw new IllegalArgumentException("tolerance: a budget needs the drift of at least one precision");
        }
        for (Tensor drift : drifts) {
          if (drift.size() != drifts.get(0).size()) {
            throw new IllegalArgumentException("tolerance: every precision's drift needs " + drifts.get(0).size()
                + " entries, got " + drift.size());
          }
        }
      }

      @Override
      public int count() {
        return drifts.size();
      }

      @Override
      public Tensor at(int precision) {
        return drifts.get(precision);
      }
    }
  }

  /**
   * A tolerance with a rounding budget: it also accepts a value within its half unit at the
   * decimals written plus the drift honest hand work can have reached at that entry
   * ({@link RoundingBudget}). An answer written with more decimals than the base's minimum is
   * judged with the drift of work at the decimals it shows (the finest known for any more), one
   * with fewer or unknown decimals with the drift at the base's own precision.
   */
  record WithinBudget(Tolerance base, Drifts drifts) implements Tolerance {
    public WithinBudget {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(drifts, "drifts");
      if (base instanceof WithinBudget) {
        throw new IllegalArgumentException("tolerance: a budget is added once, not to a budgeted tolerance");
      }
      if (drifts.count() < 1) {
        throw new IllegalArgumentException("tolerance: a budget needs the drift of at least one precision");
      }
    }

    public WithinBudget(Tolerance base, List<Tensor> drifts) {
      this(base, Drifts.of(drifts));
    }

    @Override
    public boolean accepts(double submitted, double reference) {
      return accepts(submitted, -1, reference);
    }

    @Override
    public boolean accepts(double submitted, int writtenDecimals, double reference) {
      return base.accepts(submitted, writtenDecimals, reference) || Math.abs(submitted - reference)
          <= (base.halfWidth(reference, writtenDecimals) + largestAllowance(writtenDecimals)) * FUZZ;
    }

    @Override
    public boolean accepts(double submitted, int writtenDecimals, double reference, int entry) {
      return base.accepts(submitted, writtenDecimals, reference) || Math.abs(submitted - reference)
          <= (base.halfWidth(reference, writtenDecimals) + allowance(writtenDecimals, entry)) * FUZZ;
    }

    @Override
    public double halfWidth(double reference) {
      return base.halfWidth(reference) + largestAllowance(-1);
    }

    @Override
    public double halfWidth(double reference, int writtenDecimals) {
      return base.halfWidth(reference, writtenDecimals) + largestAllowance(writtenDecimals);
    }

    /** The drift allowed at one entry for an answer written with {@code writtenDecimals} decimals (-1: unknown). */
    public double allowance(int writtenDecimals, int entry) {
      Tensor drift = drifts.at(precision(writtenDecimals));
      return drift.at(drift.size() == 1 ? 0 : entry);
    }

    /** The largest entry's allowance for an answer written with {@code writtenDecimals} decimals. */
    public double largestAllowance(int writtenDecimals) {
      return drifts.at(precision(writtenDecimals)).maxAbs();
    }

    private int precision(int writtenDecimals) {
      if (base instanceof AsWritten asWritten && writtenDecimals > asWritten.minimumDecimals()) {
        return Math.min(drifts.count() - 1, writtenDecimals - asWritten.minimumDecimals());
      }
      return 0;
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
      return Math.abs(submitted - reference) <= halfWidth(reference, writtenDecimals) * FUZZ;
    }

    @Override
    public double halfWidth(double reference, int writtenDecimals) {
      return 0.5 * Math.pow(10, -Math.min(15, Math.max(minimumDecimals, writtenDecimals)));
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

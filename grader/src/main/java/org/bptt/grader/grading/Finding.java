package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.Misconception;
import java.util.List;
import java.util.Objects;

/**
 * What grading found for one asked quantity, as data: the verdict and what it rests on. The
 * report layer words it ({@code org.bptt.grader.report.Feedback}); nothing here is a sentence.
 */
public sealed interface Finding {

  Verdict verdict();

  /** Accepted against the reference, at the quantity's tolerance ({@link QuantityResult#tolerance()}). */
  record Correct() implements Finding {
    @Override
    public Verdict verdict() {
      return Verdict.CORRECT;
    }
  }

  /**
   * Wrong against the reference, but following from the student's own values. {@code basedOn}: the
   * student's wrong answers it was built on (canonical names, in solution order); empty when it
   * follows from their own earlier values, each within tolerance, rounded. The credit is the
   * result's ({@link QuantityResult#credit()}).
   */
  record CarriedForward(List<String> basedOn) implements Finding {
    public CarriedForward {
      basedOn = List.copyOf(basedOn);
    }

    @Override
    public Verdict verdict() {
      return Verdict.CARRIED_FORWARD;
    }
  }

  /**
   * Wrong. {@code diagnosis}: the misconception that reproduces the value, or null. {@code off}:
   * for a vector or matrix of which some entries but not all are off, those entries in row-major
   * order; empty for a single number, a label, or when every entry is off.
   */
  record Wrong(Misconception diagnosis, List<OffEntry> off) implements Finding {
    public Wrong {
      off = List.copyOf(off);
    }

    @Override
    public Verdict verdict() {
      return Verdict.WRONG;
    }
  }

  /** Absent, or left blank. */
  record Missing() implements Finding {
    @Override
    public Verdict verdict() {
      return Verdict.MISSING;
    }
  }

  /** Could not be read as a value of the right shape; {@code problem} is the submission loader's message. */
  record Invalid(String problem) implements Finding {
    public Invalid {
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public Verdict verdict() {
      return Verdict.INVALID;
    }
  }

  /**
   * Not graded: the quantity moves by up to {@code spread} (infinite: by its whole value) when the
   * given data move within their printed precision. {@code training}: it belongs to the training
   * run.
   */
  record NotGradable(double spread, boolean training) implements Finding {
    public NotGradable {
      if (!(spread > 0)) {
        throw new IllegalArgumentException("not gradable: the spread must be positive, got " + spread);
      }
    }

    /** Whether the quantity can move by its whole value (the spread is infinite). */
    public boolean unbounded() {
      return Double.isInfinite(spread);
    }

    @Override
    public Verdict verdict() {
      return Verdict.NOT_GRADABLE;
    }
  }

  /**
   * One entry of a vector or matrix answer that is off, counted from 1 as a document counts them:
   * {@code index} in row-major order, and {@code row} and {@code column} for an entry of a matrix
   * with more than one row and more than one column (both 0 otherwise); the student's value and
   * the reference's.
   */
  record OffEntry(int index, int row, int column, double submitted, double reference) {
    public OffEntry {
      if (index < 1 || row < 0 || column < 0 || (row == 0) != (column == 0)) {
        throw new IllegalArgumentException("off entry: index from 1, row and column both 0 or both from 1, got "
            + index + ", " + row + ", " + column);
      }
    }

    /** Whether the entry is named by its row and column rather than its index. */
    public boolean inMatrix() {
      return row > 0;
    }
  }
}

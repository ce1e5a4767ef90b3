package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.Misconception;
import java.util.List;
import java.util.Objects;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Value;

/**
 * The grade of one asked quantity: the values compared, what grading found ({@link Finding}: the
 * verdict, and the misconception that explains a wrong value or the student's earlier answers a
 * carried-forward one was built on), the credit earned (0 to 1), the tolerance it was judged at and
 * the decimals the student wrote for each entry (empty when not known).
 */
public record QuantityResult(
    String name,
    String documentName,
    Stage stage,
    String meaning,
    Value submitted,
    Value expected,
    Finding finding,
    double credit,
    Tolerance tolerance,
    List<Integer> writtenDecimals) {

  public QuantityResult {
    writtenDecimals = List.copyOf(writtenDecimals);
    Objects.requireNonNull(finding, "finding");
    boolean creditAsVerdict = switch (finding.verdict()) {
      case CORRECT -> credit == 1;
      case CARRIED_FORWARD -> credit >= 0 && credit <= 1;
      case WRONG, MISSING, INVALID, NOT_GRADABLE -> credit == 0;
    };
    if (!creditAsVerdict) {
      throw new IllegalArgumentException(name + ": credit " + credit + " for verdict " + finding.verdict().id());
    }
  }

  /** A result whose answer's written precision is not known. */
  public QuantityResult(String name, String documentName, Stage stage, String meaning, Value submitted, Value expected,
      Finding finding, double credit, Tolerance tolerance) {
    this(name, documentName, stage, meaning, submitted, expected, finding, credit, tolerance, List.of());
  }

  /** The decimals the student wrote for entry {@code index} (row-major), or -1 when not known. */
  public int writtenDecimalsOf(int index) {
    return index < writtenDecimals.size() ? writtenDecimals.get(index) : -1;
  }

  public Verdict verdict() {
    return finding.verdict();
  }

  /** The misconception that reproduces a wrong value, or null. */
  public Misconception diagnosis() {
    return finding instanceof Finding.Wrong wrong ? wrong.diagnosis() : null;
  }

  /** For a carried-forward value, the student's wrong answers it was built on; else empty. */
  public List<String> basedOn() {
    return finding instanceof Finding.CarriedForward carried ? carried.basedOn() : List.of();
  }
}

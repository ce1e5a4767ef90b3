package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.Misconception;
import java.util.List;
import java.util.Objects;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Value;

/**
 * The grade of one asked quantity: the values compared, what grading found ({@link Finding}: the
 * verdict, and the misconception that explains a wrong value or the student's earlier answers a
 * carried-forward one was built on), the credit earned (0 to 1) and the tolerance it was judged at.
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
    Tolerance tolerance) {

  public QuantityResult {
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

package org.bptt.grader.grading;

import java.util.List;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Value;

/**
 * The grade of one asked quantity: the verdict, the values compared, the misconception that
 * explains a wrong value (if one does), the student's earlier answers it was built on (for a
 * carried-forward verdict), the feedback sentence, and the credit earned (0 to 1).
 */
public record QuantityResult(
    String name,
    String documentName,
    Stage stage,
    String meaning,
    Verdict verdict,
    Value submitted,
    Value expected,
    Misconception diagnosis,
    List<String> basedOn,
    String feedback,
    double credit,
    Tolerance tolerance) {

  public QuantityResult {
    basedOn = List.copyOf(basedOn);
  }
}

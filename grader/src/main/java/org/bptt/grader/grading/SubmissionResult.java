package org.bptt.grader.grading;

import java.util.List;

/** The grade of one submission: every asked quantity's result and the score. */
public record SubmissionResult(
    String exerciseId, String exerciseTitle, String source, String student, String submissionName,
    List<QuantityResult> quantities) {

  public SubmissionResult {
    quantities = List.copyOf(quantities);
  }

  public double score() {
    double total = 0;
    for (QuantityResult result : quantities) {
      total += result.credit();
    }
    return total;
  }

  /** The number of graded quantities: a quantity that is not gradable does not count. */
  public int maxScore() {
    return (int) quantities.stream().filter(result -> result.verdict() != Verdict.NOT_GRADABLE).count();
  }

  public long count(Verdict verdict) {
    return quantities.stream().filter(result -> result.verdict() == verdict).count();
  }

  /** Whether every asked quantity earned full credit. */
  public boolean allCorrect() {
    return quantities.stream().allMatch(result -> result.credit() >= 1 || result.verdict() == Verdict.NOT_GRADABLE);
  }
}

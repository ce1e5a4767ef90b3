package org.bptt.grader.grading;

import java.util.List;
import org.bptt.grader.error.Location;
import org.bptt.grader.value.Value;

/**
 * One answer of a submission: the name as the student wrote it, the canonical name it resolves to,
 * where it was written, and its value. A null value is an unanswered entry (a blank template
 * line); a non-null {@code problem} marks an answer that could not be read as a value. The
 * decimals written for each entry let a tolerance judge a value at the precision it claims.
 */
public record Answer(String writtenName, String canonicalName, Location location, Value value, String problem,
    List<Integer> writtenDecimals) {

  public Answer {
    writtenDecimals = List.copyOf(writtenDecimals);
  }

  /** An answer whose written precision is not known (built in code rather than read from a file). */
  public Answer(String writtenName, String canonicalName, Location location, Value value, String problem) {
    this(writtenName, canonicalName, location, value, problem, List.of());
  }

  /** The decimals written for entry {@code index} (row-major), or -1 when not known. */
  public int decimalsOf(int index) {
    return index < writtenDecimals.size() ? writtenDecimals.get(index) : -1;
  }

  public boolean isBlank() {
    return value == null && problem == null;
  }

  public boolean isInvalid() {
    return problem != null;
  }
}

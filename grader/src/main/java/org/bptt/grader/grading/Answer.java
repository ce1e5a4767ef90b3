package org.bptt.grader.grading;

import org.bptt.grader.error.Location;
import org.bptt.grader.value.Value;

/**
 * One answer of a submission: the name as the student wrote it, the canonical name it resolves to,
 * where it was written, and its value. A null value is an unanswered entry (a blank template
 * line); a non-null {@code problem} marks an answer that could not be read as a value.
 */
public record Answer(String writtenName, String canonicalName, Location location, Value value, String problem) {

  public boolean isBlank() {
    return value == null && problem == null;
  }

  public boolean isInvalid() {
    return problem != null;
  }
}

package org.bptt.grader.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A student's submission: which exercise, who, and their answers by canonical name. */
public record Submission(String displayName, String exerciseId, String student, Map<String, Answer> answers) {

  public Submission {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }
}

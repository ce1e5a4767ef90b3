package org.bptt.grader.load;

import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.value.Tensor;

/**
 * An exercise file's contents: the exercise the solver reads, how answers to it are graded, and
 * the printed precision of its given values (half a unit of the last printed digit, by given
 * quantity name), from which the grader judges which quantities the sheet can decide.
 */
public record ExerciseDefinition(Exercise exercise, GradingSpec grading, Map<String, Tensor> givenHalfUnits) {

  public ExerciseDefinition {
    givenHalfUnits = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(givenHalfUnits));
  }
}

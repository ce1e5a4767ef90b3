package org.bptt.grader.load;

import java.util.Map;
import org.bptt.grader.error.Location;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.value.Tensor;

/**
 * An exercise file's contents: the exercise the solver reads, how answers to it are graded, and
 * the printed precision of its given values (half a unit of the last printed digit, by given
 * quantity name), from which the grader judges which quantities the sheet can decide.
 */
public record ExerciseDefinition(Exercise exercise, GradingSpec grading, Map<String, Tensor> givenHalfUnits,
    Map<String, Location> askLocations, String reveal) {

  /** The words of {@code grading.reveal}, from least to most shown (the report layer's Reveal levels). */
  public static final java.util.List<String> REVEAL_LEVELS = java.util.List.of("score", "verdicts", "hints", "full");
  public static final String FULL_REVEAL = "full";

  public ExerciseDefinition {
    givenHalfUnits = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(givenHalfUnits));
    askLocations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(askLocations));
    if (!REVEAL_LEVELS.contains(reveal)) {
      throw new IllegalArgumentException("reveal: expected one of " + REVEAL_LEVELS + ", got " + reveal);
    }
  }

  /** An exercise whose students see everything. */
  public ExerciseDefinition(Exercise exercise, GradingSpec grading, Map<String, Tensor> givenHalfUnits,
      Map<String, Location> askLocations) {
    this(exercise, grading, givenHalfUnits, askLocations, FULL_REVEAL);
  }

  /** An exercise built in code: no file, so no locations to point an error at. */
  public ExerciseDefinition(Exercise exercise, GradingSpec grading, Map<String, Tensor> givenHalfUnits) {
    this(exercise, grading, givenHalfUnits, Map.of());
  }
}

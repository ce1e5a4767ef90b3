package org.bptt.grader.load;

import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.GradingSpec;

/** An exercise file's contents: the exercise the solver reads, and how answers to it are graded. */
public record ExerciseDefinition(Exercise exercise, GradingSpec grading) {}

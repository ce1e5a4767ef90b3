package org.bptt.grader.pipeline;

import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.Grader;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.solver.ElmanSolver;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.RoundingSensitivity;

/**
 * An exercise made ready to grade, once per run: its solved graph (values computed as they are
 * read), the rounding budget of every asked quantity, and the grader, shared by every submission
 * for it. {@code variantId} is the randomized variant it is, or null.
 */
public record PreparedExercise(ExerciseDefinition definition, String variantId, QuantityGraph graph, Grader grader) {

  /** Solves the exercise and estimates how far each asked quantity depends on unprinted digits. */
  public static PreparedExercise prepare(ExerciseDefinition definition, String variantId, Double carriedForwardCredit) {
    Exercise exercise = definition.exercise();
    QuantityGraph graph = ElmanSolver.solve(exercise);
    GradingSpec grading = carriedForwardCredit == null
        ? definition.grading()
        : definition.grading().withCarriedForwardCredit(carriedForwardCredit);
    long seed = exercise.id().hashCode();
    Grader grader = new Grader(exercise, graph, grading, (List<String> names, Map<String, Double> enough) ->
        RoundingSensitivity.spreads(exercise, graph, names, enough, definition.givenHalfUnits(), seed));
    return new PreparedExercise(definition, variantId, graph, grader);
  }

  /** The exercise as written, with its own grading settings. */
  public static PreparedExercise prepare(ExerciseDefinition definition) {
    return prepare(definition, null, null);
  }

  public Exercise exercise() {
    return definition.exercise();
  }
}

package org.bptt.grader.pipeline;

import java.util.List;
import java.util.Map;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.Grader;
import org.bptt.grader.grading.GradingSpec;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.RoundingBudget;
import org.bptt.grader.value.Tensor;

/**
 * An exercise made ready to grade, once per run: its solved graph (values computed as they are
 * read), the rounding budget of every asked quantity, and the grader, shared by every submission
 * for it. {@code variantId} is the randomized variant it is, or null.
 */
public record PreparedExercise(ExerciseDefinition definition, String variantId, QuantityGraph graph, Grader grader) {

  /** Solves the exercise and estimates how far each asked quantity depends on unprinted digits. */
  public static PreparedExercise prepare(ExerciseDefinition definition, String variantId, Double carriedForwardCredit)
      throws InputException {
    Exercise exercise = definition.exercise();
    QuantityGraph graph = solve(definition);
    GradingSpec grading = carriedForwardCredit == null
        ? definition.grading()
        : definition.grading().withCarriedForwardCredit(carriedForwardCredit);
    long seed = exercise.id().hashCode();
    Grader grader = new Grader(exercise, graph, grading, request ->
        RoundingBudget.of(graph, definition.givenHalfUnits(), seed, request));
    return new PreparedExercise(definition, variantId, graph, grader);
  }

  /**
   * The exercise's solution graph (values are computed as they are read), once every asked
   * pattern is shown to name at least one of its quantities, each of them finite.
   */
  public static QuantityGraph solve(ExerciseDefinition definition) throws InputException {
    QuantityGraph graph = ReferenceSolver.solve(definition.exercise());
    for (Map.Entry<String, Location> ask : definition.askLocations().entrySet()) {
      List<String> names = AskedQuantities.expand(List.of(ask.getKey()), graph);
      if (names.isEmpty()) {
        throw new InputException(ask.getValue(), "ask: '" + ask.getKey()
            + "' names no quantity of this exercise (see the canonical names in exercises/README.md)");
      }
      for (String name : names) {
        if (graph.value(name) instanceof Tensor tensor && !tensor.isFinite()) {
          throw new InputException(ask.getValue(), "ask: " + name + " overflows to " + (Double.isNaN(tensor.maxAbs())
              ? "NaN" : "infinity") + ": the given values or the learning rate are too large for it");
        }
      }
    }
    return graph;
  }

  /** The exercise as written, with its own grading settings. */
  public static PreparedExercise prepare(ExerciseDefinition definition) throws InputException {
    return prepare(definition, null, null);
  }

  public Exercise exercise() {
    return definition.exercise();
  }
}

package org.bptt.grader.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.TestExercises;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every exercise file must have, checked on each file in exercises/. */
class AllExercisesTest {

  static List<Path> exercises() {
    return TestExercises.all();
  }

  private static Exercise load(Path file) {
    return TestExercises.load(file.getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void everyDerivationOfEveryQuantityAgrees(Path file) {
    QuantityGraph graph = ReferenceSolver.solve(load(file));
    for (Quantity quantity : graph.quantities()) {
      Value main = graph.value(quantity.name());
      for (Derivation derivation : quantity.derivations()) {
        Value other = graph.recompute(quantity.name(), derivation, name -> null);
        if (main instanceof Tensor expected) {
          Tensor actual = (Tensor) other;
          assertTrue(expected.minus(actual).maxAbs() <= 1e-12 * Math.max(1, expected.maxAbs()),
              quantity.name() + " by '" + derivation.description() + "': " + actual + " vs " + expected);
        } else {
          assertEquals(main, other, quantity.name());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void everyValueIsFiniteAndEveryAskedNameExists(Path file) {
    Exercise exercise = load(file);
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    for (String name : graph.names()) {
      if (graph.value(name) instanceof Tensor tensor) {
        assertTrue(tensor.isFinite(), name + " is not finite: " + tensor);
      }
    }
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    assertFalse(asked.isEmpty(), "asks for nothing");
  }

  @ParameterizedTest
  @MethodSource("exercises")
  void solvingTwiceGivesIdenticalValues(Path file) {
    QuantityGraph first = ReferenceSolver.solve(load(file));
    QuantityGraph second = ReferenceSolver.solve(load(file));
    assertEquals(first.names(), second.names());
    for (String name : first.names()) {
      assertEquals(first.value(name), second.value(name), name);
    }
  }
}

package org.bptt.grader.report;

import java.nio.file.Path;
import java.util.List;
import org.bptt.grader.TestExercises;
import org.bptt.grader.error.InputException;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.solver.QuantityGraph;

/** Renders answer keys and problem sheets of the project's exercises with the project's templates, for tests. */
final class KeySheetRendering {

  /** A loaded and solved exercise. */
  record Solved(String file, Exercise exercise, QuantityGraph graph) {}

  private KeySheetRendering() {}

  static Solved solve(String file) {
    Exercise exercise = TestExercises.load(file);
    return new Solved(file, exercise, ReferenceSolver.solve(exercise));
  }

  /** The part of a solved exercise that its asked quantities need, as {@code solve} shows it. */
  static Solved asked(Solved solved) {
    return new Solved(solved.file(), solved.exercise(), solved.graph().restrictedTo(
        org.bptt.grader.solver.AskedQuantities.expand(solved.exercise().asked(), solved.graph())));
  }

  /** Every exercise file of exercises/ (the seeds, and any other exercise kept there). */
  static List<Solved> all() {
    return TestExercises.all().stream().map(path -> solve(path.getFileName().toString())).toList();
  }

  static String key(Solved solved, String template, int digits) {
    return render(template, "key", SolutionViews.of(solved.exercise(), solved.graph(), digits));
  }

  static String sheet(Solved solved, String template) {
    return render(template, "sheet", SheetViews.of(solved.exercise(), solved.graph()));
  }

  private static String render(String template, String model, Object view) {
    try {
      return new ReportRenderer(Path.of("templates")).render(template, model, view);
    } catch (InputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}

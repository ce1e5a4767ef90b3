package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bptt.grader.TestExercises;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.pipeline.PreparedExercise;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * One solved exercise and the small helpers the grading tests share: the reference values as
 * plain numbers, answers with the reference's shape, and grading a map of answers.
 */
final class GradingFixture {

  static final String SEED_000 = "seed-000-tanh-three-steps.yaml";
  static final String SEED_001 = "seed-001-char-rnn-hello.yaml";
  static final String SEED_003 = "seed-003-vector-bptt.yaml";
  static final String SEED_004 = "seed-004-batch-many-to-one.yaml";

  final Exercise exercise;
  final QuantityGraph graph;
  final GradingSpec spec;
  private final ExerciseDefinition definition;
  private final Map<GradingSpec, Grader> graders = new HashMap<>();

  /** Inline exercises have exact givens (no printed precision): rounding moves nothing. */
  private GradingFixture(ExerciseDefinition definition) throws InputException {
    this.definition = definition;
    this.exercise = definition.exercise();
    this.spec = definition.grading();
    this.graph = PreparedExercise.solve(definition);
  }

  /** A seed exercise in exercises/, graded with its own grading block (or the defaults). */
  static GradingFixture seed(String fileName) {
    return of(TestExercises.FOLDER.resolve(fileName));
  }

  static GradingFixture of(Path file) {
    try {
      return new GradingFixture(GraderPipeline.loadExercise(file, null, null));
    } catch (GraderException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** An exercise written inline, graded with the default spec. */
  static GradingFixture parse(String yaml) {
    try {
      return new GradingFixture(new ExerciseDefinition(new ExerciseLoader().parse(yaml, "inline.yaml"),
          GradingSpec.defaults(), Map.of()));
    } catch (InputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  // --- reference values --------------------------------------------------------------------

  Tensor tensor(String name) {
    return (Tensor) graph.value(name);
  }

  /** The reference entries of a quantity, row-major. */
  double[] ref(String name) {
    return tensor(name).toArray();
  }

  /** The only entry of a one-element reference quantity. */
  double scalar(String name) {
    return tensor(name).scalarValue();
  }

  /** A matrix parameter (or any matrix quantity) as rows. */
  double[][] matrix(String name) {
    return tensor(name).toRows();
  }

  /** A value with exactly the shape of {@code name}'s reference value. */
  Tensor like(String name, double... entries) {
    return Tensor.of(tensor(name).shape(), entries);
  }

  // --- submissions -------------------------------------------------------------------------

  Grader grader() {
    return grader(spec);
  }

  /** The grader the grade command would build for this exercise with these settings, rounding budgets included. */
  Grader grader(GradingSpec gradingSpec) {
    return graders.computeIfAbsent(gradingSpec, settings -> {
      try {
        return PreparedExercise.prepare(new ExerciseDefinition(exercise, settings, definition.givenHalfUnits()))
            .grader();
      } catch (InputException e) {
        throw new AssertionError(e.getMessage(), e);
      }
    });
  }

  static Answer answer(String name, Value value) {
    return new Answer(name, name, Location.ofFile("test.yaml"), value, null);
  }

  static Submission submission(String exerciseId, Map<String, Answer> answers) {
    return new Submission("test.yaml", exerciseId, "student1", answers);
  }

  static Map<String, Answer> answers(Map<String, ? extends Value> values) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    values.forEach((name, value) -> answers.put(name, answer(name, value)));
    return answers;
  }

  SubmissionResult grade(Map<String, ? extends Value> values) {
    return gradeAnswers(answers(values), spec);
  }

  SubmissionResult gradeAnswers(Map<String, Answer> answers, GradingSpec gradingSpec) {
    return grader(gradingSpec).grade(submission(exercise.id(), answers));
  }

  /** Grades a single answer and returns its result. */
  QuantityResult gradeOne(String name, Value value) {
    return result(grade(Map.of(name, value)), name);
  }

  static QuantityResult result(SubmissionResult result, String name) {
    QuantityResult found = result.quantities().stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
    assertNotNull(found, name + " is not among the graded quantities");
    return found;
  }

  /** Every asked quantity at its exact reference value. */
  Map<String, Value> referenceAnswers() {
    Map<String, Value> values = new LinkedHashMap<>();
    for (String name : grader().asked()) {
      values.put(name, graph.value(name));
    }
    return values;
  }

  // --- small linear algebra, written out so that the tests do not reuse the solver's ----------

  static double[] matVec(double[][] m, double[] v) {
    assertEquals(m[0].length, v.length, "matVec sizes");
    double[] r = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < v.length; j++) {
        r[i] += m[i][j] * v[j];
      }
    }
    return r;
  }

  /** m^T v. */
  static double[] matTVec(double[][] m, double[] v) {
    assertEquals(m.length, v.length, "matTVec sizes");
    double[] r = new double[m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < r.length; j++) {
        r[j] += m[i][j] * v[i];
      }
    }
    return r;
  }

  static double[] plus(double[] u, double[] v) {
    double[] r = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      r[i] = u[i] + v[i];
    }
    return r;
  }

  static double[] minus(double[] u, double[] v) {
    double[] r = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      r[i] = u[i] - v[i];
    }
    return r;
  }

  static double[] times(double[] u, double[] v) {
    double[] r = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      r[i] = u[i] * v[i];
    }
    return r;
  }

  static double[] scale(double factor, double[] u) {
    double[] r = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      r[i] = factor * u[i];
    }
    return r;
  }

  /** 1 - v_i^2 entry by entry: tanh' from the hidden state (or, mistakenly, from the pre-activation). */
  static double[] oneMinusSquare(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = 1 - v[i] * v[i];
    }
    return r;
  }

  /** u v^T, flattened row by row. */
  static double[] outer(double[] u, double[] v) {
    double[] r = new double[u.length * v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        r[i * v.length + j] = u[i] * v[j];
      }
    }
    return r;
  }

  /**
   * Whether {@code tolerance} accepts every entry of {@code submitted} against {@code reference}
   * (written decimals unknown, as for answers built in code).
   */
  static boolean accepted(Tolerance tolerance, Value submitted, Value reference) {
    if (!(submitted instanceof Tensor student) || !(reference instanceof Tensor truth)) {
      return submitted.equals(reference);
    }
    assertEquals(truth.size(), student.size(), "sizes");
    for (int i = 0; i < truth.size(); i++) {
      if (!tolerance.accepts(student.at(i), truth.at(i))) {
        return false;
      }
    }
    return true;
  }

  /** The largest |u_i - v_i|. */
  static double maxDifference(double[] u, double[] v) {
    double max = 0;
    for (int i = 0; i < u.length; i++) {
      max = Math.max(max, Math.abs(u[i] - v[i]));
    }
    return max;
  }
}

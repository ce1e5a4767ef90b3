package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.TestExercises;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.Location;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.pipeline.PreparedExercise;
import org.bptt.grader.value.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exercises' default tolerance against the precision their documents work to: every asked
 * value correctly rounded to that many decimals (or more) is correct, and a value wrong in its
 * first significant digit is not.
 */
class DocumentPrecisionTest {

  /** The seed exercise file with this id: seed-000 is exercises/seed-000-tanh-three-steps.yaml. */
  private static Path exerciseFile(String exerciseId) {
    return switch (exerciseId) {
      case "seed-000" -> TestExercises.FOLDER.resolve(GradingFixture.SEED_000);
      case "seed-001" -> TestExercises.FOLDER.resolve(GradingFixture.SEED_001);
      case "seed-002" -> TestExercises.FOLDER.resolve("seed-002-forward-sensitivities.yaml");
      case "seed-003" -> TestExercises.FOLDER.resolve(GradingFixture.SEED_003);
      case "seed-004" -> TestExercises.FOLDER.resolve(GradingFixture.SEED_004);
      default -> throw new IllegalArgumentException("no seed exercise " + exerciseId);
    };
  }

  private static SubmissionResult gradeAll(String exerciseId, int decimals, double firstDigitError)
      throws InputException {
    PreparedExercise solved = PreparedExercise.prepare(new ExerciseLoader().loadDefinition(
        exerciseFile(exerciseId), exerciseId));
    Grader grader = solved.grader();
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (String name : grader.asked()) {
      if (!(solved.graph().value(name) instanceof Tensor reference)) {
        continue;
      }
      double[] values = reference.toArray();
      List<Integer> written = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        double value = values[i] + firstDigitError * Math.pow(10, Math.floor(Math.log10(Math.abs(values[i]) + 1e-300)));
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        values[i] = rounded.doubleValue();
        written.add(decimals);
      }
      answers.put(name, new Answer(name, name, Location.ofFile("test"), Tensor.of(reference.shape(), values), null,
          written));
    }
    return grader.grade(new Submission("test", exerciseId, "s1", answers));
  }

  @ParameterizedTest(name = "{0} at {1} decimals")
  @CsvSource({"seed-000, 4", "seed-000, 5", "seed-001, 4", "seed-002, 2", "seed-002, 3", "seed-003, 4",
      "seed-004, 2", "seed-004, 3"})
  void correctlyRoundedValuesAtTheDocumentsPrecisionAreCorrect(String exercise, int decimals) throws InputException {
    SubmissionResult result = gradeAll(exercise, decimals, 0);
    for (QuantityResult quantity : result.quantities()) {
      if (quantity.verdict() != Verdict.NOT_GRADABLE && quantity.submitted() != null) {
        assertEquals(Verdict.CORRECT, quantity.verdict(), exercise + " " + quantity.name() + ": " + quantity.finding());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"seed-000, 4", "seed-001, 4", "seed-002, 2", "seed-003, 4", "seed-004, 2"})
  void aValueWrongInItsFirstSignificantDigitIsNeverCorrect(String exercise, int decimals) throws InputException {
    SubmissionResult result = gradeAll(exercise, decimals + 2, 1);
    for (QuantityResult quantity : result.quantities()) {
      if (quantity.submitted() != null && ((Tensor) quantity.expected()).maxAbs() >= Math.pow(10, -decimals)) {
        assertEquals(false, quantity.verdict() == Verdict.CORRECT, exercise + " " + quantity.name());
      }
    }
  }
}

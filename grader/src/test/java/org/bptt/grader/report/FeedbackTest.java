package org.bptt.grader.report;

import org.bptt.grader.grading.misconception.Misconceptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bptt.grader.exercise.Notation;
import org.bptt.grader.grading.Finding;
import org.bptt.grader.grading.QuantityResult;
import org.bptt.grader.grading.Tolerance;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;

/**
 * The wording of each kind of finding and each tolerance, one case per sentence; the sentences of
 * real gradings are also held by the golden reports (GoldenReportTest).
 */
class FeedbackTest {

  private static final Notation CANONICAL = Notation.canonical();
  private static final Tolerance AT_LEAST_4 = new Tolerance.AsWritten(4);

  private static QuantityResult result(String name, String meaning, Value submitted, Value expected, Finding finding,
      double credit, Tolerance tolerance) {
    return new QuantityResult(name, name, Stage.FORWARD, meaning, submitted, expected, finding, credit, tolerance);
  }

  /** A result whose answer was written with these decimals per entry. */
  private static QuantityResult written(String name, String meaning, Value submitted, Value expected, Finding finding,
      double credit, Tolerance tolerance, Integer... decimals) {
    return new QuantityResult(name, name, Stage.FORWARD, meaning, submitted, expected, finding, credit, tolerance,
        List.of(decimals));
  }

  @Test
  void correctNamesTheTolerance() {
    QuantityResult q = result("h[1]", "hidden state tanh(a[t])", Tensor.scalar(0.4621), Tensor.scalar(0.462117),
        new Finding.Correct(), 1, AT_LEAST_4);
    assertEquals("Correct (to the decimals written, at least 4 decimals).", Feedback.sentence(q, CANONICAL));
  }

  @Test
  void carriedForwardNamesTheSlipItWasBuiltOnAndTheCredit() {
    QuantityResult full = written("y[2]", "output W_hy h[t]", Tensor.scalar(0.458), Tensor.scalar(0.45868),
        new Finding.CarriedForward(List.of("h[2]")), 1, new Tolerance.AsWritten(2), 3);
    assertEquals("Not the reference value 0.459, but it follows correctly from your own h[2], which was wrong: the "
        + "error is counted where it was made, full credit here.", Feedback.sentence(full, CANONICAL));

    QuantityResult half = result("dL/dW_hh[3]", "gradient", Tensor.scalar(0.1), Tensor.scalar(0.123456),
        new Finding.CarriedForward(List.of("h[1]", "dL/dW_hh[2]")), 0.5, AT_LEAST_4);
    assertEquals("Not the reference value 0.1235, but it follows correctly from your own h[1], dL/dW[2], which were "
        + "wrong: the error is counted where it was made, credit 0.5 here.",
        Feedback.sentence(half, new Notation(Map.of("W_hh", "W"))));

    QuantityResult third = written("L", "loss", Tensor.scalar(0.12), Tensor.scalar(0.1234),
        new Finding.CarriedForward(List.of()), 1.0 / 3, new Tolerance.AsWritten(2), 2);
    assertEquals("Not the reference value 0.12, but it follows correctly from your own rounded earlier values: the "
        + "error is counted where it was made, credit 0.333 here.", Feedback.sentence(third, CANONICAL));
  }

  @Test
  void wrongGivesTheReferenceTheToleranceAndWhatTheQuantityIs() {
    // judged at the 3 decimals written: the reference is shown at 3 decimals too
    QuantityResult q = written("h[2]", "hidden state tanh(a[t])", Tensor.scalar(0.716), Tensor.scalar(0.71736),
        new Finding.Wrong(null, List.of()), 0, new Tolerance.AsWritten(2), 3);
    assertEquals("Expected 0.717 (to the decimals written, at least 2 decimals). h[2]: hidden state tanh(a[t]).",
        Feedback.sentence(q, CANONICAL));
    QuantityResult unknown = result("a[2]", "pre-activation", Tensor.scalar(1.046), Tensor.scalar(1.046165),
        new Finding.Wrong(null, List.of()), 0, AT_LEAST_4);
    assertEquals("Expected 1.0462 (to the decimals written, at least 4 decimals). a[2]: pre-activation.",
        Feedback.sentence(unknown, CANONICAL));
  }

  @Test
  void wrongListsTheEntriesThatAreOffByIndexOrByRowAndColumn() {
    Tensor expected = Tensor.vector(0.101959, 0.138594, -0.222668, -0.125656);
    QuantityResult vector = written("o[3]", "output pre-activation (logits) W_hy h[t] + b_y",
        Tensor.vector(0.1019, 0.1386, -0.2227, -0.1256), expected,
        new Finding.Wrong(null, List.of(new Finding.OffEntry(1, 0, 0, 0.1019, 0.101959),
            new Finding.OffEntry(4, 0, 0, -0.1256, -0.125656))), 0, AT_LEAST_4, 4, 4, 4, 4);
    assertEquals("Expected [0.1020, 0.1386, -0.2227, -0.1257] (to the decimals written, at least 4 decimals); entries "
        + "1: 0.1019 for 0.1020, 4: -0.1256 for -0.1257 are off. o[3]: output pre-activation (logits) V h[t] + c.",
        Feedback.sentence(vector, new Notation(Map.of("W_hy", "V", "b_y", "c"))));

    QuantityResult matrix = result("W", "weights", Tensor.matrix(new double[] {1, 2.5}, new double[] {3, 4}),
        Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}),
        new Finding.Wrong(null, List.of(new Finding.OffEntry(2, 1, 2, 2.5, 2))), 0, new Tolerance.DecimalPlaces(2));
    assertEquals("Expected [[1.00, 2.00], [3.00, 4.00]] (to 2 decimals); entry (1,2): 2.5 for 2.00 is off. W: weights.",
        Feedback.sentence(matrix, CANONICAL));
  }

  @Test
  void aDiagnosedWrongValueLeadsWithTheMisconceptionsExplanation() {
    QuantityResult q = written("dL/do[2]", "output error", Tensor.scalar(0.08948), Tensor.scalar(-0.0894759),
        new Finding.Wrong(Misconceptions.SIGN_FLIPPED, List.of()), 0, AT_LEAST_4, 5);
    assertEquals(Misconceptions.SIGN_FLIPPED.explanation() + " Expected -0.08948.", Feedback.sentence(q, CANONICAL));
  }

  @Test
  void missingAndInvalid() {
    assertEquals("Not answered.", Feedback.sentence(result("h[1]", "hidden state", null, Tensor.scalar(0.5),
        new Finding.Missing(), 0, AT_LEAST_4), CANONICAL));
    // the submission loader's message, word for word
    assertEquals("answers.yaml:4:11: a[1]: expected a number", Feedback.sentence(result("a[1]", "pre-activation", null,
        Tensor.scalar(0.5), new Finding.Invalid("answers.yaml:4:11: a[1]: expected a number"), 0, AT_LEAST_4),
        CANONICAL));
  }

  @Test
  void notGradableSaysHowFarTheQuantityMovesAndWhy() {
    assertEquals("Not graded: rounding the given values to their printed precision and the working values to the "
        + "exercise's can change this quantity by up to 1 (the training run is chaotic at this learning rate), so no "
        + "answer can be checked against it at this precision.",
        Feedback.sentence(result("L_after[1000]", "loss after training", Tensor.scalar(1.3455), Tensor.scalar(1.92321),
            new Finding.NotGradable(0.9987, true), 0, AT_LEAST_4), CANONICAL));
    assertEquals("Not graded: rounding the given values to their printed precision and the working values to the "
        + "exercise's can change this quantity by its whole value, so no answer can be checked against it at this "
        + "precision.",
        Feedback.sentence(result("y[3]", "output", null, Tensor.scalar(0.5),
            new Finding.NotGradable(Double.POSITIVE_INFINITY, false), 0, AT_LEAST_4), CANONICAL));
  }

  @Test
  void everyToleranceIsDescribed() {
    assertEquals("4 decimals", Feedback.describe(new Tolerance.DecimalPlaces(4)));
    assertEquals("3 significant figures", Feedback.describe(new Tolerance.SignificantFigures(3)));
    assertEquals("within 0.001 + 0.01 x |value|", Feedback.describe(new Tolerance.Relative(1e-2, 1e-3)));
    assertEquals("the decimals written, at least 4 decimals", Feedback.describe(new Tolerance.AsWritten(4)));
    assertEquals("the decimals written, at least 1 decimal", Feedback.describe(new Tolerance.AsWritten(1)));
    assertEquals("the decimals written, at least 2 decimals, with up to 0.012 more for the rounding of the given data "
        + "and of the working values before it", Feedback.describe(new Tolerance.WithinBudget(new Tolerance.AsWritten(2),
        List.of(Tensor.vector(0.01234, 0.00034), Tensor.vector(0.001, 0.0001)))));
    assertEquals("the decimals written, at least 2 decimals, with up to 0.001 more for the rounding of the given data "
        + "and of the working values before it", Feedback.describe(new Tolerance.WithinBudget(new Tolerance.AsWritten(2),
        List.of(Tensor.vector(0.01234, 0.00034), Tensor.vector(0.001, 0.0001))), 3));
  }

  /** A new kind of tolerance or finding must get its wording here: every permitted subtype is worded above. */
  @Test
  void everyKindOfToleranceAndFindingHasWording() {
    assertEquals(Set.of(Tolerance.AsWritten.class, Tolerance.DecimalPlaces.class, Tolerance.SignificantFigures.class,
        Tolerance.Relative.class, Tolerance.WithinBudget.class), permitted(Tolerance.class));
    assertEquals(Set.of(Finding.Correct.class, Finding.CarriedForward.class, Finding.Wrong.class, Finding.Missing.class,
        Finding.Invalid.class, Finding.NotGradable.class), permitted(Finding.class));
    for (Finding finding : List.of(new Finding.Correct(), new Finding.CarriedForward(List.of()),
        new Finding.Wrong(null, List.of()), new Finding.Missing(), new Finding.Invalid("x"),
        new Finding.NotGradable(1, false))) {
      double credit = finding instanceof Finding.Correct || finding instanceof Finding.CarriedForward ? 1 : 0;
      String sentence = Feedback.sentence(result("h[1]", "hidden state", Tensor.scalar(0.5), Tensor.scalar(0.5),
          finding, credit, AT_LEAST_4), CANONICAL);
      assertTrue(!sentence.isBlank(), finding.toString());
    }
  }

  private static Set<Class<?>> permitted(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
  }
}

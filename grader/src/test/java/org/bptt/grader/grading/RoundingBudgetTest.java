package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bptt.grader.error.Location;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rounding budget on the seed exercises: honest hand work that rounds its working values is
 * correct although it differs from the reference rounded, a first-significant-digit error is never
 * within budget, and a short chain keeps a tight one.
 */
class RoundingBudgetTest {

  static Stream<String> seeds() {
    return Stream.of(GradingFixture.SEED_000, GradingFixture.SEED_001, "seed-002-forward-sensitivities.yaml",
        GradingFixture.SEED_003, GradingFixture.SEED_004);
  }

  /**
   * Seed 000 worked by hand to 4 decimals, 1 − h[t]² and every product written down: some answers
   * are not the reference rounded (the drift is real), and all are correct.
   */
  @Test
  void seed000WorkedByHandToFourDecimalsIsAllCorrect() {
    GradingFixture seed = GradingFixture.seed(GradingFixture.SEED_000);
    List<String> asked = seed.grader().asked();
    Map<String, Answer> answers = new HandWork(seed.graph, 4).answers(asked);
    List<String> drifted = new ArrayList<>();
    for (String name : asked) {
      Tensor written = (Tensor) answers.get(name).value();
      Tensor rounded = seed.tensor(name).map(x -> Math.round(x * 1e4) / 1e4);
      if (written.minus(rounded).maxAbs() > 1e-12) {
        drifted.add(name);
      }
    }
    assertNotEquals(List.of(), drifted, "hand work at 4 decimals differs from the reference rounded somewhere");
    SubmissionResult result = seed.gradeAnswers(answers, seed.spec);
    for (QuantityResult quantity : result.quantities()) {
      assertEquals(Verdict.CORRECT, quantity.verdict(), quantity.name() + " written " + quantity.submitted());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aFirstSignificantDigitErrorIsNeverWithinBudget(String exercise) {
    GradingFixture seed = GradingFixture.seed(exercise);
    for (String name : seed.grader().asked()) {
      if (!(seed.graph.value(name) instanceof Tensor reference) || reference.maxAbs() == 0
          || seed.grader().notGradable().containsKey(name)) {
        continue;
      }
      double[] bumped = VerdictTest.bumpFirstSignificantDigit(reference.toArray());
      double smallestUnit = Double.POSITIVE_INFINITY; // of the entries' first significant digits
      for (double entry : reference.toArray()) {
        if (entry != 0) {
          smallestUnit = Math.min(smallestUnit, Math.pow(10, Math.floor(Math.log10(Math.abs(entry)))));
        }
      }
      for (int decimals = 2; decimals <= 6; decimals++) {
        if (smallestUnit < 1.5 * Math.pow(10, -decimals)) {
          // 0.0048 written to 2 decimals has no first digit to get wrong, and in 0.06 the first
          // digit is the last one written: honest rounding moves a last digit
          continue;
        }
        double scale = Math.pow(10, decimals);
        Tensor written = Tensor.of(reference.shape(), bumped).map(x -> Math.round(x * scale) / scale);
        Answer answer = new Answer(name, name, Location.ofFile("test.yaml"), written,
            null, java.util.Collections.nCopies(reference.size(), decimals));
        assertTrue(!Grader.matches(answer, reference, seed.grader().toleranceFor(name)),
            exercise + " " + name + ": " + written + " written to " + decimals
                + " decimals is within the budget of " + reference);
      }
    }
  }

  /** h[1] = tanh(W_xh x[1]) from exact givens: written to 4 decimals, only its own rounding can move it. */
  @Test
  void aShortChainKeepsATightBudget() {
    GradingFixture seed = GradingFixture.seed(GradingFixture.SEED_000);
    Tolerance a1 = seed.grader().toleranceFor("a[1]");
    Tolerance h1 = seed.grader().toleranceFor("h[1]");
    assertEquals(0.5e-4, a1.halfWidth(0.5, 4), 1e-12); // 0.5 · 1 = 0.5: exact, nothing added
    assertTrue(h1.halfWidth(0.46, 4) <= 1e-4, "h[1] reads only a[1], written to 4 decimals: " + h1);
    Value reference = seed.graph.value("h[1]");
    Answer slip = new Answer("h[1]", "h[1]", Location.ofFile("test.yaml"), Tensor.scalar(0.4623), null, List.of(4));
    assertTrue(!Grader.matches(slip, reference, h1), "one unit off in the 4th decimal of h[1] is not rounding");
  }
}

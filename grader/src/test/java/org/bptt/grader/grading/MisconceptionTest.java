package org.bptt.grader.grading;

import org.bptt.grader.grading.misconception.Misconceptions;
import org.bptt.grader.grading.misconception.Misconception;
import static org.bptt.grader.grading.GradingFixture.SEED_000;
import static org.bptt.grader.grading.GradingFixture.SEED_001;
import static org.bptt.grader.grading.GradingFixture.SEED_003;
import static org.bptt.grader.grading.GradingFixture.SEED_004;
import static org.bptt.grader.grading.GradingFixture.matTVec;
import static org.bptt.grader.grading.GradingFixture.matVec;
import static org.bptt.grader.grading.GradingFixture.minus;
import static org.bptt.grader.grading.GradingFixture.oneMinusSquare;
import static org.bptt.grader.grading.GradingFixture.outer;
import static org.bptt.grader.grading.GradingFixture.plus;
import static org.bptt.grader.grading.GradingFixture.result;
import static org.bptt.grader.grading.GradingFixture.scale;
import static org.bptt.grader.grading.GradingFixture.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bptt.grader.TestExercises;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.Stage;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each misconception, reproduced: an answer computed in the test the mistaken way, from the
 * reference inputs, is wrong and diagnosed with that misconception. Then, on every exercise file,
 * the reference answers get no diagnosis and neither do answers carried forward.
 */
class MisconceptionTest {

  /** One mistaken answer: the exercise, the quantity, the value the mistake gives, and how it was made. */
  record Example(GradingFixture exercise, String quantity, Tensor mistaken, String how) {
    @Override
    public String toString() {
      return exercise.exercise.id() + " " + quantity + " = " + how;
    }
  }

  private static final Map<String, GradingFixture> SEEDS = new ConcurrentHashMap<>();

  private static GradingFixture seed(String file) {
    return SEEDS.computeIfAbsent(file, GradingFixture::seed);
  }

  // --- one example per misconception in the library -----------------------------------------

  static List<String> misconceptionIds() {
    return Misconceptions.ALL.stream().map(Misconception::id).toList();
  }

  /** The canonical example of each misconception; a new misconception without one fails here. */
  static Example example(String id) {
    return switch (id) {
      case "tanh-derivative-from-preactivation" -> tanhDerivativeFromPreactivation();
      case "activation-derivative-omitted" -> activationDerivativeOmitted();
      case "missing-future-error" -> missingFutureError();
      case "derivative-outside-recursion" -> derivativeOutsideRecursion();
      case "sign-flipped" -> signFlipped();
      case "squared-error-factor" -> squaredErrorFactor();
      case "mean-vs-sum" -> meanVersusSum();
      case "current-state-for-recurrent-gradient" -> currentStateForRecurrentGradient();
      case "update-sign" -> updateSign();
      case "no-learning-rate" -> noLearningRate();
      case "softmax-gradient-without-target" -> softmaxGradientWithoutTarget();
      case "swapped-weights" -> swappedWeights();
      case "transposed-matrix" -> transposedMatrix();
      case "full-gradient-for-truncated" -> fullGradientForTruncated();
      case "unclipped-gradient-for-clipped" -> unclippedGradientForClipped();
      case "cell-state-error-without-forget-path" -> cellStateErrorWithoutForgetPath();
      case "cell-state-error-half-of-h-path" -> outputGateWithoutTanhDerivative();
      case "sigmoid-derivative-as-tanh" -> sigmoidDerivativeAsTanh();
      case "update-gate-swapped" -> updateGateSwapped();
      case "reset-before-recurrent-weights" -> resetBeforeRecurrentWeights();
      default -> fail("no example for misconception " + id + ": add one to MisconceptionTest");
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misconceptionIds")
  void eachMisconceptionIsDiagnosedOnItsOwn(String id) {
    Example example = example(id);
    assertDiagnosedAlone(example, id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misconceptionIds")
  void eachMisconceptionIsDiagnosedAmongOtherwiseCorrectAnswers(String id) {
    Example example = example(id);
    GradingFixture fixture = example.exercise();
    Map<String, Value> answers = new LinkedHashMap<>(fixture.referenceAnswers());
    assertTrue(answers.containsKey(example.quantity()), example.quantity() + " is asked");
    answers.put(example.quantity(), example.mistaken());

    SubmissionResult graded = fixture.grade(answers);

    assertDiagnosis(result(graded, example.quantity()), id, example);
    for (QuantityResult q : graded.quantities()) {
      if (!q.name().equals(example.quantity()) && !fixture.grader().notGradable().containsKey(q.name())) {
        assertEquals(Verdict.CORRECT, q.verdict(), q.name());
      }
    }
  }

  // --- the gated cells (seed 000's LSTM and GRU counterparts), each value worked out here -------

  static final String SEED_000_LSTM = "seed-000-lstm-three-steps.yaml";
  static final String SEED_000_GRU = "seed-000-gru-three-steps.yaml";

  /** 1 - tanh(c[t])^2, from c[t]. */
  private static double tanhDerivativeAt(double c) {
    return 1 - Math.tanh(c) * Math.tanh(c);
  }

  /** dL/dc[2] = dL/dh[2] og[2] (1 - tanh(c[2])^2), without dL/dc[3] f[3]. */
  static Example cellStateErrorWithoutForgetPath() {
    GradingFixture s = seed(SEED_000_LSTM);
    double value = s.scalar("dL/dh[2]") * s.scalar("og[2]") * tanhDerivativeAt(s.scalar("c[2]"));
    return new Example(s, "dL/dc[2]", s.like("dL/dc[2]", value), "dL/dh[2] og[2] (1 - tanh(c[2])^2)");
  }

  /** dL/dc[2] = dL/dh[2] og[2] + dL/dc[3] f[3]: tanh'(c[2]) left out. */
  static Example outputGateWithoutTanhDerivative() {
    GradingFixture s = seed(SEED_000_LSTM);
    double value = s.scalar("dL/dh[2]") * s.scalar("og[2]") + s.scalar("dL/dc[3]") * s.scalar("f[3]");
    return new Example(s, "dL/dc[2]", s.like("dL/dc[2]", value), "dL/dh[2] og[2] + dL/dc[3] f[3]");
  }

  /** dL/dc[2] = dL/dh[2] (1 - tanh(c[2])^2) + dL/dc[3] f[3]: the output gate left out. */
  static Example tanhDerivativeWithoutOutputGate() {
    GradingFixture s = seed(SEED_000_LSTM);
    double value = s.scalar("dL/dh[2]") * tanhDerivativeAt(s.scalar("c[2]")) + s.scalar("dL/dc[3]") * s.scalar("f[3]");
    return new Example(s, "dL/dc[2]", s.like("dL/dc[2]", value), "dL/dh[2] (1 - tanh(c[2])^2) + dL/dc[3] f[3]");
  }

  @Test
  void theOtherHalfOfTheCellStatePathIsDiagnosedToo() {
    assertDiagnosedAlone(tanhDerivativeWithoutOutputGate(), "cell-state-error-half-of-h-path");
  }

  /** dL/da_f[2] = dL/df[2] (1 - f[2]^2), where f[2] (1 - f[2]) belongs. */
  static Example sigmoidDerivativeAsTanh() {
    GradingFixture s = seed(SEED_000_LSTM);
    double f = s.scalar("f[2]");
    return new Example(s, "dL/da_f[2]", s.like("dL/da_f[2]", s.scalar("dL/df[2]") * (1 - f * f)),
        "dL/df[2] (1 - f[2]^2)");
  }

  /** h[2] = z[2] n[2] + (1 - z[2]) h[1]. */
  static Example updateGateSwapped() {
    GradingFixture s = seed(SEED_000_GRU);
    double z = s.scalar("z[2]");
    return new Example(s, "h[2]", s.like("h[2]", z * s.scalar("n[2]") + (1 - z) * s.scalar("h[1]")),
        "z[2] n[2] + (1 - z[2]) h[1]");
  }

  @Test
  void theSwappedUpdateGateIsDiagnosedInTheErrorsToo() {
    GradingFixture s = seed(SEED_000_GRU);
    double z = s.scalar("z[2]");
    assertDiagnosedAlone(new Example(s, "dL/dn[2]", s.like("dL/dn[2]", s.scalar("dL/dh[2]") * z),
        "dL/dh[2] z[2]"), "update-gate-swapped");
    assertDiagnosedAlone(new Example(s, "dL/dz[2]", s.like("dL/dz[2]",
        s.scalar("dL/dh[2]") * (s.scalar("n[2]") - s.scalar("h[1]"))), "dL/dh[2] (n[2] - h[1])"), "update-gate-swapped");
  }

  /** a_n[2] = W_xn x[2] + b_xn + W_hn (r[2] h[1]) + b_hn: the original paper's candidate (b_hn outside r). */
  static Example resetBeforeRecurrentWeights() {
    GradingFixture s = seed(SEED_000_GRU);
    double value = s.scalar("W_xn") * s.scalar("x[2]") + s.scalar("b_xn")
        + s.scalar("W_hn") * (s.scalar("r[2]") * s.scalar("h[1]")) + s.scalar("b_hn");
    return new Example(s, "a_n[2]", s.like("a_n[2]", value), "W_xn x[2] + b_xn + W_hn (r[2] h[1]) + b_hn");
  }

  @Test
  void theResetGateBeforeTheWeightsIsDiagnosedInTheCandidateToo() {
    GradingFixture s = seed(SEED_000_GRU);
    double value = Math.tanh(s.scalar("W_xn") * s.scalar("x[3]") + s.scalar("b_xn")
        + s.scalar("W_hn") * (s.scalar("r[3]") * s.scalar("h[2]")) + s.scalar("b_hn"));
    assertDiagnosedAlone(new Example(s, "n[3]", s.like("n[3]", value), "tanh(W_xn x[3] + b_xn + W_hn (r[3] h[2]) + b_hn)"),
        "reset-before-recurrent-weights");
  }

  /** dL/da[t] = dL/dh[t] (1 - a[t]^2), in seed 000 at the last step (a[3] = 1.58, h[3] = 0.92). */
  static Example tanhDerivativeFromPreactivation() {
    GradingFixture s = seed(SEED_000);
    double a3 = s.scalar("a[3]");
    return new Example(s, "dL/da[3]", s.like("dL/da[3]", s.scalar("dL/dh[3]") * (1 - a3 * a3)),
        "dL/dh[3] (1 - a[3]^2)");
  }

  /** dL/da[t] = dL/dh[t]: no f'(a[t]) at all. */
  static Example activationDerivativeOmitted() {
    GradingFixture s = seed(SEED_000);
    return new Example(s, "dL/da[2]", s.like("dL/da[2]", s.scalar("dL/dh[2]")), "dL/dh[2]");
  }

  /** dL/dh[2] = W_hy^T dL/do[2], without W_hh^T dL/da[3]. */
  static Example missingFutureError() {
    GradingFixture s = seed(SEED_000);
    double own = s.scalar("W_hy") * (s.scalar("y[2]") - s.scalar("target[2]"));
    return new Example(s, "dL/dh[2]", s.like("dL/dh[2]", own), "W_hy (y[2] - target[2])");
  }

  /** dL/da[2] = (W_hy^T dL/do[2]) f'(a[2]) + W_hh^T dL/da[3]: the future error added after the derivative. */
  static Example derivativeOutsideRecursion() {
    GradingFixture s = seed(SEED_000);
    double h2 = s.scalar("h[2]");
    double value = s.scalar("W_hy") * s.scalar("dL/do[2]") * (1 - h2 * h2) + s.scalar("W_hh") * s.scalar("dL/da[3]");
    return new Example(s, "dL/da[2]", s.like("dL/da[2]", value), "W_hy dL/do[2] (1 - h[2]^2) + W_hh dL/da[3]");
  }

  /** dL/do[3] = target[3] - y[3]. */
  static Example signFlipped() {
    GradingFixture s = seed(SEED_000);
    return new Example(s, "dL/do[3]", s.like("dL/do[3]", s.scalar("target[3]") - s.scalar("y[3]")), "target - y");
  }

  /** dL/do[3] = 2 (y[3] - target[3]) for L = 1/2 (y - target)^2. */
  static Example squaredErrorFactor() {
    GradingFixture s = seed(SEED_000);
    assertEquals(0.5, s.exercise.loss().scale());
    return new Example(s, "dL/do[3]", s.like("dL/do[3]", 2 * (s.scalar("y[3]") - s.scalar("target[3]"))),
        "2 (y - target)");
  }

  /** Seed 004 averages the squared error over its 3 sequences; this student sums them. */
  static Example meanVersusSum() {
    GradingFixture s = seed(SEED_004);
    double sum = 0;
    for (int seq = 1; seq <= 3; seq++) {
      double error = s.scalar("s" + seq + ".y[3]") - s.scalar("s" + seq + ".target[3]");
      sum += error * error;
    }
    return new Example(s, "L", s.like("L", sum), "sum over the sequences of (y[3] - target)^2");
  }

  /** dL/dW_hh[2] = dL/da[2] h[2]^T instead of dL/da[2] h[1]^T. */
  static Example currentStateForRecurrentGradient() {
    GradingFixture s = seed(SEED_000);
    return new Example(s, "dL/dW_hh[2]", s.like("dL/dW_hh[2]", s.scalar("dL/da[2]") * s.scalar("h[2]")),
        "dL/da[2] h[2]");
  }

  /** updated.W_hy = W_hy + eta dL/dW_hy. */
  static Example updateSign() {
    GradingFixture s = seed(SEED_000);
    double rate = s.exercise.training().learningRate();
    return new Example(s, "updated.W_hy", s.like("updated.W_hy", s.scalar("W_hy") + rate * s.scalar("dL/dW_hy")),
        "W_hy + eta g");
  }

  /** updated.W_hy = W_hy - dL/dW_hy. */
  static Example noLearningRate() {
    GradingFixture s = seed(SEED_000);
    return new Example(s, "updated.W_hy", s.like("updated.W_hy", s.scalar("W_hy") - s.scalar("dL/dW_hy")), "W_hy - g");
  }

  /** Seed 001 (softmax, cross-entropy): dL/do[2] = y[2], the one-hot target not subtracted. */
  static Example softmaxGradientWithoutTarget() {
    GradingFixture s = seed(SEED_001);
    return new Example(s, "dL/do[2]", s.like("dL/do[2]", s.ref("y[2]")), "y[2]");
  }

  /** Seed 000 (input size = hidden size = 1): a[2] = W_hh x[2] + W_xh h[1]. */
  static Example swappedWeights() {
    GradingFixture s = seed(SEED_000);
    double value = s.scalar("W_hh") * s.scalar("x[2]") + s.scalar("W_xh") * s.scalar("h[1]");
    return new Example(s, "a[2]", s.like("a[2]", value), "W_hh x[2] + W_xh h[1]");
  }

  /** Seed 003 (3 hidden units): dL/dW_hh with rows and columns exchanged. */
  static Example transposedMatrix() {
    GradingFixture s = seed(SEED_003);
    return new Example(s, "dL/dW_hh", s.tensor("dL/dW_hh").transpose(), "dL/dW_hh^T");
  }

  /** Seed 003 (truncated to the last 2 of 4 steps): the full gradient for the truncated one. */
  static Example fullGradientForTruncated() {
    GradingFixture s = seed(SEED_003);
    return new Example(s, "truncated.dL/dW_hh", s.tensor("dL/dW_hh"), "dL/dW_hh, every step");
  }

  /** Seed 003 (clipped by norm, the norm above the threshold): the truncated gradient, not clipped. */
  static Example unclippedGradientForClipped() {
    GradingFixture s = seed(SEED_003);
    return new Example(s, "clipped.dL/dW_hh", s.tensor("truncated.dL/dW_hh"), "truncated.dL/dW_hh, not clipped");
  }

  // --- the same mistakes in other places: vectors, batches, other quantities ------------------

  record Case(String id, Example example) {
    @Override
    public String toString() {
      return id + ": " + example;
    }
  }

  static Stream<Case> moreExamples() {
    GradingFixture s0 = seed(SEED_000);
    GradingFixture s1 = seed(SEED_001);
    GradingFixture s3 = seed(SEED_003);
    GradingFixture s4 = seed(SEED_004);
    GradingFixture square = square();
    GradingFixture meanOverTime = seed000WithMeanOverTime();
    double[][] w3hh = s3.matrix("W_hh");
    double[][] w3hy = s3.matrix("W_hy");
    double rate3 = s3.exercise.training().learningRate();

    // seed 003's dL/dW_hh with h[t] for h[t-1], summed over the 4 steps
    double[] currentState = new double[9];
    double[] recurrentGradient = new double[9];
    for (int t = 1; t <= 4; t++) {
      double[] error = s3.ref("dL/da[" + t + "]");
      currentState = plus(currentState, outer(error, s3.ref("h[" + t + "]")));
      recurrentGradient = plus(recurrentGradient, outer(error, t == 1 ? s3.ref("h0") : s3.ref("h[" + (t - 1) + "]")));
    }
    double[] ownError2 = matTVec(w3hy, minus(s3.ref("y[2]"), s3.ref("target[2]")));
    double[] ownError3 = matTVec(w3hy, s3.ref("dL/do[3]"));
    double[][] sq = square.matrix("W_hh");

    return Stream.of(
        new Case("tanh-derivative-from-preactivation", new Example(s3, "dL/da[2]",
            s3.like("dL/da[2]", times(s3.ref("dL/dh[2]"), oneMinusSquare(s3.ref("a[2]")))), "dL/dh[2] * (1 - a[2]^2)")),
        new Case("tanh-derivative-from-preactivation", new Example(s3, "dh[4]/dh[3]",
            s3.like("dh[4]/dh[3]", diagTimes(oneMinusSquare(s3.ref("a[4]")), w3hh)), "diag(1 - a[4]^2) W_hh")),
        new Case("activation-derivative-omitted", new Example(s3, "dL/da[3]", s3.like("dL/da[3]", s3.ref("dL/dh[3]")),
            "dL/dh[3]")),
        new Case("missing-future-error", new Example(s3, "dL/dh[2]", s3.like("dL/dh[2]", ownError2),
            "W_hy^T (y[2] - target[2])")),
        new Case("missing-future-error", new Example(s3, "dL/da[2]",
            s3.like("dL/da[2]", times(ownError2, oneMinusSquare(s3.ref("h[2]")))), "W_hy^T dL/do[2] * (1 - h[2]^2)")),
        new Case("missing-future-error", new Example(s4, "s1.dL/dh[2]", s4.like("s1.dL/dh[2]", 0),
            "0: no output at step 2, and the error from step 3 left out")),
        new Case("derivative-outside-recursion", new Example(s3, "dL/da[3]",
            s3.like("dL/da[3]", plus(times(ownError3, oneMinusSquare(s3.ref("h[3]"))), matTVec(w3hh, s3.ref("dL/da[4]")))),
            "W_hy^T dL/do[3] * (1 - h[3]^2) + W_hh^T dL/da[4]")),
        new Case("sign-flipped", new Example(s3, "dL/do[2]", s3.like("dL/do[2]", minus(s3.ref("target[2]"), s3.ref("y[2]"))),
            "target[2] - y[2]")),
        new Case("sign-flipped", new Example(s3, "dL/dW_hh", s3.like("dL/dW_hh", scale(-1, recurrentGradient)),
            "-sum dL/da[t] h[t-1]^T")),
        new Case("squared-error-factor", new Example(s4, "s1.dL/dy[3]",
            s4.like("s1.dL/dy[3]", (s4.scalar("s1.y[3]") - s4.scalar("s1.target[3]")) / 3),
            "(y - target) / 3 for L = mean (y - target)^2: the 2 left out")),
        new Case("mean-vs-sum", new Example(s4, "s1.dL/dy[3]",
            s4.like("s1.dL/dy[3]", 2 * (s4.scalar("s1.y[3]") - s4.scalar("s1.target[3]"))),
            "2 (y - target) without the batch mean's 1/3")),
        new Case("mean-vs-sum", new Example(meanOverTime, "dL/do[3]",
            meanOverTime.like("dL/do[3]", meanOverTime.scalar("y[3]") - meanOverTime.scalar("target[3]")),
            "y - target without the mean over 3 steps")),
        new Case("current-state-for-recurrent-gradient", new Example(s3, "dL/dW_hh", s3.like("dL/dW_hh", currentState),
            "sum dL/da[t] h[t]^T")),
        new Case("update-sign", new Example(s3, "updated.W_hh",
            s3.like("updated.W_hh", plus(s3.ref("W_hh"), scale(rate3, s3.ref("clipped.dL/dW_hh")))),
            "W_hh + eta clipped g")),
        new Case("no-learning-rate", new Example(s4, "updated.W_xh",
            s4.like("updated.W_xh", s4.scalar("W_xh") - s4.scalar("dL/dW_xh")), "W_x - g")),
        new Case("softmax-gradient-without-target", new Example(s1, "dL/do[4]", s1.like("dL/do[4]", s1.ref("y[4]")),
            "y[4]")),
        new Case("swapped-weights", new Example(s0, "dL/dW_xh[2]",
            s0.like("dL/dW_xh[2]", s0.scalar("dL/da[2]") * s0.scalar("h[1]")), "dL/da[2] h[1]")),
        new Case("swapped-weights", new Example(s0, "updated.W_xh",
            s0.like("updated.W_xh", s0.scalar("W_xh") - s0.exercise.training().learningRate() * s0.scalar("dL/dW_hh")),
            "W_xh - eta dL/dW_hh")),
        new Case("swapped-weights", new Example(square, "a[2]",
            square.like("a[2]", plus(matVec(sq, square.ref("x[2]")), matVec(square.matrix("W_xh"), square.ref("h[1]")))),
            "W_hh x[2] + W_xh h[1] with 2x2 weights")),
        new Case("swapped-weights", new Example(square, "dL/dW_hh[3]",
            square.like("dL/dW_hh[3]", outer(square.ref("dL/da[3]"), square.ref("x[3]"))), "dL/da[3] x[3]^T")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("moreExamples")
  void theSameMistakesElsewhereAreDiagnosedToo(Case c) {
    assertDiagnosedAlone(c.example(), c.id());
  }

  @Test
  void everyMisconceptionHasAnExampleAndAnExplanation() {
    assertEquals(20, Misconceptions.ALL.size());
    assertEquals(Misconceptions.ALL.size(), misconceptionIds().stream().distinct().count(), "ids are unique");
    for (Misconception misconception : Misconceptions.ALL) {
      assertNotNull(example(misconception.id()));
      assertFalse(misconception.title().isBlank());
      assertFalse(misconception.explanation().isBlank());
    }
  }

  /** The mistake is judged on the student's own earlier values, not only on the reference's. */
  @Test
  void aMistakeIsDiagnosedOnTheStudentsOwnWrongInputs() {
    GradingFixture s = seed(SEED_000);
    double ownHiddenError = -0.5; // wrong: the reference dL/dh[3] is -0.5817
    double a3 = s.scalar("a[3]");
    SubmissionResult graded = s.grade(Map.of(
        "dL/dh[3]", s.like("dL/dh[3]", ownHiddenError),
        "dL/da[3]", s.like("dL/da[3]", ownHiddenError * (1 - a3 * a3))));
    assertEquals(Verdict.WRONG, result(graded, "dL/dh[3]").verdict());
    QuantityResult q = result(graded, "dL/da[3]");
    assertEquals(Verdict.WRONG, q.verdict());
    assertNotNull(q.diagnosis(), q.finding().toString());
    assertEquals("tanh-derivative-from-preactivation", q.diagnosis().id());
  }

  // --- every exercise file -----------------------------------------------------------------

  static List<Path> exerciseFiles() {
    return TestExercises.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exerciseFiles")
  void exactReferenceAnswersAreCorrectWithoutDiagnosis(Path file) {
    GradingFixture fixture = GradingFixture.of(file);
    SubmissionResult graded = fixture.grade(fixture.referenceAnswers());
    assertFalse(graded.quantities().isEmpty());
    for (QuantityResult q : graded.quantities()) {
      if (fixture.grader().notGradable().containsKey(q.name())) {
        continue; // too sensitive to the givens' rounding to grade (seed 001's L_after[1000])
      }
      assertEquals(Verdict.CORRECT, q.verdict(), q.name() + ": " + q.finding());
      assertNull(q.diagnosis(), q.name());
      assertEquals(1.0, q.credit(), q.name());
    }
  }

  /**
   * A slip at h[1] (of the first sequence), and every other asked quantity recomputed from it by
   * the reference's own equations: the slip is wrong, everything else correct or carried forward,
   * and no carried-forward answer carries a diagnosis.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("exerciseFiles")
  void carriedForwardAnswersAreNeverDiagnosed(Path file) {
    GradingFixture fixture = GradingFixture.of(file);
    List<String> asked = fixture.grader().asked();
    String slip = fixture.exercise.isBatch() ? "s1.h[1]" : "h[1]";
    assertTrue(asked.contains(slip), file + " asks for " + slip);
    Map<String, Value> consistent = consistentWithSlip(fixture, slip, shifted(fixture.ref(slip), 0.1));
    Map<String, Value> answers = new LinkedHashMap<>();
    asked.forEach(name -> answers.put(name, consistent.get(name)));

    SubmissionResult graded = fixture.grade(answers);

    assertEquals(Verdict.WRONG, result(graded, slip).verdict());
    assertTrue(graded.count(Verdict.CARRIED_FORWARD) > 0, "something is carried forward");
    for (QuantityResult q : graded.quantities()) {
      if (q.name().equals(slip) || fixture.grader().notGradable().containsKey(q.name())) {
        continue;
      }
      assertTrue(q.verdict() == Verdict.CORRECT || q.verdict() == Verdict.CARRIED_FORWARD,
          q.name() + " is " + q.verdict() + ": " + q.finding());
      assertNull(q.diagnosis(), q.name() + " carried forward but diagnosed");
      if (q.verdict() == Verdict.CARRIED_FORWARD) {
        assertEquals(1.0, q.credit(), q.name());
        // built on the slip, the one wrong answer, or (seed 002's L at 2 decimals) on several answers each
        // within tolerance, rounded (FeedbackTest: the sentence then says "your own rounded earlier values")
        Finding.CarriedForward carried = assertInstanceOf(Finding.CarriedForward.class, q.finding());
        assertTrue(carried.basedOn().isEmpty() || carried.basedOn().equals(List.of(slip)), q.name() + ": " + carried);
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static void assertDiagnosedAlone(Example example, String id) {
    GradingFixture fixture = example.exercise();
    String name = example.quantity();
    Tolerance tolerance = fixture.grader().toleranceFor(name);
    assertFalse(GradingFixture.accepted(tolerance, example.mistaken(), fixture.graph.value(name)),
        example + " is within " + tolerance + " of the reference " + fixture.graph.value(name)
            + ": not a mistake there");

    assertDiagnosis(fixture.gradeOne(name, example.mistaken()), id, example);
  }

  private static void assertDiagnosis(QuantityResult q, String id, Example example) {
    assertEquals(Verdict.WRONG, q.verdict(), example + ": " + q.finding());
    assertNotNull(q.diagnosis(), example + " has no diagnosis: " + q.finding());
    assertEquals(id, q.diagnosis().id(), example + ": " + q.finding());
    assertEquals(0.0, q.credit());
    // the finding carries the library's misconception, whose explanation leads the feedback (FeedbackTest)
    Finding.Wrong wrong = assertInstanceOf(Finding.Wrong.class, q.finding());
    assertSame(Misconceptions.ALL.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(), wrong.diagnosis(),
        example + ": " + q.finding());
  }

  /** Every quantity recomputed by the graph's equations with {@code slip} replaced by {@code value}. */
  private static Map<String, Value> consistentWithSlip(GradingFixture fixture, String slip, double[] value) {
    Map<String, Value> values = new HashMap<>();
    for (Quantity quantity : fixture.graph.quantities()) {
      String name = quantity.name();
      if (name.equals(slip)) {
        values.put(name, fixture.like(name, value));
      } else if (quantity.isGiven() || quantity.stage() == Stage.TRAINING) {
        values.put(name, fixture.graph.value(name));
      } else {
        values.put(name, quantity.main().compute(name, values::get));
      }
    }
    return values;
  }

  private static double[] shifted(double[] values, double amount) {
    double[] result = values.clone();
    for (int i = 0; i < result.length; i++) {
      result[i] += amount;
    }
    return result;
  }

  /** diag(d) m, flattened row by row. */
  private static double[] diagTimes(double[] d, double[][] m) {
    double[] result = new double[d.length * m[0].length];
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        result[i * m[0].length + j] = d[i] * m[i][j];
      }
    }
    return result;
  }

  /** A 2-input, 2-unit network: W_xh and W_hh have the same shape, so they can be exchanged. */
  private static GradingFixture square() {
    return GradingFixture.parse("""
        id: square
        model: {input_size: 2, hidden_size: 2, output_size: 1, hidden_bias: false, output_bias: false}
        loss: {kind: squared_error, scale: 0.5}
        data:
          sequences:
            - inputs: [[1, 0], [0.5, -1], [0.2, 0.3]]
              targets: [0.3, -0.1, 0.2]
        parameters:
          W_xh: [[0.5, -0.2], [0.3, 0.8]]
          W_hh: [[0.1, 0.4], [-0.3, 0.2]]
          W_hy: [[1.0, -0.5]]
        ask: ["a[t]", "h[t]", "dL/dW_xh[t]", "dL/dW_hh[t]", "updated.W_xh"]
        """);
  }

  /** Seed 000 with the squared error averaged over its 3 steps instead of summed. */
  private static GradingFixture seed000WithMeanOverTime() {
    try {
      String yaml = Files.readString(TestExercises.FOLDER.resolve(SEED_000));
      assertTrue(yaml.contains("over_time: sum"));
      return GradingFixture.parse(yaml.replace("over_time: sum", "over_time: mean"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

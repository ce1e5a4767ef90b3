package org.bptt.grader.grading;

import static org.bptt.grader.grading.GradingFixture.SEED_000;
import static org.bptt.grader.grading.GradingFixture.SEED_003;
import static org.bptt.grader.grading.GradingFixture.result;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bptt.grader.TestExercises;
import org.bptt.grader.error.Location;
import org.bptt.grader.pipeline.PreparedExercise;
import org.bptt.grader.load.ExerciseLoader;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One group of tests per verdict, on seed 000 (one hidden unit, tanh, three steps, at least 4 decimals). */
class VerdictTest {

  private final GradingFixture seed = GradingFixture.seed(SEED_000);

  @Test
  void seed000IsGradedToTheDecimalsWrittenAtLeastFourWithFullCreditCarriedForward() {
    assertEquals(new Tolerance.AsWritten(4), seed.spec.defaultTolerance());
    assertEquals(1.0, seed.spec.carriedForwardCredit());
    assertEquals(34, seed.grader().asked().size());
  }

  @Nested
  class Correct {

    @Test
    void exactReferenceValuesAreAllCorrect() {
      SubmissionResult graded = seed.grade(seed.referenceAnswers());
      for (QuantityResult q : graded.quantities()) {
        assertEquals(Verdict.CORRECT, q.verdict(), q.name());
        assertNull(q.diagnosis(), q.name());
        assertTrue(q.basedOn().isEmpty(), q.name());
        assertEquals(1.0, q.credit(), q.name());
      }
      assertEquals(graded.maxScore(), graded.score());
      assertTrue(graded.allCorrect());
    }

    @Test
    void valuesCorrectlyRoundedToFourDecimalsAreAllCorrect() {
      Map<String, Value> rounded = new LinkedHashMap<>();
      seed.referenceAnswers().forEach((name, value) -> rounded.put(name, round((Tensor) value, 4)));
      // the rounding really changes the numbers (h[1] = 0.462117... is written 0.4621)
      assertEquals(0.4621, ((Tensor) rounded.get("h[1]")).scalarValue());

      SubmissionResult graded = seed.grade(rounded);

      for (QuantityResult q : graded.quantities()) {
        assertEquals(Verdict.CORRECT, q.verdict(), q.name() + " written as " + rounded.get(q.name()));
      }
      assertTrue(graded.allCorrect());
    }

    @Test
    void aValueRoundedToOnlyThreeDecimalsIsNotCorrect() {
      // h[1] = 0.4621171...: 0.462 is 1.2e-4 away, more than half a unit in the 4th decimal
      QuantityResult h1 = seed.gradeOne("h[1]", seed.like("h[1]", 0.462));
      assertEquals(Verdict.WRONG, h1.verdict());
      assertEquals(0.0, h1.credit());
    }

    @Test
    void oneUnitOffInTheFourthDecimalIsRejectedButHalfAUnitIsAccepted() {
      double h1 = seed.scalar("h[1]"); // 0.46211716
      assertEquals(Verdict.CORRECT, seed.gradeOne("h[1]", seed.like("h[1]", 0.46215)).verdict());
      assertEquals(Verdict.CORRECT, seed.gradeOne("h[1]", seed.like("h[1]", h1 - 0.00005)).verdict());
      assertEquals(Verdict.WRONG, seed.gradeOne("h[1]", seed.like("h[1]", 0.4622)).verdict());
      assertEquals(Verdict.WRONG, seed.gradeOne("h[1]", seed.like("h[1]", 0.4620)).verdict());
    }

    @Test
    void aValueIsJudgedAtTheDecimalsTheStudentWrote() {
      // seed 000 works to the decimals written, at least 4: h[1] = 0.46211716
      assertEquals(Verdict.CORRECT, gradeWritten("h[1]", 0.462117, 6).verdict());
      assertEquals(Verdict.WRONG, gradeWritten("h[1]", 0.462127, 6).verdict()); // slip in the 5th decimal
      assertEquals(Verdict.CORRECT, seed.gradeOne("h[1]", seed.like("h[1]", 0.462127)).verdict()); // decimals unknown
      assertEquals(Verdict.WRONG, gradeWritten("h[1]", 0.462, 3).verdict()); // fewer than 4 decimals
    }

    private QuantityResult gradeWritten(String name, double value, int decimals) {
      Answer answer = new Answer(name, name, Location.ofFile("test.yaml"), seed.like(name, value), null,
          List.of(decimals));
      return result(seed.gradeAnswers(Map.of(name, answer), seed.spec), name);
    }

    @Test
    void aToleranceOverrideAppliesToTheQuantitiesItNamesAndTheFirstMatchWins() {
      GradingSpec spec = new GradingSpec(new Tolerance.DecimalPlaces(4), List.of(
          new GradingSpec.Override("h[t]", new Tolerance.DecimalPlaces(2)),
          new GradingSpec.Override("h[1]", new Tolerance.DecimalPlaces(6))), 1.0);
      Grader grader = seed.grader(spec);
      assertEquals(new Tolerance.DecimalPlaces(2), base(grader.toleranceFor("h[1]")));
      assertEquals(new Tolerance.DecimalPlaces(2), base(grader.toleranceFor("h[3]")));
      assertEquals(new Tolerance.DecimalPlaces(4), base(grader.toleranceFor("y[1]")));

      Map<String, Answer> h1 = GradingFixture.answers(Map.of("h[1]", seed.like("h[1]", 0.46)));
      assertEquals(Verdict.CORRECT, result(seed.gradeAnswers(h1, spec), "h[1]").verdict());
      // y[1] = h[1] is judged at 4 decimals, with the drift of an h[1] worked to 2: 0.46 passes, 0.455 not
      Map<String, Answer> y1 = GradingFixture.answers(Map.of("y[1]", seed.like("y[1]", 0.455)));
      assertEquals(Verdict.WRONG, result(seed.gradeAnswers(y1, spec), "y[1]").verdict());
    }

    @Test
    void aValueWrongInItsFirstSignificantDigitIsRejected() {
      for (String name : seed.grader().asked()) {
        double[] reference = seed.ref(name);
        if (maxAbs(reference) == 0) {
          continue; // dL/dW_hh[1] = 0 (h0 = 0) has no significant digit
        }
        Tensor off = seed.like(name, bumpFirstSignificantDigit(reference));
        QuantityResult graded = seed.gradeOne(name, off);
        assertEquals(Verdict.WRONG, graded.verdict(), name + " submitted as " + off + " for " + seed.tensor(name));
        assertEquals(0.0, graded.credit(), name);
      }
    }
  }

  @Nested
  class CarriedForward {

    private static final double SLIP = 0.70; // the reference h[2] is 0.7803

    /** Quantities that do not depend on h[2]: the same as the reference, so correct. */
    private final Set<String> unaffected = Set.of("a[1]", "h[1]", "y[1]", "a[2]", "dL/do[1]", "dL/dW_hy[1]",
        "dL/dW_hh[1]");

    @Test
    void theHandComputationInThisTestReproducesTheReference() {
      Map<String, Value> work = seed000WorkedWithH2(seed, seed.scalar("h[2]"));
      assertEquals(Set.copyOf(seed.grader().asked()), work.keySet());
      for (Map.Entry<String, Value> entry : work.entrySet()) {
        double difference = GradingFixture.maxDifference(((Tensor) entry.getValue()).toArray(), seed.ref(entry.getKey()));
        assertTrue(difference < 1e-12, entry.getKey() + " off by " + difference);
      }
    }

    @Test
    void everyQuantityAfterTheSlipDiffersFromTheReference() {
      Map<String, Value> work = seed000WorkedWithH2(seed, SLIP);
      Tolerance tolerance = seed.grader().toleranceFor("h[2]");
      for (String name : seed.grader().asked()) {
        boolean sameAsReference = GradingFixture.accepted(tolerance, work.get(name), seed.graph.value(name));
        assertEquals(unaffected.contains(name), sameAsReference, name + " = " + work.get(name));
      }
    }

    @Test
    void oneSlipAtH2CostsH2Alone() {
      SubmissionResult graded = seed.grade(seed000WorkedWithH2(seed, SLIP));

      QuantityResult h2 = result(graded, "h[2]");
      assertEquals(Verdict.WRONG, h2.verdict());
      assertEquals(0.0, h2.credit());
      for (QuantityResult q : graded.quantities()) {
        if (q.name().equals("h[2]")) {
          continue;
        }
        Verdict expected = unaffected.contains(q.name()) ? Verdict.CORRECT : Verdict.CARRIED_FORWARD;
        assertEquals(expected, q.verdict(), q.name() + ": " + q.finding());
        assertNull(q.diagnosis(), q.name());
        assertEquals(1.0, q.credit(), q.name());
      }
      assertEquals(graded.maxScore() - 1, graded.score(), 1e-12);
      assertEquals(26, graded.count(Verdict.CARRIED_FORWARD));
    }

    @Test
    void quantitiesReadingH2DirectlyNameItAsWhatTheyWereBuiltOn() {
      SubmissionResult graded = seed.grade(seed000WorkedWithH2(seed, SLIP));
      for (String name : List.of("y[2]", "a[3]", "dL/da[2]", "dL/dW_hh[3]", "dL/dW_hy[2]")) {
        QuantityResult q = result(graded, name);
        assertEquals(Verdict.CARRIED_FORWARD, q.verdict(), name);
        assertTrue(q.basedOn().contains("h[2]"), name + " based on " + q.basedOn());
        // the finding names the slip it was built on (FeedbackTest: the sentence names it too)
        Finding.CarriedForward carried = assertInstanceOf(Finding.CarriedForward.class, q.finding());
        assertTrue(carried.basedOn().contains("h[2]"), name + ": " + carried);
      }
      assertEquals(List.of("h[2]"), result(graded, "a[3]").basedOn());
    }

    /** Following basedOn back through carried-forward answers always ends at h[2], the one wrong answer. */
    @Test
    void everyCarriedForwardAnswerTracesBackToTheSlipAtH2() {
      SubmissionResult graded = seed.grade(seed000WorkedWithH2(seed, SLIP));
      Map<String, QuantityResult> byName = new LinkedHashMap<>();
      graded.quantities().forEach(q -> byName.put(q.name(), q));
      for (QuantityResult q : graded.quantities()) {
        if (q.verdict() != Verdict.CARRIED_FORWARD) {
          continue;
        }
        Set<String> roots = new java.util.TreeSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(q.basedOn());
        Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
          String name = pending.pop();
          if (!seen.add(name)) {
            continue;
          }
          QuantityResult earlier = byName.get(name);
          if (earlier != null && earlier.verdict() == Verdict.CARRIED_FORWARD) {
            pending.addAll(earlier.basedOn());
          } else {
            roots.add(name);
          }
        }
        assertEquals(Set.of("h[2]"), roots, q.name() + " based on " + q.basedOn());
      }
    }

    /**
     * Every carried-forward answer traces back to the one slip, h[2], and names it: not the nearest
     * answer it read (a[3] for h[3]), which was itself carried forward, not a slip.
     */
    @Test
    void everyCarriedForwardAnswerIsBasedOnTheSlipAtH2() {
      SubmissionResult graded = seed.grade(seed000WorkedWithH2(seed, SLIP));
      assertAll(graded.quantities().stream()
          .filter(q -> q.verdict() == Verdict.CARRIED_FORWARD)
          .map(q -> () -> assertTrue(q.basedOn().contains("h[2]"), q.name() + " based on " + q.basedOn())));
    }

    @Test
    void carriedForwardCreditComesFromTheGradingSpec() {
      GradingSpec half = seed.spec.withCarriedForwardCredit(0.5);
      SubmissionResult graded = seed.gradeAnswers(GradingFixture.answers(seed000WorkedWithH2(seed, SLIP)), half);

      for (QuantityResult q : graded.quantities()) {
        double expected = switch (q.verdict()) {
          case CORRECT -> 1.0;
          case CARRIED_FORWARD -> 0.5;
          default -> 0.0;
        };
        assertEquals(expected, q.credit(), q.name() + " " + q.verdict());
      }
      assertEquals(Verdict.CARRIED_FORWARD, result(graded, "updated.W_hh").verdict());
      assertEquals(unaffected.size() + 0.5 * 26, graded.score(), 1e-12);
      // y[2], built on h[2], earns the spec's 0.5 (FeedbackTest: the sentence says "credit 0.5 here")
      QuantityResult y2 = result(graded, "y[2]");
      assertEquals(new Finding.CarriedForward(List.of("h[2]")), y2.finding());
      assertEquals(0.5, y2.credit());
    }

    @Test
    void carriedForwardCreditOfZeroStillSaysCarriedForward() {
      GradingSpec none = seed.spec.withCarriedForwardCredit(0);
      SubmissionResult graded = seed.gradeAnswers(GradingFixture.answers(seed000WorkedWithH2(seed, SLIP)), none);
      QuantityResult y2 = result(graded, "y[2]");
      assertEquals(Verdict.CARRIED_FORWARD, y2.verdict());
      assertEquals(0.0, y2.credit());
    }

    @Test
    void anUnansweredStepInBetweenStillCarriesTheSlip() {
      // the student leaves a[3] and h[3] blank; y[3] still follows from h[2] through them
      Map<String, Value> work = new LinkedHashMap<>(seed000WorkedWithH2(seed, SLIP));
      work.remove("a[3]");
      work.remove("h[3]");
      SubmissionResult graded = seed.grade(work);
      QuantityResult y3 = result(graded, "y[3]");
      assertEquals(Verdict.CARRIED_FORWARD, y3.verdict(), y3.finding().toString());
      assertEquals(List.of("h[2]"), y3.basedOn());
      assertEquals(Verdict.MISSING, result(graded, "a[3]").verdict());
    }
  }

  @Nested
  class Wrong {

    @Test
    void anArbitraryWrongValueIsWrongWithoutDiagnosis() {
      QuantityResult q = seed.gradeOne("dL/da[2]", seed.like("dL/da[2]", 0.123));
      assertEquals(Verdict.WRONG, q.verdict());
      assertNull(q.diagnosis());
      assertTrue(q.basedOn().isEmpty());
      assertEquals(0.0, q.credit());
      // a single number, so no entries are listed; the reference is -0.08948 and the tolerance the seed's
      assertEquals(new Finding.Wrong(null, List.of()), q.finding());
      assertEquals(-0.08948, ((Tensor) q.expected()).scalarValue(), 0.5e-5);
      assertEquals(new Tolerance.AsWritten(4), base(q.tolerance()));
      assertEquals(0.123, ((Tensor) q.submitted()).scalarValue());
    }

    @Test
    void aWrongValueAmongCorrectOnesIsWrongWithoutDiagnosis() {
      Map<String, Value> answers = new LinkedHashMap<>(seed.referenceAnswers());
      answers.put("y[3]", seed.like("y[3]", 0.5));
      SubmissionResult graded = seed.grade(answers);
      QuantityResult y3 = result(graded, "y[3]");
      assertEquals(Verdict.WRONG, y3.verdict());
      assertNull(y3.diagnosis());
      assertEquals(graded.maxScore() - 1, graded.score(), 1e-12);
    }

    /** Seed 003's vectors and matrices: the entries that are off, by index or by row and column. */
    @Test
    void aVectorOrMatrixWithSomeEntriesOffListsThoseEntries() {
      GradingFixture vectors = GradingFixture.seed(SEED_003);
      double[] h2 = vectors.ref("h[2]");
      double[] oneOff = h2.clone();
      oneOff[1] += 0.01;
      assertEquals(new Finding.Wrong(null, List.of(new Finding.OffEntry(2, 0, 0, oneOff[1], h2[1]))),
          vectors.gradeOne("h[2]", vectors.like("h[2]", oneOff)).finding());

      double[] whh = vectors.ref("dL/dW_hh");
      double[] twoOff = whh.clone();
      twoOff[0] -= 0.01;
      twoOff[5] += 0.01;
      assertEquals(new Finding.Wrong(null, List.of(new Finding.OffEntry(1, 1, 1, twoOff[0], whh[0]),
              new Finding.OffEntry(6, 2, 3, twoOff[5], whh[5]))),
          vectors.gradeOne("dL/dW_hh", vectors.like("dL/dW_hh", twoOff)).finding());

      double[] allOff = h2.clone();
      for (int i = 0; i < allOff.length; i++) {
        allOff[i] += 0.01;
      }
      assertEquals(new Finding.Wrong(null, List.of()),
          vectors.gradeOne("h[2]", vectors.like("h[2]", allOff)).finding());
    }
  }

  @Nested
  class Missing {

    @Test
    void anAbsentAnswerIsMissing() {
      SubmissionResult graded = seed.grade(Map.of());
      assertEquals(seed.grader().asked().size(), graded.count(Verdict.MISSING));
      for (QuantityResult q : graded.quantities()) {
        assertEquals(Verdict.MISSING, q.verdict(), q.name());
        assertNull(q.submitted(), q.name());
        assertEquals(0.0, q.credit(), q.name());
      }
      assertEquals(0.0, graded.score());
    }

    @Test
    void anAnswerWithoutValueIsMissing() {
      Answer blank = new Answer("h[1]", "h[1]", Location.ofFile("test.yaml"), null, null);
      SubmissionResult graded = seed.gradeAnswers(Map.of("h[1]", blank), seed.spec);
      QuantityResult h1 = result(graded, "h[1]");
      assertEquals(Verdict.MISSING, h1.verdict());
      assertNull(h1.diagnosis());
      assertEquals(0.0, h1.credit());
    }

    @Test
    void oneMissingAnswerDoesNotAffectTheOthers() {
      Map<String, Value> answers = new LinkedHashMap<>(seed.referenceAnswers());
      answers.remove("dL/dh[2]");
      SubmissionResult graded = seed.grade(answers);
      assertEquals(Verdict.MISSING, result(graded, "dL/dh[2]").verdict());
      assertEquals(graded.maxScore() - 1, graded.count(Verdict.CORRECT));
    }
  }

  @Nested
  class Invalid {

    @Test
    void anAnswerThatCouldNotBeReadIsInvalid() {
      Answer unreadable = new Answer("h[1]", "h[1]", Location.ofFile("test.yaml"), null, "x");
      SubmissionResult graded = seed.gradeAnswers(Map.of("h[1]", unreadable), seed.spec);
      QuantityResult h1 = result(graded, "h[1]");
      assertEquals(Verdict.INVALID, h1.verdict());
      assertEquals(new Finding.Invalid("x"), h1.finding());
      assertNull(h1.diagnosis());
      assertEquals(0.0, h1.credit());
      assertNotEquals(Verdict.INVALID, result(graded, "h[2]").verdict());
    }
  }

  /** With the rounding sensitivities the grade command uses, seed 001's chaotic loss after 1000 epochs is not graded. */
  @Nested
  class NotGradable {

    @Test
    void aQuantityTheSheetCannotDecideIsNotGradedAndNotCounted() throws Exception {
      PreparedExercise solved = PreparedExercise.prepare(new ExerciseLoader().loadDefinition(
          TestExercises.FOLDER.resolve(GradingFixture.SEED_001), GradingFixture.SEED_001));
      Grader grader = solved.grader();
      assertTrue(grader.notGradable().containsKey("L_after[1000]"), grader.notGradable().toString());
      Finding.NotGradable reason = grader.notGradable().get("L_after[1000]");
      assertTrue(reason.training(), reason.toString());
      assertFalse(reason.unbounded(), reason.toString());
      double size = ((Tensor) solved.graph().value("L_after[1000]")).maxAbs();
      assertTrue(reason.spread() > ToleranceTable.NOT_GRADABLE_SHARE * size, reason + " for a loss of " + size);

      Map<String, Answer> answers = new LinkedHashMap<>();
      for (String name : grader.asked()) {
        answers.put(name, GradingFixture.answer(name, solved.graph().value(name)));
      }
      SubmissionResult graded = grader.grade(GradingFixture.submission("seed-001", answers));

      QuantityResult chaotic = result(graded, "L_after[1000]");
      assertEquals(Verdict.NOT_GRADABLE, chaotic.verdict());
      assertEquals(reason, chaotic.finding());
      assertEquals(0.0, chaotic.credit());
      assertNull(chaotic.diagnosis());
      for (QuantityResult q : graded.quantities()) {
        if (q.verdict() != Verdict.NOT_GRADABLE) {
          assertEquals(Verdict.CORRECT, q.verdict(), q.name() + ": " + q.finding());
        }
      }
      assertEquals(grader.asked().size() - grader.notGradable().size(), graded.maxScore());
      assertEquals(graded.maxScore(), graded.score(), 1e-12);
      assertTrue(graded.allCorrect());
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  /**
   * Seed 000 as a student works it with h[2] written as {@code h2}: the forward pass, the loss,
   * BPTT and the update by the Elman equations, every step after h[2] computed from it.
   * a[t] = W_xh x[t] + W_hh h[t-1], h[t] = tanh(a[t]), y[t] = W_hy h[t], L = sum 1/2 (y - target)^2,
   * dL/do[t] = y[t] - target[t], dL/dh[t] = W_hy dL/do[t] + W_hh dL/da[t+1], dL/da[t] = dL/dh[t] (1 - h[t]^2).
   */
  static Map<String, Value> seed000WorkedWithH2(GradingFixture seed, double h2) {
    double wxh = seed.scalar("W_xh");
    double whh = seed.scalar("W_hh");
    double why = seed.scalar("W_hy");
    double rate = seed.exercise.training().learningRate();
    int steps = 3;
    double[] x = new double[steps + 1];
    double[] target = new double[steps + 1];
    for (int t = 1; t <= steps; t++) {
      x[t] = seed.scalar("x[" + t + "]");
      target[t] = seed.scalar("target[" + t + "]");
    }
    double[] a = new double[steps + 1];
    double[] h = new double[steps + 1];
    double[] y = new double[steps + 1];
    h[0] = seed.scalar("h0");
    double loss = 0;
    for (int t = 1; t <= steps; t++) {
      a[t] = wxh * x[t] + whh * h[t - 1];
      h[t] = t == 2 ? h2 : Math.tanh(a[t]);
      y[t] = why * h[t];
      loss += 0.5 * (y[t] - target[t]) * (y[t] - target[t]);
    }
    double[] dO = new double[steps + 1];
    double[] dH = new double[steps + 1];
    double[] dA = new double[steps + 2];
    double gXh = 0;
    double gHh = 0;
    double gHy = 0;
    Map<String, Value> work = new LinkedHashMap<>();
    for (int t = steps; t >= 1; t--) {
      dO[t] = y[t] - target[t];
      dH[t] = why * dO[t] + whh * dA[t + 1];
      dA[t] = dH[t] * (1 - h[t] * h[t]);
      put(seed, work, "dL/do[" + t + "]", dO[t]);
      put(seed, work, "dL/dh[" + t + "]", dH[t]);
      put(seed, work, "dL/da[" + t + "]", dA[t]);
      put(seed, work, "dL/dW_xh[" + t + "]", dA[t] * x[t]);
      put(seed, work, "dL/dW_hh[" + t + "]", dA[t] * h[t - 1]);
      put(seed, work, "dL/dW_hy[" + t + "]", dO[t] * h[t]);
      gXh += dA[t] * x[t];
      gHh += dA[t] * h[t - 1];
      gHy += dO[t] * h[t];
    }
    for (int t = 1; t <= steps; t++) {
      put(seed, work, "a[" + t + "]", a[t]);
      put(seed, work, "h[" + t + "]", h[t]);
      put(seed, work, "y[" + t + "]", y[t]);
    }
    put(seed, work, "L", loss);
    put(seed, work, "dL/dW_xh", gXh);
    put(seed, work, "dL/dW_hh", gHh);
    put(seed, work, "dL/dW_hy", gHy);
    put(seed, work, "updated.W_xh", wxh - rate * gXh);
    put(seed, work, "updated.W_hh", whh - rate * gHh);
    put(seed, work, "updated.W_hy", why - rate * gHy);
    return work;
  }

  private static void put(GradingFixture seed, Map<String, Value> work, String name, double value) {
    work.put(name, seed.like(name, value));
  }

  /** Every entry rounded half-up to {@code places} decimals, as a student writes it. */
  static Tensor round(Tensor value, int places) {
    return value.map(v -> BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue());
  }

  /** Every entry with its first significant digit one higher in magnitude: 0.4621 becomes 0.5621, -0.0895 -0.0995. */
  static double[] bumpFirstSignificantDigit(double[] values) {
    double[] bumped = values.clone();
    for (int i = 0; i < bumped.length; i++) {
      if (bumped[i] != 0) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(bumped[i]))));
        bumped[i] += Math.signum(bumped[i]) * unit;
      }
    }
    return bumped;
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** A tolerance without the rounding budget the grader adds to it. */
  static Tolerance base(Tolerance tolerance) {
    return tolerance instanceof Tolerance.WithinBudget budget ? budget.base() : tolerance;
  }
}

package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.error.InputException;
import org.bptt.grader.error.GraderException;
import org.bptt.grader.pipeline.GraderPipeline;
import org.bptt.grader.pipeline.GradingOptions;
import org.bptt.grader.load.SubmissionLoader;
import org.junit.jupiter.api.Test;

/**
 * The seed documents' own hand-computed values (exercises/samples/), graded: the verdict of every
 * answered value. Every value not listed here as wrong, carried forward or not gradable is correct;
 * a carried-forward value names the slip it was built on.
 */
class SeedSampleGradingTest {

  private static SubmissionResult grade(String sample) throws InputException {
    Path file = Path.of("exercises/samples", sample + ".yaml");
    GradingOptions options = new GradingOptions(Path.of("exercises"), Path.of("unused"), null, null, false, false, null);
    try {
      return new GraderPipeline(options).grade(List.of(file)).graded().get(0).result();
    } catch (InputException e) {
      throw e;
    } catch (GraderException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** "verdict" or "verdict <- based, on" for every answered quantity that is not simply correct. */
  private static Map<String, String> notCorrect(SubmissionResult result) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (QuantityResult quantity : result.quantities()) {
      if (quantity.verdict() == Verdict.CORRECT || quantity.verdict() == Verdict.MISSING) {
        continue;
      }
      verdicts.put(quantity.name(), quantity.verdict().id()
          + (quantity.basedOn().isEmpty() ? "" : " <- " + String.join(", ", quantity.basedOn())));
    }
    return verdicts;
  }

  private static Map<String, String> expect(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Seed 000 is right throughout: all 25 printed values are correct (the 9 others it does not print). */
  @Test
  void seed000IsRightThroughout() throws InputException {
    SubmissionResult result = grade("seed-000-author");
    assertEquals(Map.of(), notCorrect(result));
    assertEquals(25, result.count(Verdict.CORRECT));
    assertEquals(9, result.count(Verdict.MISSING));
  }

  /**
   * Seed 001 is honest 4-decimal hand work: its logits truncated in the fourth decimal, the entries
   * of dL/dU and of the updated U and W one unit off, and its total loss (the sum of its rounded
   * per-step losses, 6.0338 for 6.03374) are all within what rounding the working values moves them
   * by, so all are correct. The loss after 1000 epochs cannot be graded: the training run is chaotic.
   */
  @Test
  void seed001IsHonestHandWorkThroughout() throws InputException {
    SubmissionResult result = grade("seed-001-author");
    assertEquals(expect("L_after[1000]", "not-gradable"), notCorrect(result));
  }


  /**
   * Seed 002: h[2] is tanh(0.9) for tanh(0.902); h[3] is written as its pre-activation 0.858; dL/do[1]
   * is 0.402 - 0.5 slipped to -0.102; sech^2 is evaluated at the wrong pre-activations (with c for b),
   * so the local terms and Jacobians are wrong; dL[2]/dU slips a decimal (-0.23). Everything computed
   * from those is carried forward and names them; the updates of w, b and V are truncated.
   */
  @Test
  void seed002CarriesItsSlipsForward() throws InputException {
    SubmissionResult result = grade("seed-002-author");
    Map<String, String> expected = expect(
        "h[2]", "wrong",
        "h[3]", "wrong",
        "y[3]", "carried-forward <- h[3]",
        "L[3]", "carried-forward <- h[3]",
        "L", "wrong",
        "dL/do[3]", "carried-forward <- h[3]",
        "dL/do[1]", "wrong",
        "local.dh[1]/dW_xh", "wrong",
        "dh[1]/dW_xh", "carried-forward <- local.dh[1]/dW_xh",
        "local.dh[1]/db_h", "wrong",
        "dh[1]/db_h", "carried-forward <- local.dh[1]/db_h",
        "dL[1]/dW_xh", "carried-forward <- dL/do[1], local.dh[1]/dW_xh",
        "dL[1]/db_h", "carried-forward <- dL/do[1], local.dh[1]/db_h",
        "dL[1]/db_y", "carried-forward <- dL/do[1]",
        "dh[2]/dh[1]", "wrong",
        "local.dh[2]/dW_xh", "wrong",
        "dh[2]/dW_xh", "carried-forward <- local.dh[1]/dW_xh, dh[2]/dh[1], local.dh[2]/dW_xh",
        "local.dh[2]/dW_hh", "wrong",
        "dh[2]/dW_hh", "carried-forward <- dh[2]/dh[1], local.dh[2]/dW_hh",
        "local.dh[2]/db_h", "wrong",
        "dh[2]/db_h", "carried-forward <- local.dh[1]/db_h, dh[2]/dh[1], local.dh[2]/db_h",
        "dL[2]/dW_hh", "wrong",
        "dL[2]/dW_hy", "wrong",
        "dh[3]/dh[2]", "wrong",
        "local.dh[3]/dW_xh", "wrong",
        "dh[3]/dW_xh", "wrong",
        "local.dh[3]/dW_hh", "wrong",
        "dh[3]/dW_hh", "wrong",
        "local.dh[3]/db_h", "wrong",
        "dh[3]/db_h", "carried-forward <- local.dh[1]/db_h, dh[2]/dh[1], local.dh[2]/db_h, dh[3]/dh[2], local.dh[3]/db_h",
        "dL[3]/dW_xh", "wrong",
        "dL[3]/dW_hh", "carried-forward <- h[3], dh[3]/dW_hh",
        "dL[3]/db_h", "wrong",
        "dL[3]/dW_hy", "wrong",
        "dL[3]/db_y", "carried-forward <- h[3]",
        "dL/dW_xh", "carried-forward <- dL/do[1], local.dh[1]/dW_xh, dL[3]/dW_xh",
        "dL/dW_hh", "carried-forward <- h[3], dL[2]/dW_hh, dh[3]/dW_hh",
        "dL/db_h", "carried-forward <- dL/do[1], local.dh[1]/db_h, dL[3]/db_h",
        "dL/dW_hy", "carried-forward <- dL[2]/dW_hy, dL[3]/dW_hy",
        "dL/db_y", "carried-forward <- h[3], dL/do[1]",
        "updated.W_xh", "wrong",
        "updated.W_hh", "carried-forward <- h[3], dL[2]/dW_hh, dh[3]/dW_hh",
        "updated.b_h", "wrong",
        "updated.W_hy", "wrong",
        "updated.b_y", "carried-forward <- h[3], dL/do[1]");
    assertEquals(expected, notCorrect(result));
    assertEquals(13, result.count(Verdict.CORRECT));
    assertEquals(List.of("h[1]", "y[1]", "L[1]", "y[2]", "L[2]", "dL/do[2]", "local.dh[1]/dW_hh", "dh[1]/dW_hh", "dL[1]/dW_hh",
        "dL[1]/dW_hy", "dL[2]/dW_xh", "dL[2]/db_h", "dL[2]/db_y"),
        result.quantities().stream().filter(q -> q.verdict() == Verdict.CORRECT).map(QuantityResult::name).toList());
  }

  /** Seed 004: the forward states and loss are right to 2 decimals; its (a) = -1.36 is wrong (true -0.186). */
  @Test
  void seed004sBackwardStepIsWrong() throws InputException {
    SubmissionResult result = grade("seed-004-author");
    assertEquals(expect("dL/dW_xh[3]", "wrong"), notCorrect(result));
    assertEquals(13, result.count(Verdict.CORRECT));
  }
}

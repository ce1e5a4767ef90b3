package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;

/**
 * dh[T]/dh[k] is a product of local Jacobians that a student may associate either way: from the
 * earlier end, dh[T]/dh[k+1] dh[k+1]/dh[k], or from the later end, dh[T]/dh[T-1] dh[T-1]/dh[k].
 * Built from a slipped local Jacobian, either order is followed.
 */
class JacobianRoutesTest {

  private static final GradingFixture SEED_003 = GradingFixture.seed(GradingFixture.SEED_003);

  private static Tensor times(Tensor left, Tensor right) {
    return left.times(right);
  }

  @Test
  void theProductFromEitherEndFollowsFromASlippedLocalJacobian() {
    // A slip in dh[4]/dh[3], then dh[4]/dh[2] = dh[4]/dh[3] dh[3]/dh[2] and dh[4]/dh[1] = dh[4]/dh[2] dh[2]/dh[1]
    // (from the earlier end, the order the solver's main derivation takes).
    Tensor local43 = SEED_003.tensor("dh[4]/dh[3]");
    double[] slipped = local43.toArray();
    slipped[0] += 0.05;
    Tensor wrong43 = Tensor.of(local43.shape(), slipped);
    Tensor from42 = times(wrong43, SEED_003.tensor("dh[3]/dh[2]"));
    Tensor from41 = times(from42, SEED_003.tensor("dh[2]/dh[1]"));
    Map<String, Value> answers = new LinkedHashMap<>();
    answers.put("dh[4]/dh[3]", wrong43);
    answers.put("dh[4]/dh[2]", from42);
    answers.put("dh[4]/dh[1]", from41);

    SubmissionResult graded = SEED_003.grade(answers);

    assertEquals(Verdict.WRONG, GradingFixture.result(graded, "dh[4]/dh[3]").verdict());
    for (String name : new String[] {"dh[4]/dh[2]", "dh[4]/dh[1]"}) {
      QuantityResult result = GradingFixture.result(graded, name);
      assertEquals(Verdict.CARRIED_FORWARD, result.verdict(), name + ": " + result.finding());
      assertTrue(result.basedOn().contains("dh[4]/dh[3]"), name + " " + result.basedOn());
    }
  }

  @Test
  void theProductFromTheLaterEndAlsoFollows() {
    // A slip in dh[3]/dh[1], then dh[4]/dh[1] = dh[4]/dh[3] dh[3]/dh[1] (the other association).
    Tensor exact31 = SEED_003.tensor("dh[3]/dh[1]");
    double[] slipped = exact31.toArray();
    slipped[1] -= 0.05;
    Tensor wrong31 = Tensor.of(exact31.shape(), slipped);
    Map<String, Value> answers = new LinkedHashMap<>();
    answers.put("dh[3]/dh[1]", wrong31);
    answers.put("dh[4]/dh[1]", times(SEED_003.tensor("dh[4]/dh[3]"), wrong31));

    SubmissionResult graded = SEED_003.grade(answers);

    QuantityResult result = GradingFixture.result(graded, "dh[4]/dh[1]");
    assertEquals(Verdict.CARRIED_FORWARD, result.verdict(), result.finding().toString());
    assertEquals(java.util.List.of("dh[3]/dh[1]"), result.basedOn());
  }
}

package org.bptt.grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;
import org.junit.jupiter.api.Test;

/**
 * The losses after training follow from the student's own update: L_after[1] is updated.L by
 * definition, and L_after[n] is n - 1 more updates from the parameters after the first.
 */
class TrainingRoutesTest {

  private static final GradingFixture EXERCISE = GradingFixture.parse("""
      id: training-routes
      model: {input_size: 1, hidden_size: 1, output_size: 1, output: linear, hidden_bias: false, output_bias: false}
      loss: {kind: squared_error, scale: 0.5}
      data:
        sequences:
          - {inputs: [1, 2, 3], targets: [0.5, 1.0, 1.5]}
      parameters: {W_xh: 0.5, W_hh: 0.1, W_hy: 1.0}
      training: {learning_rate: 0.1, loss_after: [1, 3]}
      ask: ["updated.W_xh", "updated.W_hh", "updated.W_hy", "updated.L", "L_after[1]", "L_after[3]"]
      """);

  @Test
  void theLossesAfterTrainingFollowFromASlipInTheUpdate() {
    Tensor slipped = Tensor.scalar(EXERCISE.scalar("updated.W_hy") + 0.1);
    Map<String, Value> answers = new LinkedHashMap<>();
    answers.put("updated.W_xh", EXERCISE.graph.value("updated.W_xh"));
    answers.put("updated.W_hh", EXERCISE.graph.value("updated.W_hh"));
    answers.put("updated.W_hy", EXERCISE.like("updated.W_hy", slipped.scalarValue()));
    Value theirLoss = EXERCISE.graph.evaluate(Map.of("updated.W_hy", EXERCISE.like("updated.W_hy",
        slipped.scalarValue())), List.of("updated.L")).get("updated.L");
    answers.put("updated.L", theirLoss);
    answers.put("L_after[1]", theirLoss);
    Map<Parameter, Tensor> theirs = new TreeMap<>(EXERCISE.exercise.parameters());
    theirs.put(Parameter.W_XH, EXERCISE.tensor("updated.W_xh"));
    theirs.put(Parameter.W_HH, EXERCISE.tensor("updated.W_hh"));
    theirs.put(Parameter.W_HY, EXERCISE.like("updated.W_hy", slipped.scalarValue()));
    Exercise fromTheirs = EXERCISE.exercise.withGiven(theirs, EXERCISE.exercise.sequences());
    answers.put("L_after[3]", Tensor.scalar(ReferenceSolver.lossAfter(fromTheirs, 2)));

    SubmissionResult graded = EXERCISE.grade(answers);

    assertEquals(Verdict.WRONG, GradingFixture.result(graded, "updated.W_hy").verdict());
    for (String name : List.of("updated.L", "L_after[1]", "L_after[3]")) {
      QuantityResult result = GradingFixture.result(graded, name);
      assertEquals(Verdict.CARRIED_FORWARD, result.verdict(), name + ": " + result.finding());
      assertEquals(List.of("updated.W_hy"), result.basedOn(), name);
    }
  }

  @Test
  void theLossAfterOneUpdateIsTheLossAfterTheUpdate() {
    assertEquals(EXERCISE.scalar("updated.L"), EXERCISE.scalar("L_after[1]"), 1e-15);
    QuantityResult result = EXERCISE.gradeOne("L_after[1]", EXERCISE.graph.value("updated.L"));
    assertEquals(Verdict.CORRECT, result.verdict());
  }
}

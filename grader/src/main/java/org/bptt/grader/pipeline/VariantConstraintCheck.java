package org.bptt.grader.pipeline;

import java.util.List;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.grading.Grader;
import org.bptt.grader.load.ExerciseDefinition;
import org.bptt.grader.load.VariantCheck;
import org.bptt.grader.solver.AskedQuantities;
import org.bptt.grader.solver.ReferenceSolver;
import org.bptt.grader.solver.Quantity;
import org.bptt.grader.solver.QuantityGraph;
import org.bptt.grader.solver.QuantityId;
import org.bptt.grader.solver.RoundingBudget;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * Judges a drawn variant by its solution: pre-activations out of saturation, a gradient that does
 * not vanish below the floor, no asked entry that reads as 0 on the sheet, and every asked
 * quantity gradable.
 */
final class VariantConstraintCheck implements VariantCheck {

  @Override
  public String violation(ExerciseDefinition candidate, Constraints constraints) {
    Exercise exercise = candidate.exercise();
    QuantityGraph graph = ReferenceSolver.solve(exercise);
    for (Quantity quantity : graph.quantities()) {
      QuantityId id = quantity.id();
      boolean plain = id.scope() == QuantityId.Scope.PLAIN;
      if (plain && id.role() == QuantityId.Role.PREACTIVATION
          && ((Tensor) graph.value(quantity.name())).maxAbs() > constraints.maxPreactivation()) {
        return "a pre-activation beyond +-" + constraints.maxPreactivation();
      }
      boolean stateNorm = id.role() == QuantityId.Role.JACOBIAN_NORM || id.role() == QuantityId.Role.STATE_JACOBIAN_NORM;
      if (plain && stateNorm && id.earlier() == 1 && id.step() == graph.lastStep(id.sequence())
          && ((Tensor) graph.value(quantity.name())).scalarValue() < constraints.minJacobianNorm()) {
        return "norm(dh[T]/dh[1]) below " + constraints.minJacobianNorm();
      }
    }
    double smallest = 0.5 * Math.pow(10, -constraints.nonzeroDecimals());
    List<String> asked = AskedQuantities.expand(exercise.asked(), graph);
    for (String name : asked) {
      Value value = graph.value(name);
      if (value instanceof Tensor tensor) {
        for (int i = 0; i < tensor.size(); i++) {
          // An exact 0 is structural (h0 = 0, a one-hot input), the same in every draw; a tiny
          // nonzero value is what reads as 0 on the sheet.
          if (tensor.at(i) != 0 && Math.abs(tensor.at(i)) < smallest) {
            return "an asked value that rounds to 0 at " + constraints.nonzeroDecimals() + " decimals";
          }
        }
      }
    }
    long seed = exercise.id().hashCode();
    Grader grader = new Grader(exercise, graph, candidate.grading(), request ->
        RoundingBudget.of(graph, candidate.givenHalfUnits(), seed, request));
    if (!grader.notGradable().isEmpty()) {
      return "an asked quantity that is not gradable";
    }
    return null;
  }
}

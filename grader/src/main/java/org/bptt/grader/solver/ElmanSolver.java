package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Tensor;

/**
 * The reference solver: from a parsed exercise to the graph of every quantity a student could be
 * asked for, in double precision. Pure and stateless, so it is safe to call from many threads.
 */
public final class ElmanSolver {

  private ElmanSolver() {}

  /** Everything: forward, loss, BPTT, sensitivities, Jacobians, variants, update, training. */
  public static QuantityGraph solve(Exercise exercise) {
    ElmanGraphBuilder base = new ElmanGraphBuilder(exercise);
    base.addGiven();
    base.addForward("", Parameter::canonicalName);
    base.addBackward();
    SensitivityBuilder sensitivities = new SensitivityBuilder(base);
    sensitivities.addAll();
    new JacobianBuilder(base).addAll();
    UpdateBuilder update = new UpdateBuilder(base);
    update.addGradientSums(sensitivities);
    update.addTruncation();
    update.addClipping();
    update.addUpdate();
    base.addForward(Names.UPDATED, ElmanSolver::updatedName);
    addTraining(base);
    return base.graph.build();
  }

  /** Only what one training step needs: forward, loss, BPTT, variants and the update. */
  static QuantityGraph solveTrainingStep(Exercise exercise) {
    ElmanGraphBuilder base = new ElmanGraphBuilder(exercise);
    base.addGiven();
    base.addForward("", Parameter::canonicalName);
    base.addBackward();
    UpdateBuilder update = new UpdateBuilder(base);
    update.addGradientSums(null);
    update.addTruncation();
    update.addClipping();
    update.addUpdate();
    return base.graph.build();
  }

  private static String updatedName(Parameter parameter) {
    return parameter.isTrained() ? Names.UPDATED + parameter.canonicalName() : parameter.canonicalName();
  }

  /** L_after[n]: the total loss after n updates, for each n the exercise reports. */
  private static void addTraining(ElmanGraphBuilder base) {
    Exercise exercise = base.exercise;
    List<String> parameterNames = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(exercise.model())) {
        parameterNames.add(parameter.canonicalName());
      }
    }
    for (int updates : exercise.training().reportLossAfter()) {
      base.add(Names.lossAfter(updates), Stage.TRAINING, "total loss after " + updates + " updates", parameterNames,
          in -> {
            Map<Parameter, Tensor> parameters = new java.util.EnumMap<>(Parameter.class);
            for (String name : parameterNames) {
              parameters.put(Parameter.byCanonicalName(name), in.tensor(name));
            }
            return Tensor.scalar(lossAfter(withParameters(exercise, parameters), updates));
          });
    }
  }

  /** Trains for the given number of updates and returns the total loss of the resulting parameters. */
  public static double lossAfter(Exercise exercise, int updates) {
    Exercise current = exercise;
    for (int epoch = 0; epoch < updates; epoch++) {
      QuantityGraph step = solveTrainingStep(current);
      current = withParameters(current, UpdateBuilder.updatedParameters(step, current.parameters()));
    }
    return lossOf(current);
  }

  /** The total loss of an exercise's given parameters (forward pass only). */
  public static double lossOf(Exercise exercise) {
    ElmanGraphBuilder base = new ElmanGraphBuilder(exercise);
    base.addGiven();
    base.addForward("", Parameter::canonicalName);
    return ((Tensor) base.graph.build().value(Names.TOTAL_LOSS)).scalarValue();
  }

  static Exercise withParameters(Exercise exercise, Map<Parameter, Tensor> parameters) {
    return exercise.withGiven(parameters, exercise.sequences());
  }
}

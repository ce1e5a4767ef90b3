package org.bptt.grader.solver;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bptt.grader.exercise.Exercise;
import org.bptt.grader.exercise.Parameter;
import org.bptt.grader.value.Tensor;
import org.bptt.grader.value.Value;

/**
 * The reference solver: from a parsed exercise to the graph of every quantity a student could be
 * asked for, in double precision, for whichever {@link Cell} the model's kind names. The graph
 * declares every quantity; values are computed when read. Pure and stateless, so it is safe to
 * call from many threads.
 */
public final class ReferenceSolver {

  private ReferenceSolver() {}

  /** Every quantity, declared: forward, loss, BPTT, sensitivities, Jacobians, variants, update, training. */
  public static QuantityGraph solve(Exercise exercise) {
    RecurrentGraphBuilder base = new RecurrentGraphBuilder(exercise);
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
    base.addForward(Names.UPDATED, ReferenceSolver::updatedName);
    addTraining(base);
    return base.graph.build();
  }

  /** Only what one training step needs: forward, loss, BPTT, variants and the update. */
  static QuantityGraph solveTrainingStep(Exercise exercise) {
    RecurrentGraphBuilder base = new RecurrentGraphBuilder(exercise);
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

  /** L_after[n]: the total loss after n updates, for each n the exercise reports, all from one training run. */
  private static void addTraining(RecurrentGraphBuilder base) {
    Exercise exercise = base.exercise;
    List<String> parameterNames = new ArrayList<>();
    List<String> afterUpdate = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      if (parameter.existsIn(exercise.model())) {
        parameterNames.add(parameter.canonicalName());
        afterUpdate.add(parameter.isTrained() ? Names.UPDATED + parameter.canonicalName() : parameter.canonicalName());
      }
    }
    TrainingRun run = new TrainingRun(exercise);
    TrainingRun fromUpdate = new TrainingRun(exercise);
    for (int updates : exercise.training().reportLossAfter()) {
      String meaning = "total loss after " + updates + " updates";
      List<Derivation> derivations = new ArrayList<>();
      derivations.add(new Derivation(meaning, parameterNames,
          in -> Tensor.scalar(run.lossAfter(parameters(in, parameterNames, parameterNames), updates))));
      if (updates >= 1 && base.graph.contains(Names.UPDATED + Names.TOTAL_LOSS)) {
        // The first update is the one the exercise works by hand: L_after[1] is updated.L, and any
        // L_after[n] follows from the parameters after it with n - 1 more updates.
        String updatedLoss = Names.UPDATED + Names.TOTAL_LOSS;
        if (updates == 1) {
          derivations.add(new Derivation("the loss after the update, updated.L", List.of(updatedLoss),
              in -> in.tensor(updatedLoss)));
        }
        derivations.add(new Derivation("the parameters after the update, then " + (updates - 1) + " more updates",
            afterUpdate, in -> Tensor.scalar(
                fromUpdate.lossAfter(parameters(in, afterUpdate, parameterNames), updates - 1))));
      }
      base.graph.add(new Quantity(Names.lossAfter(updates), Stage.TRAINING, meaning, derivations));
    }
  }

  /** The parameters read from the nodes {@code nodes}, keyed by the parameter each stands for. */
  private static Map<Parameter, Tensor> parameters(Inputs in, List<String> nodes, List<String> canonical) {
    Map<Parameter, Tensor> parameters = new TreeMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      parameters.put(Parameter.byCanonicalName(canonical.get(i)), in.tensor(nodes.get(i)));
    }
    return parameters;
  }


  /**
   * One training run from a set of parameters, advanced only as far as the largest count read so
   * far and recording the loss at every count the exercise reports on the way: L_after[100] and
   * L_after[1000] share the first 100 updates, and a run nobody reads past 100 stops there. The
   * last run is kept, keyed by its starting parameters, so every L_after[n] of one graph reads it.
   */
  private static final class TrainingRun {

    private final Exercise exercise;
    private final List<Integer> counts;
    private final QuantityGraph step;
    private final List<Parameter> trained = new ArrayList<>();
    private Map<Parameter, Tensor> start;
    private Map<String, Tensor> current;
    private int epoch;
    private final Map<Integer, Double> losses = new HashMap<>();

    TrainingRun(Exercise exercise) {
      this.exercise = exercise;
      this.counts = exercise.training().reportLossAfter();
      this.step = solveTrainingStep(exercise);
      for (Parameter parameter : Parameter.values()) {
        if (parameter.isTrained() && parameter.existsIn(exercise.model())) {
          trained.add(parameter);
        }
      }
    }

    synchronized double lossAfter(Map<Parameter, Tensor> parameters, int updates) {
      if (!parameters.equals(start)) {
        start = parameters;
        current = new HashMap<>();
        for (Parameter parameter : trained) {
          current.put(parameter.canonicalName(), parameters.get(parameter));
        }
        epoch = 0;
        losses.clear();
      }
      while (!losses.containsKey(updates)) {
        if (counts.contains(epoch) || epoch == updates) {
          Tensor loss = (Tensor) step.evaluate(current, List.of(Names.TOTAL_LOSS)).get(Names.TOTAL_LOSS);
          losses.put(epoch, loss.scalarValue());
        }
        if (epoch < updates) {
          current = updateOnce(step, trained, current);
          epoch++;
        }
      }
      return losses.get(updates);
    }
  }

  /** Trains for the given number of updates and returns the total loss of the resulting parameters. */
  public static double lossAfter(Exercise exercise, int updates) {
    return new TrainingRun(exercise).lossAfter(exercise.parameters(), updates);
  }

  /** One SGD update: the training step's graph evaluated with the current parameters. */
  private static Map<String, Tensor> updateOnce(QuantityGraph step, List<Parameter> trained,
      Map<String, Tensor> current) {
    List<String> wanted = new ArrayList<>();
    for (Parameter parameter : trained) {
      wanted.add(Names.UPDATED + parameter.canonicalName());
    }
    Map<String, Value> updated = step.evaluate(current, wanted);
    Map<String, Tensor> next = new HashMap<>();
    for (Parameter parameter : trained) {
      next.put(parameter.canonicalName(), (Tensor) updated.get(Names.UPDATED + parameter.canonicalName()));
    }
    return next;
  }

  /** The total loss of an exercise's given parameters (forward pass only). */
  public static double lossOf(Exercise exercise) {
    RecurrentGraphBuilder base = new RecurrentGraphBuilder(exercise);
    base.addGiven();
    base.addForward("", Parameter::canonicalName);
    return ((Tensor) base.graph.build().value(Names.TOTAL_LOSS)).scalarValue();
  }

  static Exercise withParameters(Exercise exercise, Map<Parameter, Tensor> parameters) {
    return exercise.withGiven(parameters, exercise.sequences());
  }
}
